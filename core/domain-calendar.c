/* The calendar domain (core/calendar.h): events, their occurrences up to
 * the horizon, changed or cancelled occurrences and the answers with their
 * waitlists; its part of an export and of an erasure, and its demo content
 * (core/calendar-demo.c). */
#include "core/domain.h"
#include "core/calendar-internal.h"
#include "core/calendar-outputs.h"
#include "core/calendar-notices.h"
#include "core/export-json.h"

#include "common/xalloc.h"

#include <stdint.h>
#include <stdlib.h>

static const char *const calendar_migrations[] = {
	/* 1: events with the start as given (start_wall, in the site zone)
	 * beside its instant, so the rule expands in wall time and 18:00
	 * stays 18:00 across the changes; occurrences expanded up to
	 * horizon; overrides name an occurrence by its original start
	 * (RECURRENCE-ID); answers per occurrence, waitlist 1, 2, ... in
	 * order, 0 when not waiting. An erased organiser leaves the event
	 * with organiser_id NULL. An occurrence carries its event's state,
	 * so the start index alone answers a month grid and finds an agenda
	 * page;
	 * cal_events_length bounds how far back a range looks. */
	"CREATE TABLE cal_events ("
	"  id           INTEGER PRIMARY KEY,"
	"  uid          TEXT NOT NULL UNIQUE,"
	"  title        TEXT NOT NULL,"
	"  description  TEXT NOT NULL DEFAULT '',"
	"  all_day      INTEGER NOT NULL DEFAULT 0,"
	"  start_wall   TEXT NOT NULL,"
	"  start_utc    INTEGER NOT NULL,"
	"  end_utc      INTEGER NOT NULL,"
	"  rrule        TEXT NOT NULL DEFAULT '',"
	"  horizon      INTEGER NOT NULL DEFAULT 0,"
	"  venue        TEXT NOT NULL DEFAULT '',"
	"  address      TEXT NOT NULL DEFAULT '',"
	"  eldership    TEXT NOT NULL DEFAULT '',"
	"  online       INTEGER NOT NULL DEFAULT 0,"
	"  organiser_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,"
	"  languages    INTEGER NOT NULL,"
	"  access       INTEGER NOT NULL DEFAULT 0,"
	"  access_note  TEXT NOT NULL DEFAULT '',"
	"  capacity     INTEGER NOT NULL DEFAULT 0,"
	"  cost         TEXT NOT NULL DEFAULT '',"
	"  state        INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),"
	"  sequence     INTEGER NOT NULL DEFAULT 0,"
	"  created      INTEGER NOT NULL,"
	"  updated      INTEGER NOT NULL"
	");"
	"CREATE INDEX cal_events_state ON cal_events(state, id);"
	"CREATE INDEX cal_events_organiser ON cal_events(organiser_id);"
	"CREATE INDEX cal_events_length ON cal_events(end_utc - start_utc);"
	"CREATE TABLE cal_tags ("
	"  tag      TEXT NOT NULL,"
	"  event_id INTEGER NOT NULL REFERENCES cal_events(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (tag, event_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX cal_tags_event ON cal_tags(event_id);"
	"CREATE TABLE cal_overrides ("
	"  event_id  INTEGER NOT NULL REFERENCES cal_events(id) ON DELETE CASCADE,"
	"  recur_utc INTEGER NOT NULL,"
	"  cancelled INTEGER NOT NULL DEFAULT 0,"
	"  start_utc INTEGER NOT NULL,"
	"  end_utc   INTEGER NOT NULL,"
	"  PRIMARY KEY (event_id, recur_utc)"
	") WITHOUT ROWID;"
	"CREATE TABLE cal_occurrences ("
	"  event_id  INTEGER NOT NULL REFERENCES cal_events(id) ON DELETE CASCADE,"
	"  recur_utc INTEGER NOT NULL,"
	"  start_utc INTEGER NOT NULL,"
	"  end_utc   INTEGER NOT NULL,"
	"  cancelled INTEGER NOT NULL DEFAULT 0,"
	"  state     INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (event_id, recur_utc)"
	") WITHOUT ROWID;"
	"CREATE INDEX cal_occurrences_start ON cal_occurrences(start_utc, "
	"  end_utc, cancelled, state);"
	"CREATE TABLE cal_answers ("
	"  event_id   INTEGER NOT NULL REFERENCES cal_events(id) ON DELETE CASCADE,"
	"  recur_utc  INTEGER NOT NULL,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  answer     INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 3),"
	"  waitlist   INTEGER NOT NULL DEFAULT 0,"
	"  answered   INTEGER NOT NULL,"
	"  PRIMARY KEY (event_id, recur_utc, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX cal_answers_account ON cal_answers(account_id, "
	"  recur_utc);",
};

