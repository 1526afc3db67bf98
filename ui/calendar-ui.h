/* The calendar's screens (issue 8) and what they share: the month grid's
 * data and its widget (ui/widget-grid.c), the words for an occurrence
 * (ui/calendar-format.c). Declared here, not in ui/screen.h: the
 * calendar adds files, it does not change the house's. The authoring and
 * feeds helpers add their own declarations at the end. */
#ifndef TINKLAS_CALENDAR_UI_H
#define TINKLAS_CALENDAR_UI_H

#include <stdbool.h>
#include <stdint.h>

struct app;
struct cal_occurrence;
struct cal_event;
struct strbuf;
struct view;
struct widget_ops;

/* The screens. */
extern const struct screen_ops screen_cal_month;	/* arg NULL: this month */
extern const struct screen_ops screen_cal_agenda;	/* arg NULL */
extern const struct screen_ops screen_cal_day;		/* arg struct cal_day */
extern const struct screen_ops screen_cal_event;	/* arg struct cal_ref */
extern const struct screen_ops screen_cal_filter;	/* arg struct cal_filters */

/* A day in the site zone. */
struct cal_day {
	int	 year, month, day;
};

/* One occurrence of an event: its id and RECURRENCE-ID (0: the next). */
struct cal_ref {
	int64_t	 event_id;
	int64_t	 recur_utc;
};

/* The agenda's filters as the filter form edits them (texts owned). */
struct cal_filters {
	char	*tag;			/* NULL: any */
	int	 lang;			/* index in i18n_langs, or -1: any */
	char	*eldership;		/* a code, "online", or NULL: any */
	unsigned access;		/* enum cal_access bits needed */
	char	*organiser;		/* a user name, or NULL: anyone */
	int64_t	 organiser_id;		/* its account, when found */
	bool	 free_only;
	bool	 mine_only;		/* going or maybe */
	bool	 changed;		/* the form changed them: restart */
};
void cal_filters_free(struct cal_filters *f);

/* The month grid as the month screen fills it and the widget draws it.
 * The widget moves day, and year and month with it; the screen reloads
 * counts and the texts when they change (every describe). */
#define CAL_GRID_LINES	4	/* lines about the focused day */
struct cal_grid {
	int	 year, month;	/* shown */
	int	 day;		/* focused, 1 to days */
	int	 days;		/* in the month */
	int	 first_weekday;	/* of the 1st: 1 Monday to 7 Sunday */
	int	 week_start;	/* the language's first day of the week */
	int	 today;		/* today's day when it is in this month, or 0 */
	int	 counts[31];	/* occurrences touching each day */
	char	*heads[7];	/* the weekday names in column order */
	char	*legend;	/* what the marks mean */
	char	*keys;		/* the grid's keys, in words */
	char	*lines[CAL_GRID_LINES];	/* the focused day's events */
	int	 nlines;
};
extern const struct widget_ops widget_grid;
/* Moves the focus by days (a week is 7), into the month before or after
 * when it leaves this one; returns true when the month changed. */
bool cal_grid_move(struct cal_grid *g, int days);
/* The month before (-1) or after (+1), the focused day kept where it
 * exists. */
void cal_grid_month(struct cal_grid *g, int dir);
/* Frees the texts the screen filled. */
void cal_grid_clear_texts(struct cal_grid *g);

/* The words for an occurrence (ui/calendar-format.c); each newly
 * allocated. When: "Tue, 17 Nov 18:00–19:30", the date left out when
 * with_date is false and the occurrence is within one day. */
char *cal_fmt_when(const struct cal_occurrence *o, bool with_date);
/* The day's heading: "antradienis, lapkričio 17 d.". t is an instant in
 * that day. */
char *cal_fmt_day(int64_t t);
/* Where: the venue and eldership, or "online". */
char *cal_fmt_place(const struct cal_occurrence *o);
/* The status words a list shows after the title: eldership or online, languages,
 * paid, full, cancelled, the user's own answer. */
char *cal_fmt_status(const struct cal_occurrence *o);
/* The languages it is held in: "lietuvių, українська". */
char *cal_fmt_languages(unsigned languages);
/* The user's answer in words ("going", "on the waitlist, 2nd"), or NULL
 * when none. */
char *cal_fmt_answer(const struct cal_occurrence *o);
/* The instant at noon of a day in the site zone (a day's formats). */
int64_t cal_day_noon(int year, int month, int day);
/* Today in the site zone. */
void cal_today(struct cal_day *d);
/* Pushes the event screen for one occurrence. */
void cal_open_event(struct app *app, int64_t event_id, int64_t recur_utc);

/* The authoring screens (ui/screen-cal-edit.c, ui/screen-cal-occurrence.c,
 * ui/calendar-moderate.c): the event form, one occurrence moved or
 * cancelled, an event cancelled, and what the moderation queue and the
 * inbox open. The month and event screens reach them through these. */
struct i18n_wall;

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
