/* Recurrence: the RRULE an event's form makes, and its expansion by
 * libical into cal_occurrences. libical expands in wall time (a floating
 * DTSTART, as RFC 5545 reads a rule in its DTSTART's zone), and the site
 * zone (i18n/calendar.h) makes each instance an instant, so a weekly 18:00
 * stays 18:00 in summer and in winter. The stored rule keeps UNTIL as a
 * wall time too; iCalendar output turns it into UTC (calendar-ics.c). */
#include "core/calendar-internal.h"
#include "common/log.h"
#include "common/xalloc.h"

#include <libical/ical.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
cal_wall_text(const struct i18n_wall *w, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, "%04d-%02d-%02dT%02d:%02d", w->year, w->month,
	    w->day, w->hour, w->minute);
}

int
cal_wall_parse(const char *s, struct i18n_wall *w)
{
	memset(w, 0, sizeof *w);
	return sscanf(s, "%4d-%2d-%2dT%2d:%2d", &w->year, &w->month, &w->day,
	    &w->hour, &w->minute) == 5 ? 0 : -1;
}

const char *
cal_rrule(const struct cal_recurrence *r, const struct i18n_wall *w,
    char *buf, size_t bufsz)
{
	static const char *const days[] = { "MO", "TU", "WE", "TH", "FR",
		"SA", "SU" };
	struct i18n_wall probe = *w;
	int64_t t;
	int wd, n = 0, interval;
	size_t len;

	buf[0] = '\0';
	if (r->freq == CAL_ONCE)
		return buf;
	if (r->interval < 0 || r->interval > CAL_INTERVAL_MAX ||
	    r->count < 0 || r->count > CAL_COUNT_MAX ||
	    (r->count > 0 && r->until.year != 0) ||
	    (r->weekdays & ~0x7fu) != 0)
		return NULL;
	interval = r->interval > 0 ? r->interval : 1;
	probe.hour = probe.minute = 0;
	if (i18n_wall_to_utc_rfc(&probe, &t) != 0)
		return NULL;
	i18n_wall_from_utc(t, &probe, &wd);
	switch (r->freq) {
	case CAL_WEEKLY:
		n = snprintf(buf, bufsz, "FREQ=WEEKLY;INTERVAL=%d;BYDAY=",
		    interval);
		for (int i = 0; i < 7; i++) {
			if ((r->weekdays ? r->weekdays : 1u << (wd - 1)) &
			    (1u << i)) {
				len = strlen(buf);
				snprintf(buf + len, bufsz - len, "%s%s",
				    buf[len - 1] == '=' ? "" : ",", days[i]);
			}
		}
		/* Weeks start on Monday, as in Lithuania; it decides which
		 * days an INTERVAL of 2 or more takes. */
		len = strlen(buf);
		n = (int)len + snprintf(buf + len, bufsz - len, ";WKST=MO");
		break;
	case CAL_MONTHLY_DAY:
		n = snprintf(buf, bufsz, "FREQ=MONTHLY;INTERVAL=%d;"
		    "BYMONTHDAY=%d", interval, w->day);
		break;
	case CAL_MONTHLY_WEEKDAY:
		if (r->nth != -1 && (r->nth < 1 || r->nth > 4))
			return NULL;
		n = snprintf(buf, bufsz, "FREQ=MONTHLY;INTERVAL=%d;BYDAY=%d%s",
		    interval, r->nth, days[wd - 1]);
		break;
	case CAL_YEARLY:
		n = snprintf(buf, bufsz, "FREQ=YEARLY;INTERVAL=%d;"
		    "BYMONTH=%d;BYMONTHDAY=%d", interval, w->month, w->day);
		break;
	default:
		return NULL;
	}
	len = strlen(buf);
	if (r->count > 0)
		n = (int)len + snprintf(buf + len, bufsz - len, ";COUNT=%d",
		    r->count);
	else if (r->until.year != 0) {
		struct i18n_wall u = r->until;

		u.hour = 23;
		u.minute = 59;
		if (i18n_wall_to_utc_rfc(&u, &t) != 0)
			return NULL;
		n = (int)len + snprintf(buf + len, bufsz - len,
		    ";UNTIL=%04d%02d%02dT235959", u.year, u.month, u.day);
	}
	if (n < 0 || (size_t)n >= bufsz)
		return NULL;
	return buf;
}

static struct icaltimetype
ical_wall(const struct i18n_wall *w, bool all_day)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = w->year;
	t.month = w->month;
	t.day = w->day;
	t.hour = all_day ? 0 : w->hour;
	t.minute = all_day ? 0 : w->minute;
	t.is_date = all_day;
	return t;
}

