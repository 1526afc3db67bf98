/* Event proposals in the one moderation queue (core/queue.h): a member's
 * new event waits as an item of kind "calendar.proposal" about the event,
 * and a moderator approves it (it is published) or rejects it with a
 * reason; the proposer is told either way. The decision runs inside
 * queue_resolve's transaction, so it writes the state itself rather than
 * through calendar_proposal_approve, which opens its own. */
#include "core/calendar-internal.h"
#include "core/calendar-notices.h"
#include "core/queue.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

static int	proposal_describe(struct db *, int64_t,
		    struct queue_subject *);
static const char *proposal_resolve(struct db *, const struct actor *,
		    int64_t, const struct queue_action *, int, const char *);

const struct queue_kind calendar_queue_kinds[] = {
	{ .kind = "calendar.proposal",
	  /* Moderators and admins only: no board owns an event. */
	  .decides_sql = "?1",
	  .describe = proposal_describe,
	  .about_key = "calendar.queue.about",
	  .open_key = "calendar.queue.open",
	  .count_key = "calendar.queue.count",
	  .actions = {
		{ "approve", 'a', "calendar.queue.approve",
		    "calendar.queue.approve_title", false, false },
		{ "reject", 'r', "calendar.queue.reject",
		    "calendar.queue.reject_title", false, true },
		{ NULL, 0, NULL, NULL, false, false },
	  },
	  .resolve = proposal_resolve },
	{ .kind = NULL },
};

/* The proposal as the queue shows it: its title, its number (the event's
 * id, as `tinklas admin event show` takes it), its proposer, and when and
 * where it would be before its description. Gone once decided. */
static int
proposal_describe(struct db *db, int64_t id, struct queue_subject *out)
{
	struct strbuf body = { 0 };
	struct i18n_wall w;
	sqlite3_stmt *st;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT e.title, e.start_utc, e.all_day, "
	    "e.venue, e.online, e.description, coalesce(a.id, 0), "
	    "coalesce(a.name, ''), coalesce(a.display, ''), "
	    "coalesce(a.role, 'member') FROM cal_events e "
	    "LEFT JOIN accounts a ON a.id = e.organiser_id "
	    "WHERE e.id = ?1 AND e.state = ?2")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, CAL_PROPOSED);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_column_copy(st, 0, out->title, sizeof out->title);
		out->number = id;
		out->owner_id = sqlite3_column_int64(st, 6);
		db_column_copy(st, 7, out->owner_name, sizeof out->owner_name);
		db_column_copy(st, 8, out->owner_display,
		    sizeof out->owner_display);
		out->owner_role = ROLE_MEMBER;
		role_parse((const char *)sqlite3_column_text(st, 9),
		    &out->owner_role);
		i18n_wall_from_utc(sqlite3_column_int64(st, 1), &w, NULL);
		if (sqlite3_column_int(st, 2))
			sb_printf(&body, "%04d-%02d-%02d", w.year, w.month,
			    w.day);
		else
			sb_printf(&body, "%04d-%02d-%02d %02d:%02d", w.year,
			    w.month, w.day, w.hour, w.minute);
		sb_printf(&body, " %s\n\n%s",
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 5));
		if (sqlite3_column_int(st, 4)) {
			out->note_key = "calendar.queue.online";
			out->note_word = "online";
		}
		out->body = sb_take(&body);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

static const char *
proposal_resolve(struct db *db, const struct actor *v, int64_t id,
    const struct queue_action *a, int days, const char *why)
{
	struct cal_event_row e;
	struct cal_notify proposer = { 0 };
	enum cal_state to = a->dismisses ? CAL_REJECTED : CAL_PUBLISHED;
	const char *err = NULL;

	(void)days;
	if (cal_load(db, id, &e) != 0)
		return "error.calendar.not_found";
	if (v->guest || v->role < ROLE_MODERATOR)
		return "error.calendar.not_allowed";
	if (e.state != CAL_PROPOSED)
		return "error.calendar.not_proposed";
	if (queue_close(db, v, "calendar.proposal", id, a) != 0 ||
	    db_exec_ints(db, "UPDATE cal_events SET state = ?2, updated = ?3, "
	    "sequence = sequence + 1 WHERE id = ?1", id, to, db_now()) != 0 ||
	    db_exec_ints(db, "UPDATE cal_occurrences SET state = ?2 "
	    "WHERE event_id = ?1", id, to, 0) != 0)
		return "error.internal";
	if ((err = db_audit(db, v, "event", id, to == CAL_PUBLISHED ?
	    "event.approve" : "event.reject", why)) != NULL)
		return err;
	if (e.organiser_id != 0)
		cal_notify_add(&proposer, e.organiser_id);
	err = cal_tell(db, v, to == CAL_PUBLISHED ? "calendar.approved" :
	    "calendar.rejected", id, &proposer, why);
	cal_notify_free(&proposer);
	return err;
}

/* A new item, or the proposer's earlier one opened again: the queue keeps
 * one item per person and subject, and a member's approved event that the
 * member edits waits again (the first decision stays in the audit log). */
const char *
cal_propose(struct db *db, int64_t id, int64_t proposer, const char *title)
{
	int rc;

	assert(proposer > 0);
	if ((rc = queue_add(db, "calendar.proposal", id, proposer, title)) == 0)
		return NULL;
	if (rc < 0 || queue_reopen(db, "calendar.proposal", id, proposer,
	    title) != 0)
		return "error.internal";
	return NULL;
}
