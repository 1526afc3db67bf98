/* The event calendar's model (issue 8): events with their place, languages,
 * topics, accessibility, capacity and cost; recurrence; answers with
 * waitlists; the views' queries; iCalendar and CSV. Every write is one call
 * that checks the permission, writes and audits in one transaction; the UI
 * and `tinklas admin` both call these and never check roles themselves.
 *
 * Times: the person gives and sees wall times in the site zone (config key
 * `timezone`, i18n/calendar.h); the database holds UTC instants beside the
 * wall time of the start, which with the zone and the rule is the truth
 * for recurrence and iCalendar. A recurring event's occurrences are
 * expanded by libical into cal_occurrences up to a horizon
 * (CAL_HORIZON_DAYS ahead), so the month view and the agenda read one
 * indexed range.
 *
 * Who may do what:
 *   - guests read published and cancelled events, nothing else;
 *   - members propose (state proposed, shown to them and moderators only)
 *     and answer;
 *   - organisers (ROLE_ORGANISER), moderators and admins publish at once;
 *   - an event's organiser, a moderator or an admin edits, moves and
 *     cancels it and sees its attendees; a member's approved event that
 *     its member edits waits for a moderator again;
 *   - moderators and admins approve or reject proposals.
 * Keys: "error.calendar.guest", "error.calendar.suspended" (adding,
 * editing or answering while suspended), "error.calendar.not_allowed",
 * "error.calendar.not_found", "error.calendar.not_proposed",
 * "error.calendar.title_length" (field "title", {0} the limit),
 * "error.calendar.description_length" ("description"),
 * "error.calendar.venue_length" ("venue"), "error.calendar.address_length"
 * ("address"), "error.calendar.access_note_length" ("access_note"),
 * "error.calendar.cost_length" ("cost"), "error.calendar.tag" ("tags": a
 * tag empty, too long or one too many), "error.calendar.place" ("venue":
 * neither a venue nor online, or an unknown eldership),
 * "error.calendar.languages" ("languages"), "error.calendar.capacity"
 * ("capacity"), "error.calendar.time_invalid" ("start" or "end"),
 * "error.calendar.time_nonexistent" ("start"/"end": in the hour the clocks
 * skip), "error.calendar.time_repeated" ("start"/"end": the hour happens
 * twice; ask which and pass I18N_WALL_EARLIER or I18N_WALL_LATER),
 * "error.calendar.end_before_start" ("end"), "error.calendar.too_long"
 * ("end", {0} the limit in days), "error.calendar.recurrence"
 * ("recurrence": a rule that cannot be, or past the limits),
 * "error.calendar.no_occurrence" (no such occurrence),
 * "error.calendar.cancelled" (answering a cancelled event or occurrence),
 * "error.calendar.past" (answering an occurrence that has begun),
 * "error.calendar.reason_length" ("reason"), "error.internal". */
#ifndef TINKLAS_CALENDAR_H
#define TINKLAS_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/actor.h"
#include "core/error.h"
#include "i18n/calendar.h"

struct db;
struct strbuf;

/* Limits, in code points unless said. */
#define CAL_TITLE_MAX		120
#define CAL_DESCRIPTION_MAX	4000
#define CAL_VENUE_MAX		120
#define CAL_ADDRESS_MAX		200
#define CAL_ACCESS_NOTE_MAX	500
#define CAL_COST_MAX		80
#define CAL_REASON_MAX		200
#define CAL_TAG_MAX		32
#define CAL_TAGS_MAX		8
#define CAL_CAPACITY_MAX	100000
#define CAL_DAYS_MAX		14	/* one occurrence's length */
#define CAL_COUNT_MAX		520	/* a rule's instances */
#define CAL_INTERVAL_MAX	52
#define CAL_HORIZON_DAYS	730	/* occurrences expanded ahead */

enum cal_state {
	CAL_PROPOSED,		/* by a member, waiting for a moderator */
	CAL_PUBLISHED,
	CAL_CANCELLED,		/* kept, shown struck, STATUS:CANCELLED */
	CAL_REJECTED,		/* a proposal a moderator turned down */
};

/* Languages an event is held in: bit i is i18n_langs[i] (lt, en, uk, ru,
 * pl). */
#define CAL_LANG_BIT(i)		(1u << (i))
#define CAL_LANGS_ALL		((1u << 5) - 1)

enum cal_access {
	CAL_ACCESS_STEP_FREE	= 1 << 0,
	CAL_ACCESS_HEARING_LOOP	= 1 << 1,
	CAL_ACCESS_SIGN_LANGUAGE = 1 << 2,
	CAL_ACCESS_EASY_READ	= 1 << 3,
};
#define CAL_ACCESS_ALL		0xfu

/* Kaunas' elderships, the fixed list a venue names one of; code is what
 * the database keeps, key the catalog's name. NULL-terminated. */
struct cal_eldership {
	const char	*code;		/* "centras" */
	const char	*key;		/* "calendar.eldership.centras" */
};
extern const struct cal_eldership cal_elderships[];
/* Index in cal_elderships of code, or -1. */
int cal_eldership_find(const char *code);