/* The events the member organises, their answers to events (going,
 * maybe, not going: enum cal_answer 1 to 3), each occurrence named by its
 * original start, and what moderators did to their events. */
static int
calendar_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "organised", "SELECT id, uid, title, description, all_day, "
		  "start_utc AS start, end_utc AS end, rrule, venue, address, "
		  "eldership, online, capacity, cost, access_note, state, "
		  "created, updated FROM cal_events WHERE organiser_id = ?1 "
		  "ORDER BY id", false },
		{ "answers", "SELECT e.id AS event, e.uid AS event_uid, e.title "
		  "AS event_title, a.recur_utc AS occurrence, CASE a.answer "
		  "WHEN 1 THEN 'going' WHEN 2 THEN 'maybe' ELSE 'not_going' END "
		  "AS answer, a.waitlist AS waitlist, a.answered AS answered "
		  "FROM cal_answers a JOIN cal_events e ON e.id = a.event_id "
		  "WHERE a.account_id = ?1 ORDER BY a.recur_utc, e.id", false },
		/* What others did to the events they organise. */
		{ "audit", EXPORT_AUDIT_FROM "WHERE a.actor_id != ?1 AND "
		  "a.target IN (SELECT 'event ' || id FROM cal_events WHERE "
		  "organiser_id = ?1) ORDER BY a.id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* The answers go; the waitlists they stood in close up, and a place a
 * "going" leaves goes to the first waiting. Events the account organised
 * stay for those who answered them, without an organiser; its proposals,
 * which no one else can see, go. Nobody is notified: an erasure runs from
 * the admin command and the people promoted see it in their answers. */
static int
calendar_erase(struct db *db, int64_t id)
{
	struct { int64_t event, recur; int cap; } *v = NULL;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc, ret = 0;

	if ((st = db_prepare(db, "SELECT a.event_id, a.recur_utc, e.capacity "
	    "FROM cal_answers a JOIN cal_events e ON e.id = a.event_id "
	    "WHERE a.account_id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n].event = sqlite3_column_int64(st, 0);
		v[n].recur = sqlite3_column_int64(st, 1);
		v[n++].cap = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		ret = -1;
	if (ret == 0 && ((st = db_prepare(db, "DELETE FROM cal_answers "
	    "WHERE account_id = ?1")) == NULL ||
	    (sqlite3_bind_int64(st, 1, id), db_step_done(st)) != SQLITE_DONE))
		ret = -1;
	for (size_t i = 0; ret == 0 && i < n; i++) {
		if (cal_promote(db, v[i].event, v[i].recur, v[i].cap, NULL) !=
		    NULL)
			ret = -1;
	}
	free(v);
	if (ret == 0 && ((st = db_prepare(db, "DELETE FROM cal_events "
	    "WHERE organiser_id = ?1 AND state IN (0, 3)")) == NULL ||
	    (sqlite3_bind_int64(st, 1, id), db_step_done(st)) != SQLITE_DONE))
		ret = -1;
	if (ret == 0 && ((st = db_prepare(db, "UPDATE cal_events "
	    "SET organiser_id = NULL WHERE organiser_id = ?1")) == NULL ||
	    (sqlite3_bind_int64(st, 1, id), db_step_done(st)) != SQLITE_DONE))
		ret = -1;
	return ret;
}

/* Recurring events stay expanded CAL_HORIZON_DAYS ahead as days pass. */
static int
calendar_maintain(struct db *db, int64_t now)
{
	return calendar_extend_horizon(db, now + (int64_t)CAL_HORIZON_DAYS * 86400);
}

const struct domain domain_calendar = {
	.name = "calendar",
	.migrations = calendar_migrations,
	.nmigrations = sizeof calendar_migrations /
	    sizeof calendar_migrations[0],
	.export_account = calendar_export,
	.demo_fill = calendar_demo_fill,
	.erase_account = calendar_erase,
	.maintain = calendar_maintain,
	.outputs = calendar_outputs,
	.inbox_kinds = calendar_inbox_kinds,
	.queue_kinds = calendar_queue_kinds,
};
