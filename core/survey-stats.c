/* Shares, mean, median and the recommend score over a histogram (see
 * core/survey-stats.h). */
#include "core/survey-stats.h"

#include <assert.h>

double
survey_stats_share(long long count, long long total)
{
	assert(count >= 0 && count <= total);
	return total == 0 ? 0 : (double)count / (double)total;
}

long long
survey_stats_count(const struct stats_bin *bins, size_t n)
{
	long long total = 0;

	for (size_t i = 0; i < n; i++) {
		assert(bins[i].count >= 0);
		total += bins[i].count;
	}
	return total;
}

bool
survey_stats_mean(const struct stats_bin *bins, size_t n, double *out)
{
	long long total = survey_stats_count(bins, n);
	double sum = 0;

	if (total == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		sum += (double)bins[i].value * (double)bins[i].count;
	*out = sum / (double)total;
	return true;
}

/* The value of the answer at 0-based position pos in ascending order. */
static long long
value_at(const struct stats_bin *bins, size_t n, long long pos)
{
	for (size_t i = 0; i < n; i++) {
		if (pos < bins[i].count)
			return bins[i].value;
		pos -= bins[i].count;
	}
	assert(!"position past the answers");
	return 0;
}

bool
survey_stats_median(const struct stats_bin *bins, size_t n, double *out)
{
	long long total = survey_stats_count(bins, n);

	if (total == 0)
		return false;
	for (size_t i = 1; i < n; i++)
		assert(bins[i - 1].value < bins[i].value);
	if (total % 2 == 1)
		*out = (double)value_at(bins, n, total / 2);
	else
		*out = ((double)value_at(bins, n, total / 2 - 1) +
		    (double)value_at(bins, n, total / 2)) / 2;
	return true;
}

bool
survey_stats_recommend(const struct stats_bin *bins, size_t n, double *out)
{
	long long total = survey_stats_count(bins, n), p = 0, d = 0;

	if (total == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		assert(bins[i].value >= 0 && bins[i].value <= 10);
		if (bins[i].value >= 9)
			p += bins[i].count;
		else if (bins[i].value <= 6)
			d += bins[i].count;
	}
	*out = 100.0 * (double)(p - d) / (double)total;
	return true;
}
