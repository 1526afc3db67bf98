/* The calendar's authoring screens (issue 8): the event form, one
 * occurrence moved or cancelled, an event cancelled, and what the
 * moderation queue and the inbox open. The views (month, agenda, day,
 * event detail) reach them through these calls. To be joined with
 * ui/calendar-ui.h. */
#ifndef TINKLAS_CALENDAR_EDIT_H
#define TINKLAS_CALENDAR_EDIT_H

#include <stdint.h>

struct app;
struct i18n_wall;
struct screen_ops;

extern const struct screen_ops screen_cal_edit;
extern const struct screen_ops screen_cal_occurrence;

/* The form for a new event (a member's is a proposal). */
void cal_edit_new(struct app *app);
/* The form for event_id as stored; one the actor may not edit says so. */
void cal_edit_open(struct app *app, int64_t event_id);
/* Asks why, then cancels the whole event (everyone who answered is
 * told). */
void cal_edit_cancel(struct app *app, int64_t event_id);
/* One occurrence of event_id (named by its original start, recur_utc):
 * moved to another start, or cancelled on its own. */
void cal_occurrence_open(struct app *app, int64_t event_id,
    int64_t recur_utc);

/* What Enter on a proposal in the moderation queue and on one of the
 * calendar's inbox entries opens (ui/feature-calendar.c's queue_open and
 * inbox_open). */
void calendar_queue_open(struct app *app, int64_t event_id);
void calendar_inbox_open(struct app *app, int64_t event_id);

/* "YYYY-MM-DD" into the date of w, "HH:MM" into its time: 0 or -1. */
int cal_parse_date(const char *s, struct i18n_wall *w);
int cal_parse_time(const char *s, struct i18n_wall *w);

#endif
