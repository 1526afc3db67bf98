/* Events: proposing and publishing one, editing and cancelling it, and
 * the moderators' answer to a proposal. Each is one transaction with its
 * check and its audit entry. */
#include "core/calendar-internal.h"
#include "core/calendar-notices.h"
#include "core/sanitize.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
expand_new(struct db *db, int64_t id)
{
	struct cal_event_row e;

	if (cal_load(db, id, &e) != 0)
		return "error.internal";
	return cal_expand(db, &e, INT64_MIN,
	    db_now() + (int64_t)CAL_HORIZON_DAYS * 86400);
}

struct core_error
calendar_event_create(struct db *db, const struct actor *a,
    const struct cal_event_input *in, int64_t *id_out)
{
	struct core_error ce;
	struct cal_clean c;
	sqlite3_stmt *st;
	const char *err = NULL;
	unsigned char rnd[16];
	char uid[64];
	int64_t id = 0;
	enum cal_state state;

	if ((err = cal_may_act(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	ce = cal_clean_input(in, &c);
	if (core_failed(ce)) {
		cal_clean_free(&c);
		return ce;
	}
	/* A UID that stays the event's through every edit and is unique
	 * across sites, as calendar programs match updates by it. */
	arc4random_buf(rnd, sizeof rnd);
	for (size_t i = 0; i < sizeof rnd; i++)
		snprintf(uid + 2 * i, 3, "%02x", rnd[i]);
	snprintf(uid + 32, sizeof uid - 32, "@tinklas");
	state = a->role >= ROLE_ORGANISER ? CAL_PUBLISHED : CAL_PROPOSED;
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL) {
		cal_clean_free(&c);
		return CORE_ERR(err, NULL);
	}
	if ((st = db_prepare(db, "INSERT INTO cal_events (uid, title, "
	    "description, all_day, start_wall, start_utc, end_utc, rrule, "
	    "venue, address, eldership, online, languages, access, "
	    "access_note, capacity, cost, created, updated, organiser_id, "
	    "state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20)")) == NULL)
		err = "error.internal";
	else {
		db_bind_text(st, 1, uid);
		cal_bind_clean(st, in, &c);
		/* The admin command (account 0) organises on no one's
		 * behalf. */
		if (a->account_id != 0)
			sqlite3_bind_int64(st, 19, a->account_id);
		sqlite3_bind_int(st, 20, state);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
		else
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (err == NULL)
		err = cal_write_tags(db, id, &c);
	if (err == NULL)
		err = expand_new(db, id);
	if (err == NULL && state == CAL_PROPOSED)
		err = cal_propose(db, id, a->account_id, c.title);
	if (err == NULL)
		err = db_audit(db, a, "event", id, state == CAL_PUBLISHED ?
		    "event.publish" : "event.propose", c.title);
	cal_clean_free(&c);
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	if (id_out != NULL)
		*id_out = id;
	return CORE_OK;
}

/* Answers to occurrences the new rule no longer has go, and their people
 * are told; the others are told of the change. */
static const char *
drop_lost_answers(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM cal_answers WHERE event_id = ?1 "
	    "AND recur_utc NOT IN (SELECT recur_utc FROM cal_occurrences "
	    "WHERE event_id = ?1)")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(st) == SQLITE_DONE ? NULL : "error.internal";
}

static const char *
promote_all(struct db *db, int64_t id, int capacity)
{
	sqlite3_stmt *st;
	int64_t *recur = NULL;
	size_t n = 0;
	const char *err = NULL;
	int rc;

	if ((st = db_prepare(db, "SELECT DISTINCT recur_utc FROM cal_answers "
	    "WHERE event_id = ?1 AND waitlist > 0")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		recur = xreallocarray(recur, n + 1, sizeof *recur);
		recur[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		err = "error.internal";
	for (size_t i = 0; err == NULL && i < n; i++)
		err = cal_promote(db, id, recur[i], capacity, NULL);
	free(recur);
	return err;
}

static const char *
requeue(struct db *db, int64_t id)
{
	static const char *const sql[] = {
		"UPDATE cal_events SET state = 0 WHERE id = ?1",
		"UPDATE cal_occurrences SET state = 0 WHERE event_id = ?1",
	};
	return db_exec_steps(db, sql, sizeof sql / sizeof sql[0], id) != 0 ?
	    "error.internal" : NULL;
}

struct core_error
calendar_event_update(struct db *db, const struct actor *a, int64_t id,
    const struct cal_event_input *in, struct cal_notify *notify)
{
	struct cal_event_row e;
	struct core_error ce;
	struct cal_clean c;
	sqlite3_stmt *st;
	const char *err = NULL;

	if ((err = cal_may_act(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	ce = cal_clean_input(in, &c);
	if (core_failed(ce)) {
		cal_clean_free(&c);
		return ce;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL) {
		cal_clean_free(&c);
		return CORE_ERR(err, NULL);
	}
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (notify != NULL && cal_answered(db, id, 0, notify) != 0)
		err = "error.internal";
	else if ((st = db_prepare(db, "UPDATE cal_events SET title = ?2, "
	    "description = ?3, all_day = ?4, start_wall = ?5, start_utc = ?6, "
	    "end_utc = ?7, rrule = ?8, venue = ?9, address = ?10, "
	    "eldership = ?11, online = ?12, languages = ?13, access = ?14, "
	    "access_note = ?15, capacity = ?16, cost = ?17, updated = ?18, "
	    "sequence = sequence + 1 WHERE id = ?1")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, id);
		cal_bind_clean(st, in, &c);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	/* A new time or rule makes new occurrences; overrides of the old
	 * ones no longer name any. */
	if (err == NULL && (e.start != c.start || strcmp(e.rrule, c.rrule) != 0)) {
		if ((st = db_prepare(db, "DELETE FROM cal_overrides "
		    "WHERE event_id = ?1")) == NULL)
			err = "error.internal";
		else {
			sqlite3_bind_int64(st, 1, id);
			if (db_step_done(st) != SQLITE_DONE)
				err = "error.internal";
		}
	}
	if (err == NULL)
		err = cal_write_tags(db, id, &c);
	if (err == NULL)
		err = expand_new(db, id);
	if (err == NULL)
		err = drop_lost_answers(db, id);
	/* More places may free some from the waitlist; they are among
	 * those told already. */
	if (err == NULL)
		err = promote_all(db, id, in->capacity);
	/* A member's event was approved as it was: changed, it waits for a
	 * moderator again. */
	if (err == NULL && e.state == CAL_PUBLISHED &&
	    a->role < ROLE_ORGANISER && (err = requeue(db, id)) == NULL)
		err = cal_propose(db, id, a->account_id, c.title);
	if (err == NULL && notify != NULL)
		err = cal_tell(db, a, "calendar.changed", id, notify, NULL);
	if (err == NULL && e.organiser_id != a->account_id)
		err = db_audit(db, a, "event", id, "event.edit", c.title);
	cal_clean_free(&c);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (notify != NULL)
			cal_notify_free(notify);
		return CORE_ERR(err, NULL);
	}
	return CORE_OK;
}

/* Sets the state of event id, checking who may: for a proposal's answer
 * (proposal true) a moderator and a proposed event, else whoever may
 * edit it. */
static struct core_error
set_state(struct db *db, const struct actor *a, int64_t id,
    bool proposal, enum cal_state to, const char *reason,
    const char *action, struct cal_notify *notify)
{
	struct cal_event_row e;
	sqlite3_stmt *st;
	const char *err = NULL;
	char *why;

	if (a->guest)
		return CORE_ERR("error.calendar.guest", NULL);
	if ((why = cal_clean_text(reason, SANITIZE_LINE, CAL_REASON_MAX, false))
	    == NULL)
		return CORE_ERR_ARG("error.calendar.reason_length", "reason",
		    CAL_REASON_MAX);
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (proposal && a->role < ROLE_MODERATOR)
		err = "error.calendar.not_allowed";
	else if (proposal && e.state != CAL_PROPOSED)
		err = "error.calendar.not_proposed";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (notify != NULL && cal_answered(db, id, 0, notify) != 0)
		err = "error.internal";
	else if ((st = db_prepare(db, "UPDATE cal_events SET state = ?2, "
	    "updated = ?3, sequence = sequence + 1 WHERE id = ?1")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, to);
		sqlite3_bind_int64(st, 3, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && (st = db_prepare(db, "UPDATE cal_occurrences SET "
	    "state = ?2 WHERE event_id = ?1")) == NULL)
		err = "error.internal";
	else if (err == NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, to);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && to == CAL_CANCELLED && notify != NULL)
		err = cal_tell(db, a, "calendar.cancelled", id, notify, why);
	if (err == NULL)
		err = db_audit(db, a, "event", id, action, why);
	free(why);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (notify != NULL)
			cal_notify_free(notify);
		return CORE_ERR(err, NULL);
	}
	return CORE_OK;
}

struct core_error
calendar_event_cancel(struct db *db, const struct actor *a, int64_t id,
    const char *reason, struct cal_notify *notify)
{
	return set_state(db, a, id, false, CAL_CANCELLED, reason,
	    "event.cancel", notify);
}

struct core_error
calendar_proposal_approve(struct db *db, const struct actor *a, int64_t id)
{
	return set_state(db, a, id, true, CAL_PUBLISHED, NULL,
	    "event.approve", NULL);
}

struct core_error
calendar_proposal_reject(struct db *db, const struct actor *a, int64_t id,
    const char *reason)
{
	return set_state(db, a, id, true, CAL_REJECTED, reason,
	    "event.reject", NULL);
}