static int
instant(struct icaltimetype t, int64_t *out)
{
	struct i18n_wall w = { t.year, t.month, t.day, t.is_date ? 0 : t.hour,
		t.is_date ? 0 : t.minute };

	return i18n_wall_to_utc_rfc(&w, out);
}

const char *
cal_expand(struct db *db, const struct cal_event_row *e, int64_t from,
    int64_t until)
{
	struct icalrecurrencetype rule;
	icalrecur_iterator *it = NULL;
	struct icaltimetype dt, t, end;
	sqlite3_stmt *del, *ins = NULL, *hz = NULL;
	const char *err = NULL;
	int64_t s, en, horizon = until;
	int days = 0, length = (int)(e->end - e->start);

	dt = ical_wall(&e->wall, e->all_day);
	if (e->all_day) {
		/* The same number of days, whatever the changes do to hours. */
		days = (int)((e->end - e->start + 43200) / 86400);
	}
	if ((del = db_prepare(db, "DELETE FROM cal_occurrences "
	    "WHERE event_id = ?1 AND recur_utc >= ?2")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(del, 1, e->id);
	sqlite3_bind_int64(del, 2, from);
	if (db_step_done(del) != SQLITE_DONE)
		return "error.internal";
	/* An override moves or cancels the occurrence it names. */
	ins = db_prepare(db, "INSERT INTO cal_occurrences (event_id, "
	    "recur_utc, start_utc, end_utc, cancelled, state) SELECT ?1, ?2, "
	    "coalesce(o.start_utc, ?3), coalesce(o.end_utc, ?4), "
	    "coalesce(o.cancelled, 0), ?5 FROM (SELECT 1) LEFT JOIN "
	    "cal_overrides o ON o.event_id = ?1 AND o.recur_utc = ?2");
	if (ins == NULL)
		return "error.internal";
	if (e->rrule[0] == '\0') {
		assert(from <= e->start);
		sqlite3_bind_int64(ins, 1, e->id);
		sqlite3_bind_int64(ins, 2, e->start);
		sqlite3_bind_int64(ins, 3, e->start);
		sqlite3_bind_int64(ins, 4, e->end);
		sqlite3_bind_int(ins, 5, e->state);
		if (db_step_done(ins) != SQLITE_DONE)
			return "error.internal";
		ins = NULL;
		horizon = INT64_MAX;
		goto done;
	}
	rule = icalrecurrencetype_from_string(e->rrule);
	if (rule.freq == ICAL_NO_RECURRENCE ||
	    (it = icalrecur_iterator_new(rule, dt)) == NULL) {
		log_error("%s: event %lld: bad rule", __func__,
		    (long long)e->id);
		sqlite3_finalize(ins);
		icalerror_clear_errno();
		return "error.internal";
	}
	for (t = icalrecur_iterator_next(it); ; t = icalrecur_iterator_next(it)) {
		if (icaltime_is_null_time(t)) {
			horizon = INT64_MAX;	/* the rule ended */
			break;
		}
		if (instant(t, &s) != 0) {
			err = "error.internal";
			break;
		}
		if (s >= until)
			break;
		if (s < from)
			continue;
		if (e->all_day) {
			end = t;
			icaltime_adjust(&end, days, 0, 0, 0);
			if (instant(end, &en) != 0) {
				err = "error.internal";
				break;
			}
		} else
			en = s + length;
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, e->id);
		sqlite3_bind_int64(ins, 2, s);
		sqlite3_bind_int64(ins, 3, s);
		sqlite3_bind_int64(ins, 4, en);
		sqlite3_bind_int(ins, 5, e->state);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			err = "error.internal";
			break;
		}
	}
	icalrecur_iterator_free(it);
	sqlite3_finalize(ins);
	if (err != NULL)
		return err;
	ins = NULL;
done:
	sqlite3_finalize(ins);
	if ((hz = db_prepare(db, "UPDATE cal_events SET horizon = ?2 "
	    "WHERE id = ?1")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(hz, 1, e->id);
	sqlite3_bind_int64(hz, 2, horizon);
	return db_step_done(hz) == SQLITE_DONE ? NULL : "error.internal";
}

int
calendar_extend_horizon(struct db *db, int64_t until)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	const char *err = NULL;
	int rc;

	if (db_begin(db) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT id FROM cal_events WHERE "
	    "horizon < ?1")) == NULL) {
		db_rollback(db);
		return -1;
	}
	sqlite3_bind_int64(st, 1, until);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		err = "error.internal";
	for (size_t i = 0; err == NULL && i < n; i++) {
		struct cal_event_row e;

		if (cal_load(db, ids[i], &e) != 0)
			err = "error.internal";
		else
			err = cal_expand(db, &e, e.horizon, until);
	}
	free(ids);
	return db_tx_end(db, err) == NULL ? 0 : -1;
}
