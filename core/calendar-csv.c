/* The attendee list of one occurrence as CSV (RFC 4180): UTF-8, CRLF,
 * each cell written by core/csv.h (quoted when it must be, formulas shown
 * as text). */
#include "core/calendar-internal.h"
#include "core/csv.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct core_error
calendar_attendees(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, struct cal_attendee_list *out)
{
	struct cal_event_row e;
	struct cal_attendee *t;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (a->guest)
		return CORE_ERR("error.calendar.guest", NULL);
	if (cal_load(db, id, &e) != 0)
		return CORE_ERR("error.calendar.not_found", NULL);
	if (!cal_may_edit(a, &e))
		return CORE_ERR("error.calendar.not_allowed", NULL);
	if ((st = db_prepare(db, "SELECT ac.name, ac.display, a.answer, "
	    "a.waitlist, a.answered FROM cal_answers a JOIN accounts ac ON "
	    "ac.id = a.account_id WHERE a.event_id = ?1 AND a.recur_utc = ?2 "
	    "ORDER BY a.answer, a.waitlist, a.answered, ac.name")) == NULL)
		return CORE_ERR("error.internal", NULL);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, recur_utc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int ans = sqlite3_column_int(st, 2);

		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		t = &out->v[out->n++];
		t->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		t->display = xstrdup((const char *)sqlite3_column_text(st, 1));
		t->answer = ans >= CAL_GOING && ans <= CAL_NOT_GOING ?
		    (enum cal_answer)ans : CAL_NO_ANSWER;
		t->waitlist = sqlite3_column_int(st, 3);
		t->answered = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cal_attendee_list_free(out);
		return CORE_ERR("error.internal", NULL);
	}
	return CORE_OK;
}

void
cal_attendee_list_free(struct cal_attendee_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].display);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

struct core_error
calendar_attendees_csv(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, struct strbuf *out)
{
	static const char *const answers[] = { "", "going", "maybe",
		"not going" };
	struct cal_attendee_list l;
	struct core_error err;
	size_t i;

	err = calendar_attendees(db, a, id, recur_utc, &l);
	if (err.key != NULL)
		return err;
	sb_puts(out, "name,display_name,answer,waitlist,answered_utc\r\n");
	for (i = 0; i < l.n; i++) {
		time_t t = (time_t)l.v[i].answered;
		char when[32];
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
		csv_cell(out, l.v[i].name);
		sb_putc(out, ',');
		csv_cell(out, l.v[i].display);
		sb_putc(out, ',');
		csv_cell(out, answers[l.v[i].answer]);
		sb_printf(out, ",%d,%s\r\n", l.v[i].waitlist, when);
	}
	cal_attendee_list_free(&l);
	return CORE_OK;
}
