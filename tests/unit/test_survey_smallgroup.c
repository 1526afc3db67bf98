/* The small-group rule with complementary suppression (core/smallgroup.h):
 * nothing hidden when every group is big enough; one small group takes a
 * second with it; small groups summing below k take a third; all hidden
 * when the total is below k; k configurable; an unlisted rest. */
#include "core/smallgroup.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* Fills groups from counts (labels unused here) and applies the rule. */
static size_t
apply(struct smallgroup *g, const long long *counts, size_t n,
    long long total, long long k)
{
	for (size_t i = 0; i < n; i++) {
		g[i].label = "x";
		g[i].count = counts[i];
		g[i].why = SG_COMPLEMENT;	/* must be overwritten */
	}
	return smallgroup_apply(g, n, total, k);
}

static long long
sum(const long long *counts, size_t n)
{
	long long s = 0;

	for (size_t i = 0; i < n; i++)
		s += counts[i];
	return s;
}

static void
test_none_hidden(void **state)
{
	const long long c[] = { 5, 12, 40 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 0);
	for (size_t i = 0; i < N(c); i++)
		assert_int_equal(g[i].why, SG_SHOWN);
}

/* One small group: the smallest other one is hidden with it, so the small
 * one is not the total minus the rest. */
static void
test_one_small_takes_second(void **state)
{
	const long long c[] = { 30, 3, 8, 20 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 2);
	assert_int_equal(g[0].why, SG_SHOWN);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_COMPLEMENT);	/* 8: the smallest */
	assert_int_equal(g[3].why, SG_SHOWN);
}

/* Two small groups 1 + 2 = 3 < 5: their hidden sum alone would be a small
 * group, so a third is hidden: the smallest shown, the first of equals. */
static void
test_two_small_take_third(void **state)
{
	const long long c[] = { 9, 1, 6, 2, 6 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 3);
	assert_int_equal(g[0].why, SG_SHOWN);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_COMPLEMENT);
	assert_int_equal(g[3].why, SG_TOO_SMALL);
	assert_int_equal(g[4].why, SG_SHOWN);
}

/* Two small groups summing to k need nothing more. */
static void
test_two_small_enough(void **state)
{
	const long long c[] = { 2, 3, 50 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 2);
	assert_int_equal(g[0].why, SG_TOO_SMALL);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_SHOWN);
}

/* Complement until the hidden sum reaches k: the small 1 and 1 with
 * k = 10; hiding the 10 (smaller than 11) brings the sum to 12. */
static void
test_complement_until_sum(void **state)
{
	const long long c[] = { 1, 11, 10, 1 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 10), 3);
	assert_int_equal(g[0].why, SG_TOO_SMALL);
	assert_int_equal(g[1].why, SG_SHOWN);
	assert_int_equal(g[2].why, SG_COMPLEMENT);
	assert_int_equal(g[3].why, SG_TOO_SMALL);
}

static void
test_all_small(void **state)
{
	const long long c[] = { 1, 2, 4 };
	struct smallgroup g[N(c)];

	(void)state;
	/* 7 >= 5: every group is small on its own, none is a complement. */
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 3);
	for (size_t i = 0; i < N(c); i++)
		assert_int_equal(g[i].why, SG_TOO_SMALL);
}

/* A total below k hides every group, the empty ones too: shown zeros
 * would leave the one non-empty group as the total. */
static void
test_total_below_k(void **state)
{
	const long long c[] = { 0, 3, 0 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), 3, 5), 3);
	assert_int_equal(g[0].why, SG_COMPLEMENT);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_COMPLEMENT);
}

/* An empty group is shown as 0 and never taken as a complement (it would
 * add nothing to the hidden sum). */
static void
test_zero_shown(void **state)
{
	const long long c[] = { 0, 2, 7, 0, 9 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), sum(c, N(c)), 5), 2);
	assert_int_equal(g[0].why, SG_SHOWN);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_COMPLEMENT);
	assert_int_equal(g[3].why, SG_SHOWN);
	assert_int_equal(g[4].why, SG_SHOWN);
	/* Positive control: with no small group, zeros stay shown too. */
	{
		const long long d[] = { 0, 6, 7 };
		struct smallgroup h[N(d)];

		assert_int_equal(apply(h, d, N(d), 13, 5), 0);
		assert_int_equal(h[0].why, SG_SHOWN);
	}
}

/* The same counts under different minimums. */
static void
test_k_configurable(void **state)
{
	const long long c[] = { 4, 6, 12 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), 22, 4), 0);
	assert_int_equal(apply(g, c, N(c), 22, 5), 2);
	assert_int_equal(g[0].why, SG_TOO_SMALL);
	assert_int_equal(g[1].why, SG_COMPLEMENT);
	assert_int_equal(g[2].why, SG_SHOWN);
	/* k = 7: 4 and 6 small, 10 >= 7, no complement. */
	assert_int_equal(apply(g, c, N(c), 22, 7), 2);
	assert_int_equal(g[0].why, SG_TOO_SMALL);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(g[2].why, SG_SHOWN);
	/* k = 13: all small, 22 >= 13. */
	assert_int_equal(apply(g, c, N(c), 22, 13), 3);
	/* k = 30: total below k, all hidden. */
	assert_int_equal(apply(g, c, N(c), 22, 30), 3);
}

/* k = 1 hides nothing: no count is both > 0 and < 1. */
static void
test_k_one(void **state)
{
	const long long c[] = { 1, 0, 1, 2 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), 4, 1), 0);
	for (size_t i = 0; i < N(c); i++)
		assert_int_equal(g[i].why, SG_SHOWN);
	assert_int_equal(smallgroup_apply(NULL, 0, 0, 5), 0);
}

/* A total above the groups' sum: the rest (answers in no listed group)
 * is hidden by nature. A rest of 2 would be total minus the groups, so a
 * group is hidden with it; a big rest is itself the second hidden pool. */
static void
test_rest(void **state)
{
	const long long c[] = { 10, 6 };
	const long long d[] = { 10, 3 };
	struct smallgroup g[N(c)];

	(void)state;
	assert_int_equal(apply(g, c, N(c), 18, 5), 1);
	assert_int_equal(g[0].why, SG_SHOWN);
	assert_int_equal(g[1].why, SG_COMPLEMENT);
	assert_int_equal(apply(g, d, N(d), 20, 5), 1);	/* 3 + rest 7 */
	assert_int_equal(g[0].why, SG_SHOWN);
	assert_int_equal(g[1].why, SG_TOO_SMALL);
	assert_int_equal(apply(g, c, N(c), 24, 5), 0);	/* rest 8 alone */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_none_hidden),
		cmocka_unit_test(test_one_small_takes_second),
		cmocka_unit_test(test_two_small_take_third),
		cmocka_unit_test(test_two_small_enough),
		cmocka_unit_test(test_complement_until_sum),
		cmocka_unit_test(test_all_small),
		cmocka_unit_test(test_total_below_k),
		cmocka_unit_test(test_zero_shown),
		cmocka_unit_test(test_k_configurable),
		cmocka_unit_test(test_k_one),
		cmocka_unit_test(test_rest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
