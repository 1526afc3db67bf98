/* The calendar's outputs (see calendar-outputs.h). The model writes the
 * texts (core/calendar-ics.c, calendar-csv.c); these only pick what was
 * asked for, by whom, and say no in the asker's language. The public
 * calendar and one event are feeds for anyone, my.ics is a member's feed
 * at their secret address; the attendee list is not a feed: it names
 * people, so it is asked for over ssh only, where the asker is known. */
#include "core/calendar-outputs.h"
#include "core/calendar.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define ICS_TYPE	"text/calendar; charset=utf-8"
#define CSV_TYPE	"text/csv; charset=utf-8"
#define EVENT_PREFIX	"event-"

static int	public_write(const struct output_ctx *);
static int	mine_write(const struct output_ctx *);
static int	event_write(const struct output_ctx *);
static int	attendees_write(const struct output_ctx *);

/* The attendees' pattern comes first: output_find takes the first match,
 * and "event-*.ics" can never match a name ending in ".csv" anyway. */
const struct output calendar_outputs[] = {
	{ .name = "calendar.ics", .who = OUTPUT_ANYONE,
	  .help_key = "exec.calendar_ics.about", .feed = true,
	  .media_type = ICS_TYPE, .write = public_write },
	{ .name = "my.ics", .who = OUTPUT_MEMBERS,
	  .help_key = "exec.my_ics.about", .feed = true,
	  .media_type = ICS_TYPE, .write = mine_write },
	{ .name = "event-*-attendees.csv", .who = OUTPUT_MEMBERS,
	  .help_key = "exec.attendees_csv.about", .media_type = CSV_TYPE,
	  .write = attendees_write },
	{ .name = "event-*.ics", .who = OUTPUT_ANYONE,
	  .help_key = "exec.event_ics.about", .feed = true,
	  .media_type = ICS_TYPE, .write = event_write },
	{ .name = NULL },
};

/* Writes what the model built, or says why not (fail_key) and returns
 * fail_status. */
static int
put(const struct output_ctx *x, struct strbuf *sb, int rc,
    const char *fail_key, int fail_status)
{
	if (rc == 0)
		fwrite(sb->s, 1, sb->len, x->out);
	else
		fprintf(x->out, "%s\n", T(fail_key));
	sb_free(sb);
	return rc == 0 ? 0 : fail_status;
}

static int
public_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };

	return put(x, &sb, calendar_ics_public(x->db, clock_now(), &sb),
	    "error.internal", OUTPUT_FAILED);
}

static int
mine_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };

	assert(x->account != NULL);	/* OUTPUT_MEMBERS */
	return put(x, &sb, calendar_ics_account(x->db, x->account->id,
	    clock_now(), &sb), "error.internal", OUTPUT_FAILED);
}

static int
event_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	int64_t id;

	/* output_find matched the pattern; the id must still be one. */
	if (output_name_id(x->name, EVENT_PREFIX, ".ics", &id) != 0) {
		fprintf(x->out, "%s\n", T("error.calendar.not_found"));
		return OUTPUT_REFUSED;
	}
	/* The model tells no missing event from a failure: not found. */
	return put(x, &sb, calendar_ics_event(x->db, x->actor, id, &sb),
	    "error.calendar.not_found", OUTPUT_REFUSED);
}

/* The attendees of the event's next occurrence (or its last, once all
 * are over). The model decides who may see them; anyone else gets its
 * refusal, translated, and status 1. */
static int
attendees_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	struct core_error e;
	struct cal_event ev;
	int64_t id;

	assert(x->account != NULL);	/* OUTPUT_MEMBERS */
	if (output_name_id(x->name, EVENT_PREFIX, "-attendees.csv", &id) != 0 ||
	    calendar_event_get(x->db, x->actor, id, 0, clock_now(), &ev) != 0) {
		fprintf(x->out, "%s\n", T("error.calendar.not_found"));
		return OUTPUT_REFUSED;
	}
	e = calendar_attendees_csv(x->db, x->actor, id, ev.occ.recur_utc, &sb);
	cal_event_free(&ev);
	if (core_failed(e)) {
		sb_free(&sb);
		fprintf(x->out, "%s\n", T(e.key));
		return strcmp(e.key, "error.internal") == 0 ? OUTPUT_FAILED :
		    OUTPUT_REFUSED;
	}
	return put(x, &sb, 0, "error.internal", OUTPUT_FAILED);
}
