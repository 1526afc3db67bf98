/* Wall times in the site zone and the month grid's words, through ICU's
 * calendar (ucal) and date symbols (udat). The gaps and overlaps of
 * daylight-saving time are found by asking ICU twice, once for each way it
 * can read a wall time, never by knowing the zone's rules here. */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/calendar.h"
#include "i18n/internal.h"

/* One Gregorian calendar in the site zone, opened at first use and again
 * when i18n_init changed the zone; a month view converts thousands of
 * instants, and opening a calendar each time would cost more than all
 * the rest. */
static UCalendar	*cal;
static UChar		*cal_zone;

static UCalendar *
zone_cal(void)
{
	UErrorCode st = U_ZERO_ERROR;
	const UChar *zone = i18n_zone();

	assert(zone != NULL);
	if (cal != NULL && u_strcmp(cal_zone, zone) == 0)
		return cal;
	if (cal != NULL)
		ucal_close(cal);
	free(cal_zone);
	cal_zone = xcalloc((size_t)u_strlen(zone) + 1, sizeof *cal_zone);
	u_strcpy(cal_zone, zone);
	cal = ucal_open(zone, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
	if (U_FAILURE(st)) {
		log_error("%s: ucal_open: %s", __func__, u_errorName(st));
		abort();
	}
	/* Proleptic Gregorian: no Julian switch in 1582 to think about. */
	ucal_setGregorianChange(cal, -8.64e15, &st);
	return cal;
}

int
i18n_month_days(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *c = zone_cal();

	assert(month >= 1 && month <= 12);
	ucal_clear(c);
	ucal_setDate(c, year, month - 1, 1, &st);
	if (U_FAILURE(st))
		return days[month - 1];
	return ucal_getLimit(c, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &st);
}

static bool
wall_valid(const struct i18n_wall *w)
{
	return w->year >= 1 && w->year <= 9999 && w->month >= 1 &&
	    w->month <= 12 && w->day >= 1 &&
	    w->day <= i18n_month_days(w->year, w->month) && w->hour >= 0 &&
	    w->hour <= 23 && w->minute >= 0 && w->minute <= 59;
}

/* The instant of w when ICU reads a repeated time as the first or the
 * second instant and a skipped one with the offset before the gap. */
static int64_t
read_wall(const struct i18n_wall *w, UCalendarWallTimeOption repeated)
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *c = zone_cal();
	UDate d;

	ucal_setAttribute(c, UCAL_REPEATED_WALL_TIME, repeated);
	ucal_setAttribute(c, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_LAST);
	ucal_clear(c);
	ucal_setDateTime(c, w->year, w->month - 1, w->day, w->hour, w->minute,
	    0, &st);
	d = ucal_getMillis(c, &st);
	assert(U_SUCCESS(st));
	return (int64_t)(d / 1000.0);
}

void
i18n_wall_from_utc(int64_t t, struct i18n_wall *w, int *weekday)
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *c = zone_cal();

	ucal_setMillis(c, (UDate)t * 1000.0, &st);
	w->year = ucal_get(c, UCAL_EXTENDED_YEAR, &st);
	w->month = ucal_get(c, UCAL_MONTH, &st) + 1;
	w->day = ucal_get(c, UCAL_DATE, &st);
	w->hour = ucal_get(c, UCAL_HOUR_OF_DAY, &st);
	w->minute = ucal_get(c, UCAL_MINUTE, &st);
	if (weekday != NULL) {
		/* ICU counts Sunday 1 to Saturday 7. */
		int d = ucal_get(c, UCAL_DAY_OF_WEEK, &st);

		*weekday = d == UCAL_SUNDAY ? 7 : d - 1;
	}
	assert(U_SUCCESS(st));
}

static bool
wall_same(const struct i18n_wall *a, const struct i18n_wall *b)
{
	return a->year == b->year && a->month == b->month &&
	    a->day == b->day && a->hour == b->hour && a->minute == b->minute;
}

enum i18n_wall_result
i18n_wall_to_utc(const struct i18n_wall *w, enum i18n_wall_choice choice,
    int64_t *out)
{
	struct i18n_wall back;
	int64_t first, second;

	if (!wall_valid(w))
		return I18N_WALL_INVALID;
	first = read_wall(w, UCAL_WALLTIME_FIRST);
	second = read_wall(w, UCAL_WALLTIME_LAST);
	if (first != second) {
		if (choice == I18N_WALL_ASK)
			return I18N_WALL_REPEATED;
		*out = choice == I18N_WALL_EARLIER ? first : second;
		return I18N_WALL_OK;
	}
	/* A skipped time comes back as another wall time. */
	i18n_wall_from_utc(first, &back, NULL);
	if (!wall_same(&back, w))
		return I18N_WALL_NONEXISTENT;
	*out = first;
	return I18N_WALL_OK;
}

int
i18n_wall_to_utc_rfc(const struct i18n_wall *w, int64_t *out)
{
	if (!wall_valid(w))
		return -1;
	*out = read_wall(w, UCAL_WALLTIME_FIRST);
	return 0;
}

bool
i18n_zone_ready(void)
{
	return i18n_zone() != NULL;
}

char *
i18n_zone_name(void)
{
	return i18n_u8(i18n_zone(), -1);
}

int
i18n_first_weekday(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *c;
	int d = UCAL_MONDAY;

	c = ucal_open(i18n_zone(), -1, i18n_icu_locale(i18n_cur()),
	    UCAL_GREGORIAN, &st);
	if (U_SUCCESS(st))
		d = ucal_getAttribute(c, UCAL_FIRST_DAY_OF_WEEK);
	if (c != NULL)
		ucal_close(c);
	return d == UCAL_SUNDAY ? 7 : d - 1;
}

/* Symbol index of udat_getSymbols, in the current language. */
static char *
symbol(UDateFormatSymbolType type, int index)
{
	UErrorCode st = U_ZERO_ERROR;
	UDateFormat *f;
	UChar buf[64];
	int32_t n = 0;

	f = udat_open(UDAT_NONE, UDAT_FULL, i18n_icu_locale(i18n_cur()),
	    i18n_zone(), -1, NULL, 0, &st);
	if (U_SUCCESS(st))
		n = udat_getSymbols(f, type, index, buf,
		    sizeof buf / sizeof *buf, &st);
	if (f != NULL)
		udat_close(f);
	if (U_FAILURE(st)) {
		log_error("%s: %s", __func__, u_errorName(st));
		return xasprintf("%d", index);
	}
	return i18n_u8(buf, n);
}

char *
i18n_month_name(int month)
{
	assert(month >= 1 && month <= 12);
	return symbol(UDAT_STANDALONE_MONTHS, month - 1);
}

char *
i18n_weekday_short(int weekday)
{
	assert(weekday >= 1 && weekday <= 7);
	/* ICU's weekday symbols start at index 1 for Sunday. */
	return symbol(UDAT_STANDALONE_SHORT_WEEKDAYS,
	    weekday == 7 ? UCAL_SUNDAY : weekday + 1);
}
