/* Survey figures (core/survey-stats.h) on hand-computed histograms: empty,
 * one answer, odd and even numbers of answers, all promoters, all
 * detractors, a mixed recommend score. */
#include "core/survey-stats.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define N(a)	(sizeof(a) / sizeof((a)[0]))
#define EPS	1e-9

static void
test_empty(void **state)
{
	double v = 42;

	(void)state;
	assert_int_equal(survey_stats_count(NULL, 0), 0);
	assert_false(survey_stats_mean(NULL, 0, &v));
	assert_false(survey_stats_median(NULL, 0, &v));
	assert_false(survey_stats_recommend(NULL, 0, &v));
	assert_float_equal(v, 42, EPS);		/* untouched */
	{
		/* Bins of 0 answers are no answers. */
		const struct stats_bin b[] = { { 3, 0 }, { 7, 0 } };

		assert_false(survey_stats_median(b, N(b), &v));
	}
	assert_float_equal(survey_stats_share(0, 0), 0, EPS);
}

static void
test_one(void **state)
{
	const struct stats_bin b[] = { { 1, 0 }, { 4, 1 }, { 5, 0 } };
	double v;

	(void)state;
	assert_int_equal(survey_stats_count(b, N(b)), 1);
	assert_true(survey_stats_mean(b, N(b), &v));
	assert_float_equal(v, 4, EPS);
	assert_true(survey_stats_median(b, N(b), &v));
	assert_float_equal(v, 4, EPS);
}

/* 1, 2, 2, 5, 5, 5, 5: mean 25 / 7, median the 4th answer, 5. */
static void
test_odd(void **state)
{
	const struct stats_bin b[] = { { 1, 1 }, { 2, 2 }, { 5, 4 } };
	double v;

	(void)state;
	assert_true(survey_stats_mean(b, N(b), &v));
	assert_float_equal(v, 25.0 / 7, EPS);
	assert_true(survey_stats_median(b, N(b), &v));
	assert_float_equal(v, 5, EPS);
}

/* 1, 2, 4, 4, 5, 5: median (4 + 4) / 2 = 4; 1, 2, 3, 5: (2 + 3) / 2 =
 * 2.5, the two middle ones in different bins. */
static void
test_even(void **state)
{
	const struct stats_bin b[] = { { 1, 1 }, { 2, 1 }, { 4, 2 }, { 5, 2 } };
	const struct stats_bin c[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 5, 1 } };
	const struct stats_bin d[] = { { -10, 1 }, { 20, 1 } };
	double v;

	(void)state;
	assert_true(survey_stats_median(b, N(b), &v));
	assert_float_equal(v, 4, EPS);
	assert_true(survey_stats_mean(b, N(b), &v));
	assert_float_equal(v, 21.0 / 6, EPS);
	assert_true(survey_stats_median(c, N(c), &v));
	assert_float_equal(v, 2.5, EPS);
	assert_true(survey_stats_median(d, N(d), &v));	/* a number question */
	assert_float_equal(v, 5, EPS);
}

static void
test_recommend(void **state)
{
	/* 10 answers: 9, 9, 10 promoters (3); 7, 8 passive (2); 0, 3, 6, 6,
	 * 6 detractors (5): 30% - 50% = -20 points. */
	const struct stats_bin mixed[] = {
		{ 0, 1 }, { 3, 1 }, { 6, 3 }, { 7, 1 }, { 8, 1 }, { 9, 2 },
		{ 10, 1 },
	};
	const struct stats_bin promoters[] = { { 9, 4 }, { 10, 1 } };
	const struct stats_bin detractors[] = { { 0, 2 }, { 6, 1 } };
	const struct stats_bin passive[] = { { 7, 3 }, { 8, 3 } };
	double v;

	(void)state;
	assert_true(survey_stats_recommend(mixed, N(mixed), &v));
	assert_float_equal(v, -20, EPS);
	assert_true(survey_stats_recommend(promoters, N(promoters), &v));
	assert_float_equal(v, 100, EPS);
	assert_true(survey_stats_recommend(detractors, N(detractors), &v));
	assert_float_equal(v, -100, EPS);
	assert_true(survey_stats_recommend(passive, N(passive), &v));
	assert_float_equal(v, 0, EPS);
	/* 1 promoter, 2 passive: 100 / 3 points. */
	{
		const struct stats_bin b[] = { { 8, 2 }, { 10, 1 } };

		assert_true(survey_stats_recommend(b, N(b), &v));
		assert_float_equal(v, 100.0 / 3, EPS);
	}
}

static void
test_share(void **state)
{
	(void)state;
	assert_float_equal(survey_stats_share(3, 12), 0.25, EPS);
	assert_float_equal(survey_stats_share(12, 12), 1, EPS);
	{
		const struct stats_bin b[] = { { 1, 3 }, { 2, 9 } };

		assert_int_equal(survey_stats_count(b, N(b)), 12);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_one),
		cmocka_unit_test(test_odd),
		cmocka_unit_test(test_even),
		cmocka_unit_test(test_recommend),
		cmocka_unit_test(test_share),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
