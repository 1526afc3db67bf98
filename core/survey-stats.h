/* Figures of survey results (issue 10), pure: shares, the mean and median
 * of a scale or number, and the 0-10 recommend score. They read a
 * histogram (value, count), ascending by value, which is what SQL's
 * GROUP BY gives, so no answer list is held in memory. */
#ifndef TINKLAS_SURVEY_STATS_H
#define TINKLAS_SURVEY_STATS_H

#include <stdbool.h>
#include <stddef.h>

struct stats_bin {
	long long	value;
	long long	count;	/* >= 0 */
};

/* count / total as a fraction from 0 to 1; 0 when total is 0. */
double survey_stats_share(long long count, long long total);
/* The number of answers in the n bins. */
long long survey_stats_count(const struct stats_bin *bins, size_t n);
/* The mean of the answers in *out; false (out untouched) when there are
 * none. */
bool survey_stats_mean(const struct stats_bin *bins, size_t n, double *out);
/* The median: the middle answer of an odd number, the mean of the two
 * middle ones of an even number; false when there are none. bins must be
 * ascending by value. */
bool survey_stats_median(const struct stats_bin *bins, size_t n,
    double *out);
/* The recommend score of a 0-10 question, in percentage points from -100
 * to 100: with N the answers, P those of 9 or 10 ("promoters") and D those
 * of 0 to 6 ("detractors"), 100 * P / N - 100 * D / N; answers of 7 and 8
 * count in N only. False when N is 0. */
bool survey_stats_recommend(const struct stats_bin *bins, size_t n,
    double *out);

#endif
