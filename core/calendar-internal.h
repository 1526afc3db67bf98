/* What the calendar's files in core/ share: the event row, the expansion
 * of occurrences, and a few helpers. Not for use outside core/. */
#ifndef TINKLAS_CALENDAR_INTERNAL_H
#define TINKLAS_CALENDAR_INTERNAL_H

#include "core/calendar.h"
#include "core/db-internal.h"
#include "core/sanitize.h"

#include <stdio.h>

/* The columns of cal_events the expansion and iCalendar need. */
struct cal_event_row {
	int64_t		 id;
	char		 uid[64];
	int64_t		 start;		/* UTC of the first occurrence */
	int64_t		 end;
	struct i18n_wall wall;		/* the start as given */
	bool		 all_day;
	char		 rrule[256];	/* RFC 5545 RRULE value; "" once */
	int64_t		 organiser_id;
	enum cal_state	 state;
	int		 capacity;
	int64_t		 horizon;	/* occurrences exist before this */
};

/* Loads event id; 0, or -1 when there is none. */
int cal_load(struct db *db, int64_t id, struct cal_event_row *out);
/* NULL when the actor may add events and answer them; else
 * "error.calendar.guest" or "error.calendar.suspended". */
const char *cal_may_act(struct db *db, const struct actor *a);
/* True when the actor may edit the event (its organiser, a moderator or
 * an admin). */
bool cal_may_edit(const struct actor *a, const struct cal_event_row *e);
/* Replaces the occurrences of the event that start in [from, until) from
 * the rule, applying its overrides (cal_overrides), and sets its horizon:
 * until, or INT64_MAX once the rule has ended. from INT64_MIN expands it
 * all; a periodic step passes the old horizon and adds only the new
 * weeks. NULL or "error.internal". */
const char *cal_expand(struct db *db, const struct cal_event_row *e,
    int64_t from, int64_t until);
/* The RRULE value for r starting at wall w; "" for CAL_ONCE. NULL after
 * setting *err for a rule that cannot be. */
const char *cal_rrule(const struct cal_recurrence *r,
    const struct i18n_wall *w, char *buf, size_t bufsz);
/* Appends the ids that answered going or maybe (or waiting) to any of
 * the event's occurrences (recur_utc 0) or one. 0 or -1. */
int cal_answered(struct db *db, int64_t id, int64_t recur_utc,
    struct cal_notify *out);
/* Promotes from the waitlist of one occurrence while places are free,
 * renumbering the rest; promoted ids appended to out (may be NULL). NULL or
 * "error.internal". */
const char *cal_promote(struct db *db, int64_t id, int64_t recur_utc,
    int capacity, struct cal_notify *out);
/* "YYYY-MM-DDTHH:MM" of a wall time and back. */
void cal_wall_text(const struct i18n_wall *w, char *buf, size_t bufsz);
int cal_wall_parse(const char *s, struct i18n_wall *w);
void cal_notify_add(struct cal_notify *n, int64_t id);

/* The clean texts of a form, each sanitised once (calendar-form.c). */
struct cal_clean {
	char	*title, *description, *venue, *address, *access_note, *cost;
	char	*tags[CAL_TAGS_MAX];
	int	 ntags;
	char	 eldership[24];
	char	 rrule[256];
	char	 wall[20];
	int64_t	 start, end;
};

/* Checks and cleans a form into c; free it with cal_clean_free, also
 * after an error. */
struct core_error cal_clean_input(const struct cal_event_input *in,
    struct cal_clean *c);
void cal_clean_free(struct cal_clean *c);
/* A sanitised copy of s (NULL: "") of at most max code points, not blank
 * when needed; else NULL. */
char *cal_clean_text(const char *s, enum sanitize_kind kind, size_t max,
    bool needed);
/* The error of a wall time for the form's field. */
struct core_error cal_wall_error(enum i18n_wall_result r, const char *field);
/* Replaces the event's tags with the form's. NULL or "error.internal". */
const char *cal_write_tags(struct db *db, int64_t id,
    const struct cal_clean *c);
/* Binds the form's columns as ?2 to ?18 of an INSERT or UPDATE. */
void cal_bind_clean(sqlite3_stmt *st, const struct cal_event_input *in,
    const struct cal_clean *c);

/* The domain's demo content (core/calendar-demo.c). */
int calendar_demo_fill(struct db *db, FILE *out);

#endif
