/* The small-group rule with complementary suppression (see
 * core/smallgroup.h for the rules and why a group of 0 is shown). */
#include "core/smallgroup.h"

#include <assert.h>
#include <stdbool.h>

/* Returns the index of the smallest shown group with count > 0 (the
 * first of equal ones), or n when there is none. */
static size_t
smallest_shown(const struct smallgroup *groups, size_t n)
{
	size_t best = n;

	for (size_t i = 0; i < n; i++) {
		if (groups[i].why != SG_SHOWN || groups[i].count == 0)
			continue;
		if (best == n || groups[i].count < groups[best].count)
			best = i;
	}
	return best;
}

size_t
smallgroup_apply(struct smallgroup *groups, size_t n, long long total,
    long long k)
{
	long long sum = 0, hidden_sum, rest;
	size_t hidden = 0, pools;
	bool protect;

	assert(k >= 1);
	assert(groups != NULL || n == 0);
	for (size_t i = 0; i < n; i++) {
		assert(groups[i].count >= 0);
		sum += groups[i].count;
		groups[i].why = groups[i].count > 0 && groups[i].count < k ?
		    SG_TOO_SMALL : SG_SHOWN;
		if (groups[i].why == SG_TOO_SMALL)
			hidden++;
	}
	assert(total >= sum);
	rest = total - sum;
	protect = hidden > 0 || (rest > 0 && rest < k);
	if (!protect)
		return 0;
	hidden_sum = rest;
	for (size_t i = 0; i < n; i++)
		if (groups[i].why != SG_SHOWN)
			hidden_sum += groups[i].count;
	/* The rest, when there is one, is a hidden pool of its own. */
	pools = hidden + (rest > 0);
	while (pools < 2 || hidden_sum < k) {
		size_t i = smallest_shown(groups, n);

		if (i == n) {
			/* Only empty groups are left: total < k. */
			assert(total < k);
			for (size_t j = 0; j < n; j++)
				if (groups[j].why == SG_SHOWN) {
					groups[j].why = SG_COMPLEMENT;
					hidden++;
				}
			break;
		}
		groups[i].why = SG_COMPLEMENT;
		hidden++;
		pools++;
		hidden_sum += groups[i].count;
	}
	return hidden;
}
