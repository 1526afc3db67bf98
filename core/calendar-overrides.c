/* One occurrence of an event on its own: cancelled, or moved to another
 * start. An override names the occurrence by its original start
 * (RECURRENCE-ID), so it survives every expansion of the rule. */
#include "core/calendar-internal.h"
#include "core/calendar-notices.h"

#include <stdlib.h>

/* Writes the override of one occurrence and expands again. */
static struct core_error
override(struct db *db, const struct actor *a, int64_t id, int64_t recur_utc,
    bool cancel, const struct i18n_wall *start, enum i18n_wall_choice choice,
    struct cal_notify *notify)
{
	struct cal_event_row e;
	struct core_error ce = CORE_OK;
	sqlite3_stmt *st;
	const char *err = NULL;
	int64_t s = 0, len;

	if (a->guest)
		return CORE_ERR("error.calendar.guest", NULL);
	if (!cancel) {
		ce = cal_wall_error(i18n_wall_to_utc(start, choice, &s), "start");
		if (core_failed(ce))
			return ce;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (db_scalar(db, "SELECT 1 FROM cal_occurrences WHERE "
	    "event_id = ?1 AND recur_utc = ?2", id, recur_utc, 0) != 1)
		err = "error.calendar.no_occurrence";
	else if (notify != NULL && cal_answered(db, id, recur_utc, notify) != 0)
		err = "error.internal";
	else if ((st = db_prepare(db, "INSERT INTO cal_overrides (event_id, "
	    "recur_utc, cancelled, start_utc, end_utc) VALUES (?1, ?2, ?3, "
	    "?4, ?5) ON CONFLICT (event_id, recur_utc) DO UPDATE SET "
	    "cancelled = excluded.cancelled OR cancelled, "
	    "start_utc = excluded.start_utc, end_utc = excluded.end_utc"))
	    == NULL)
		err = "error.internal";
	else {
		len = e.end - e.start;
		if (cancel)
			s = db_scalar(db, "SELECT start_utc FROM "
			    "cal_occurrences WHERE event_id = ?1 AND "
			    "recur_utc = ?2", id, recur_utc, recur_utc);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, recur_utc);
		sqlite3_bind_int(st, 3, cancel);
		sqlite3_bind_int64(st, 4, s);
		sqlite3_bind_int64(st, 5, s + len);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && (st = db_prepare(db, "UPDATE cal_events SET "
	    "updated = ?2, sequence = sequence + 1 WHERE id = ?1")) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL)
		err = cal_expand(db, &e, INT64_MIN, e.horizon);
	if (err == NULL && notify != NULL)
		err = cal_tell_date(db, a, cancel ? "calendar.occ_cancelled" :
		    "calendar.occ_moved", id, notify, recur_utc);
	if (err == NULL)
		err = db_audit(db, a, "event", id, cancel ?
		    "event.occurrence.cancel" : "event.occurrence.move", NULL);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (notify != NULL)
			cal_notify_free(notify);
		return CORE_ERR(err, NULL);
	}
	return ce;
}

struct core_error
calendar_occurrence_cancel(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, struct cal_notify *notify)
{
	return override(db, a, id, recur_utc, true, NULL, I18N_WALL_ASK,
	    notify);
}

struct core_error
calendar_occurrence_move(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, const struct i18n_wall *start,
    enum i18n_wall_choice choice, struct cal_notify *notify)
{
	return override(db, a, id, recur_utc, false, start, choice, notify);
}
