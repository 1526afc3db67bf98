/* The small-group rule for breakdowns (issue 10): a group of fewer than k
 * answers is not shown, and complementary suppression hides more groups so
 * that a hidden one cannot be worked out from the published total and the
 * groups that are shown. Pure: no database, no text; survey results and
 * the metrics call it over their per-group counts. */
#ifndef TINKLAS_SMALLGROUP_H
#define TINKLAS_SMALLGROUP_H

#include <stddef.h>

#define SMALLGROUP_MIN_DEFAULT	5	/* the config's survey_min_group */

/* Why a group is shown or not (smallgroup_apply sets it). */
enum smallgroup_why {
	SG_SHOWN,
	SG_TOO_SMALL,	/* 0 < count < k */
	SG_COMPLEMENT,	/* hidden so that a small group cannot be worked
			 * out from the total and the shown groups */
};

struct smallgroup {
	const char		*label;	/* the caller's; not read here */
	long long		 count;	/* >= 0 */
	enum smallgroup_why	 why;	/* out */
};

/* Marks each of the n groups shown or hidden for the minimum k (>= 1) when
 * total is published beside them. total may exceed the groups' sum: the
 * rest is an unlisted pool (answers in no listed group), which counts as
 * hidden too, and when it is 0 < rest < k it is protected like a small
 * group. Rules, in order:
 *   - a group with 0 < count < k is SG_TOO_SMALL;
 *   - if anything is to be protected (a small group or a small rest), the
 *     smallest shown groups with count > 0 (the first of equal ones) are
 *     hidden as SG_COMPLEMENT until at least two are hidden (the rest
 *     counting as one) and the hidden sum is >= k;
 *   - if that cannot be reached (total < k), every group is hidden, the
 *     empty ones too (else the one non-empty group would be the total).
 * A group with count 0 is otherwise shown, as 0: it exposes no one's
 * answer, and hiding it would add nothing to the hidden sum.
 * Returns the number of groups hidden. */
size_t smallgroup_apply(struct smallgroup *groups, size_t n,
    long long total, long long k);

#endif