enum cal_freq {
	CAL_ONCE,
	CAL_WEEKLY,		/* every interval weeks on weekdays */
	CAL_MONTHLY_DAY,	/* on the start's day of the month */
	CAL_MONTHLY_WEEKDAY,	/* on the nth (1-4, -1 last) weekday of the
				 * start */
	CAL_YEARLY,		/* on the start's day and month */
};

struct cal_recurrence {
	enum cal_freq	 freq;
	int		 interval;	/* every 1 to CAL_INTERVAL_MAX; 0:
					 * every one */
	unsigned	 weekdays;	/* weekly: bit 0 Monday to bit 6
					 * Sunday; 0: the start's weekday */
	int		 nth;		/* CAL_MONTHLY_WEEKDAY: 1 to 4, or -1 */
	int		 count;		/* instances; 0: until or for ever */
	struct i18n_wall until;		/* last day (time ignored); year 0:
					 * none */
};

/* What a form gives for a new or an edited event. */
struct cal_event_input {
	const char		*title;
	const char		*description;	/* may be "" */
	bool			 all_day;	/* start and end are days; the
						 * end day is included */
	struct i18n_wall	 start;
	enum i18n_wall_choice	 start_choice;
	struct i18n_wall	 end;
	enum i18n_wall_choice	 end_choice;
	const char		*venue;		/* name; "" with online */
	const char		*address;	/* may be "" */
	const char		*eldership;	/* cal_elderships code or NULL */
	bool			 online;
	unsigned		 languages;	/* CAL_LANG_BIT set, not 0 */
	const char *const	*tags;
	int			 ntags;
	unsigned		 access;	/* enum cal_access bits */
	const char		*access_note;	/* may be "" or NULL */
	int			 capacity;	/* 0: no limit */
	const char		*cost;		/* NULL or "": free */
	struct cal_recurrence	 recur;
};

/* Account ids the caller tells (the one inbox): everyone who answered an
 * edited, moved or cancelled event, or the people a withdrawal took off
 * the waitlist. Freed with cal_notify_free. */
struct cal_notify {
	int64_t		*ids;
	size_t		 n;
};
void cal_notify_free(struct cal_notify *n);

/* Writes. notify may be NULL when the caller tells no one. */
struct core_error calendar_event_create(struct db *db, const struct actor *a,
    const struct cal_event_input *in, int64_t *id_out);
struct core_error calendar_event_update(struct db *db, const struct actor *a,
    int64_t id, const struct cal_event_input *in, struct cal_notify *notify);
struct core_error calendar_event_cancel(struct db *db, const struct actor *a,
    int64_t id, const char *reason, struct cal_notify *notify);
/* One occurrence, named by its original start (RECURRENCE-ID), cancelled
 * or moved to a new start wall time (the length stays). */
struct core_error calendar_occurrence_cancel(struct db *db,
    const struct actor *a, int64_t id, int64_t recur_utc,
    struct cal_notify *notify);
struct core_error calendar_occurrence_move(struct db *db,
    const struct actor *a, int64_t id, int64_t recur_utc,
    const struct i18n_wall *start, enum i18n_wall_choice choice,
    struct cal_notify *notify);
/* The moderation queue's two answers to a proposal. */
struct core_error calendar_proposal_approve(struct db *db,
    const struct actor *a, int64_t id);
struct core_error calendar_proposal_reject(struct db *db,
    const struct actor *a, int64_t id, const char *reason);

/* Expands every recurring event up to until (now + CAL_HORIZON_DAYS by a
 * periodic step); views never read past the horizon. 0 or -1. */
int calendar_extend_horizon(struct db *db, int64_t until);

enum cal_answer {
	CAL_NO_ANSWER,
	CAL_GOING,
	CAL_MAYBE,
	CAL_NOT_GOING,
};

/* Answers one occurrence (recur_utc; an event that does not recur has
 * one, at its start). CAL_GOING at capacity joins the waitlist: *waiting
 * gets the place in it (1 first), else 0. Leaving "going" (any other
 * answer, or CAL_NO_ANSWER to take the answer back) promotes the first
 * waiting, whose ids land in promoted. */
struct core_error calendar_answer(struct db *db, const struct actor *a,
    int64_t id, int64_t recur_utc, enum cal_answer answer, int *waiting,
    struct cal_notify *promoted);

/* One occurrence as the views list it. Texts are sanitised when stored. */
struct cal_occurrence {
	int64_t		 event_id;
	int64_t		 recur_utc;	/* its RECURRENCE-ID */
	int64_t		 start;		/* UTC; moved ones where they went */
	int64_t		 end;
	bool		 all_day;
	bool		 cancelled;	/* the event or only this one */
	enum cal_state	 state;
	char		 title[CAL_TITLE_MAX * 4 + 1];
	char		 venue[CAL_VENUE_MAX * 4 + 1];
	char		 eldership[24];
	bool		 online;
	unsigned	 languages;
	unsigned	 access;
	int		 capacity;
	int		 going;		/* confirmed, not waiting */
	bool		 free;
	enum cal_answer	 mine;
	int		 mine_waiting;	/* place in the waitlist, or 0 */
};

