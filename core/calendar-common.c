/* The calendar's shared pieces: Kaunas' elderships, the lists of people
 * to tell, loading an event and who may act on it. */
#include "core/calendar-internal.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct cal_eldership cal_elderships[] = {
	{ "aleksotas",		"calendar.eldership.aleksotas" },
	{ "centras",		"calendar.eldership.centras" },
	{ "dainava",		"calendar.eldership.dainava" },
	{ "eiguliai",		"calendar.eldership.eiguliai" },
	{ "griciupis",		"calendar.eldership.griciupis" },
	{ "panemune",		"calendar.eldership.panemune" },
	{ "petrasiunai",	"calendar.eldership.petrasiunai" },
	{ "sanciai",		"calendar.eldership.sanciai" },
	{ "silainiai",		"calendar.eldership.silainiai" },
	{ "vilijampole",	"calendar.eldership.vilijampole" },
	{ "zaliakalnis",	"calendar.eldership.zaliakalnis" },
	{ NULL, NULL },
};

int
cal_eldership_find(const char *code)
{
	for (int i = 0; code != NULL && cal_elderships[i].code != NULL; i++) {
		if (strcmp(cal_elderships[i].code, code) == 0)
			return i;
	}
	return -1;
}

void
cal_notify_add(struct cal_notify *n, int64_t id)
{
	for (size_t i = 0; i < n->n; i++) {
		if (n->ids[i] == id)
			return;
	}
	n->ids = xreallocarray(n->ids, n->n + 1, sizeof *n->ids);
	n->ids[n->n++] = id;
}

void
cal_notify_free(struct cal_notify *n)
{
	free(n->ids);
	memset(n, 0, sizeof *n);
}

int
cal_load(struct db *db, int64_t id, struct cal_event_row *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT id, uid, start_utc, end_utc, "
	    "start_wall, all_day, rrule, coalesce(organiser_id, 0), state, "
	    "capacity, horizon FROM cal_events WHERE id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->uid, sizeof out->uid);
		out->start = sqlite3_column_int64(st, 2);
		out->end = sqlite3_column_int64(st, 3);
		cal_wall_parse((const char *)sqlite3_column_text(st, 4),
		    &out->wall);
		out->all_day = sqlite3_column_int(st, 5);
		db_column_copy(st, 6, out->rrule, sizeof out->rrule);
		out->organiser_id = sqlite3_column_int64(st, 7);
		out->state = sqlite3_column_int(st, 8);
		out->capacity = sqlite3_column_int(st, 9);
		out->horizon = sqlite3_column_int64(st, 10);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

const char *
cal_may_act(struct db *db, const struct actor *a)
{
	if (a->guest)
		return "error.calendar.guest";
	/* The admin command (account 0) is no one's account. */
	if (a->account_id != 0 && db_scalar(db, "SELECT suspended_until > ?2 "
	    "FROM accounts WHERE id = ?1", a->account_id, db_now(), 1) != 0)
		return "error.calendar.suspended";
	return NULL;
}

bool
cal_may_edit(const struct actor *a, const struct cal_event_row *e)
{
	if (a->guest)
		return false;
	return a->role >= ROLE_MODERATOR ||
	    (a->account_id != 0 && a->account_id == e->organiser_id);
}
