/* Answers: going, maybe, not going, per occurrence (a weekly café is
 * answered week by week), and the waitlist when the places are taken.
 * The count of places is read and written in one BEGIN IMMEDIATE
 * transaction, so two people taking the last place at once are served one
 * after the other and only the first gets it. */
#include "core/calendar-internal.h"
#include "core/calendar-notices.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

int
cal_answered(struct db *db, int64_t id, int64_t recur_utc,
    struct cal_notify *out)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT DISTINCT account_id FROM cal_answers "
	    "WHERE event_id = ?1 AND (?2 = 0 OR recur_utc = ?2) AND "
	    "answer IN (1, 2) ORDER BY account_id")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cal_notify_add(out, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *
set_waitlist(struct db *db, int64_t id, int64_t recur_utc, int64_t account,
    int place)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "UPDATE cal_answers SET waitlist = ?4 "
	    "WHERE event_id = ?1 AND recur_utc = ?2 AND account_id = ?3"))
	    == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	sqlite3_bind_int64(st, 3, account);
	sqlite3_bind_int(st, 4, place);
	return db_step_done(st) == SQLITE_DONE ? NULL : "error.internal";
}

const char *
cal_promote(struct db *db, int64_t id, int64_t recur_utc, int capacity,
    struct cal_notify *out)
{
	sqlite3_stmt *st;
	int64_t *wait = NULL;
	size_t n = 0, cap = 0;
	const char *err = NULL;
	int64_t going;
	int rc, place = 0;

	going = db_scalar(db, "SELECT count(*) FROM cal_answers WHERE "
	    "event_id = ?1 AND recur_utc = ?2 AND answer = 1 AND "
	    "waitlist = 0", id, recur_utc, 0);
	if ((st = db_prepare(db, "SELECT account_id FROM cal_answers WHERE "
	    "event_id = ?1 AND recur_utc = ?2 AND answer = 1 AND waitlist > 0 "
	    "ORDER BY waitlist")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			wait = xreallocarray(wait, cap, sizeof *wait);
		}
		wait[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		err = "error.internal";
	/* The first waiting take the free places; the rest close up to
	 * 1, 2, ... in their order. */
	for (size_t i = 0; err == NULL && i < n; i++) {
		if (capacity == 0 || going < capacity) {
			going++;
			err = set_waitlist(db, id, recur_utc, wait[i], 0);
			if (out != NULL)
				cal_notify_add(out, wait[i]);
		} else
			err = set_waitlist(db, id, recur_utc, wait[i], ++place);
	}
	free(wait);
	return err;
}

static const char *
answer_in_tx(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, enum cal_answer answer, int *waiting,
    struct cal_notify *promoted)
{
	struct cal_event_row e;
	sqlite3_stmt *st;
	int64_t prev, prev_wait, start, going;
	int place = 0;

	if (cal_load(db, id, &e) != 0 || e.state == CAL_PROPOSED ||
	    e.state == CAL_REJECTED)
		return "error.calendar.not_found";
	if ((start = db_scalar(db, "SELECT CASE WHEN cancelled THEN -1 ELSE "
	    "start_utc END FROM cal_occurrences WHERE event_id = ?1 AND "
	    "recur_utc = ?2", id, recur_utc, -2)) == -2)
		return "error.calendar.no_occurrence";
	if (answer != CAL_NO_ANSWER && (start == -1 ||
	    e.state == CAL_CANCELLED))
		return "error.calendar.cancelled";
	if (answer != CAL_NO_ANSWER && start <= db_now())
		return "error.calendar.past";
	if ((st = db_prepare(db, "SELECT answer, waitlist FROM cal_answers "
	    "WHERE event_id = ?1 AND recur_utc = ?2 AND account_id = ?3"))
	    == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	sqlite3_bind_int64(st, 3, a->account_id);
	prev = prev_wait = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		prev = sqlite3_column_int64(st, 0);
		prev_wait = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (answer == CAL_GOING && prev == CAL_GOING) {
		*waiting = (int)prev_wait;
		return NULL;
	}
	if (answer == CAL_GOING) {
		going = db_scalar(db, "SELECT count(*) FROM cal_answers WHERE "
		    "event_id = ?1 AND recur_utc = ?2 AND answer = 1 AND "
		    "waitlist = 0", id, recur_utc, 0);
		if (e.capacity > 0 && going >= e.capacity)
			place = (int)db_scalar(db, "SELECT coalesce(max("
			    "waitlist), 0) + 1 FROM cal_answers WHERE "
			    "event_id = ?1 AND recur_utc = ?2", id, recur_utc,
			    1);
	}
	if (answer == CAL_NO_ANSWER)
		st = db_prepare(db, "DELETE FROM cal_answers WHERE "
		    "event_id = ?1 AND recur_utc = ?2 AND account_id = ?3");
	else
		st = db_prepare(db, "INSERT INTO cal_answers (event_id, "
		    "recur_utc, account_id, answer, waitlist, answered) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (event_id, recur_utc, "
		    "account_id) DO UPDATE SET answer = excluded.answer, "
		    "waitlist = excluded.waitlist, answered = excluded.answered");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	sqlite3_bind_int64(st, 3, a->account_id);
	if (answer != CAL_NO_ANSWER) {
		sqlite3_bind_int(st, 4, answer);
		sqlite3_bind_int(st, 5, place);
		sqlite3_bind_int64(st, 6, db_now());
	}
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	*waiting = place;
	/* A place given up, or a place in the waitlist: the others move. */
	if (prev == CAL_GOING)
		return cal_promote_tell(db, id, recur_utc, e.capacity,
		    promoted);
	return NULL;
}

struct core_error
calendar_answer(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, enum cal_answer answer, int *waiting,
    struct cal_notify *promoted)
{
	const char *err;
	int place = 0;

	if (a->account_id == 0)
		return CORE_ERR("error.calendar.guest", NULL);
	/* Taking an answer back stays possible while suspended. */
	if (answer != CAL_NO_ANSWER && (err = cal_may_act(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	if (answer < CAL_NO_ANSWER || answer > CAL_NOT_GOING)
		return CORE_ERR("error.internal", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	err = answer_in_tx(db, a, id, recur_utc, answer, &place, promoted);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (promoted != NULL)
			cal_notify_free(promoted);
		return CORE_ERR(err, NULL);
	}
	if (waiting != NULL)
		*waiting = place;
	return CORE_OK;
}
