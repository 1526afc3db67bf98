/* The calendar's side of ICU: wall times in the site zone (the zone
 * i18n_init was given, config key `timezone`) to UTC and back, with the
 * daylight-saving gaps and overlaps found, never shifted silently; and the
 * month grid's words: month and weekday names and the first day of the
 * week, in the current language. No ICU type leaves this header.
 *
 * Why the zone lives here: ICU already holds the site zone for every date
 * the UI shows, so one tz database answers both "what does 18:00 on this
 * day mean" and "how is this instant shown"; core's recurrence expansion
 * (libical) works on wall times and asks this file for the instants. */
#ifndef TINKLAS_I18N_CALENDAR_H
#define TINKLAS_I18N_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

/* A wall time in the site zone. */
struct i18n_wall {
	int	year;
	int	month;		/* 1 to 12 */
	int	day;		/* 1 to 31 */
	int	hour;		/* 0 to 23 */
	int	minute;		/* 0 to 59 */
};

/* Which of the two instants a repeated wall time (the hour the clocks go
 * back) means; I18N_WALL_ASK when the person has not said. */
enum i18n_wall_choice {
	I18N_WALL_ASK,
	I18N_WALL_EARLIER,	/* the first, summer-time offset */
	I18N_WALL_LATER,	/* the second, standard-time offset */
};

enum i18n_wall_result {
	I18N_WALL_OK,
	I18N_WALL_INVALID,	/* no such date or time (31 April, 24:00) */
	I18N_WALL_NONEXISTENT,	/* in the gap the clocks jump over */
	I18N_WALL_REPEATED,	/* twice, and choice was I18N_WALL_ASK */
};

/* The instant (seconds since the epoch) of w in the site zone, strictly:
 * a nonexistent time is refused, a repeated one needs a choice. */
enum i18n_wall_result i18n_wall_to_utc(const struct i18n_wall *w,
    enum i18n_wall_choice choice, int64_t *out);
/* The same as calendar programs read a recurrence's instances (RFC 5545
 * 3.3.5): a nonexistent time with the offset before the gap, a repeated
 * one as its first instant. -1 for an invalid date. */
int i18n_wall_to_utc_rfc(const struct i18n_wall *w, int64_t *out);
/* The wall time of instant t in the site zone; *weekday (may be NULL)
 * gets 1 for Monday to 7 for Sunday (ISO 8601). */
void i18n_wall_from_utc(int64_t t, struct i18n_wall *w, int *weekday);
/* Days in the month (28 to 31). */
int i18n_month_days(int year, int month);
/* True once i18n_init opened the site zone: the calendar's times need
 * it, so a program that did not start i18n has no calendar. */
bool i18n_zone_ready(void);
/* The site zone's name ("Europe/Vilnius"), newly allocated. */
char *i18n_zone_name(void);

/* The current language's first day of the week, 1 (Monday) to 7
 * (Sunday): Monday for lt, uk, ru, pl; for en what its ICU locale says. */
int i18n_first_weekday(void);
/* The month's name standing alone, as a heading ("lapkritis",
 * "листопад", "November"); month 1 to 12. Newly allocated. */
char *i18n_month_name(int month);
/* The weekday's short name standing alone, for a grid's column head
 * ("Pr", "пн", "Mon"); weekday 1 (Monday) to 7. Newly allocated. */
char *i18n_weekday_short(int weekday);

#endif