struct cal_occurrence_list {
	struct cal_occurrence	*v;
	size_t			 n;
	bool			 more;	/* the agenda has a next page */
};
void cal_occurrence_list_free(struct cal_occurrence_list *l);

/* The agenda's filters; zero values filter nothing. */
struct cal_filter {
	const char	*tag;
	unsigned	 languages;	/* any of these */
	const char	*eldership;	/* a code, or "online" */
	unsigned	 access;	/* all of these */
	int64_t		 organiser_id;
	bool		 free_only;
	bool		 answered_only;	/* the actor answered going or maybe */
};

/* Where an agenda page ended: the next page starts after it. */
struct cal_cursor {
	int64_t	start;
	int64_t	event_id;
	int64_t	recur_utc;
};

/* Occurrences that overlap [from, to), in start order: the month view
 * and the day view (calendar_day_bounds). f may be NULL. 0 or -1. */
int calendar_range(struct db *db, const struct actor *a, int64_t from,
    int64_t to, const struct cal_filter *f, struct cal_occurrence_list *out);
/* The month grid: counts[d] is how many occurrences that are not
 * cancelled touch day d + 1 of the month in the site zone (a mark for the
 * days with events, the count for a screen reader). f may be NULL.
 * Returns the days in the month, or -1. */
int calendar_month_marks(struct db *db, const struct actor *a, int year,
    int month, const struct cal_filter *f, int counts[31]);
/* [from, to) of a day in the site zone (23 or 25 hours at the changes). */
int calendar_day_bounds(int year, int month, int day, int64_t *from,
    int64_t *to);
/* The agenda: up to limit occurrences that end after now, after the
 * cursor (NULL: from the start), with filters f (may be NULL); sets
 * out->more. 0 or -1. */
int calendar_agenda(struct db *db, const struct actor *a, int64_t now,
    const struct cal_cursor *after, const struct cal_filter *f, int limit,
    struct cal_occurrence_list *out);
/* The actor's going or maybe occurrences today and tomorrow (site zone)
 * from now on: the welcome reminder; and their count, for the menu. */
int calendar_mine_soon(struct db *db, const struct actor *a, int64_t now,
    struct cal_occurrence_list *out);
int calendar_mine_soon_count(struct db *db, const struct actor *a,
    int64_t now);

/* Everything about one event and one of its occurrences. */
struct cal_event {
	struct cal_occurrence	 occ;	/* the occurrence asked for */
	char			*description;
	char			*address;
	char			*access_note;
	char			*cost;		/* "" when free */
	char			*tags;		/* "a, b" */
	char			*rrule;		/* "" when once */
	int64_t			 organiser_id;	/* 0 after an erasure */
	char			 organiser[128];	/* display name */
	int			 maybe;
	int			 not_going;
	int			 waiting;
	bool			 may_edit;	/* the actor may edit and see
						 * attendees */
};
/* recur_utc 0: the first occurrence from now on (or the last). Refuses
 * what the actor may not see. 0 or -1. */
int calendar_event_get(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, int64_t now, struct cal_event *out);
void cal_event_free(struct cal_event *e);
/* Proposals waiting for a moderator, oldest first (moderators only;
 * others get none). 0 or -1. */
int calendar_proposals(struct db *db, const struct actor *a,
    struct cal_occurrence_list *out);

/* iCalendar (RFC 5545) by libical: published and cancelled events that
 * have an occurrence ending after now; the account's own (going and
 * maybe); one event the actor may see. 0, or -1 (one event: not found). */
int calendar_ics_public(struct db *db, int64_t now, struct strbuf *out);
int calendar_ics_account(struct db *db, int64_t account_id, int64_t now,
    struct strbuf *out);
int calendar_ics_event(struct db *db, const struct actor *a, int64_t id,
    struct strbuf *out);
/* The same as calendar_ics_public for the events among ids only (an
 * organisation's calendar, core/directory-outputs.c): those published or
 * cancelled with an occurrence ending after now. 0 or -1. */
int calendar_ics_events(struct db *db, const int64_t *ids, size_t n,
    int64_t now, struct strbuf *out);
/* Who answered one occurrence, in the order of the answers (going with
 * the waitlist's order, maybe, not going), for its organiser, moderators
 * and admins. */
struct cal_attendee {
	char			*name;
	char			*display;
	enum cal_answer		 answer;
	int			 waitlist;	/* its place; 0: not waiting */
	int64_t			 answered;	/* UTC */
};
struct cal_attendee_list {
	struct cal_attendee	*v;
	size_t			 n;
};
struct core_error calendar_attendees(struct db *db, const struct actor *a,
    int64_t id, int64_t recur_utc, struct cal_attendee_list *out);
void cal_attendee_list_free(struct cal_attendee_list *l);
/* The same as CSV (RFC 4180). */
struct core_error calendar_attendees_csv(struct db *db, const struct actor *a,
    int64_t id, int64_t recur_utc, struct strbuf *out);

#endif
