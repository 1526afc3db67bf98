/* iCalendar (RFC 5545) through libical: one VCALENDAR with the site
 * zone's VTIMEZONE, each event a VEVENT with its RRULE, EXDATE for the
 * occurrences cancelled on their own and a VEVENT with RECURRENCE-ID for
 * each one moved. libical escapes the text, folds lines at 75 octets and
 * ends them with CRLF; nothing of the format is written by hand here. */
#include "core/calendar-internal.h"
#include "common/log.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <libical/ical.h>

#include <stdlib.h>
#include <string.h>

/* A feed being written: the VCALENDAR's head (its properties and the
 * VTIMEZONE) went to text first, each VEVENT follows as it is made and is
 * freed at once, and the VCALENDAR's tail ends it. A tree of thousands of
 * events kept whole until the end cost more in malloc than the rest. */
struct ics {
	icalcomponent	*cal;
	icaltimezone	*zone;
	char		*tzid;
	struct strbuf	 text;
	char		*tail;		/* "END:VCALENDAR\r\n" */
};

static int
ics_open(struct ics *x)
{
	icalcomponent *vtz;
	char *s, *end;

	memset(x, 0, sizeof *x);
	x->tzid = i18n_zone_name();
	if ((x->zone = icaltimezone_get_builtin_timezone(x->tzid)) == NULL ||
	    (vtz = icaltimezone_get_component(x->zone)) == NULL) {
		log_error("%s: no zone %s in libical", __func__, x->tzid);
		free(x->tzid);
		return -1;
	}
	/* The zone under the name it has everywhere ("Europe/Vilnius"), not
	 * libical's prefixed one, and only its rules since 2000: the
	 * changes of the last century make a feed ten times longer and no
	 * event of the site is that old. */
	vtz = icalcomponent_new_clone(vtz);
	icaltimezone_truncate_vtimezone(vtz, icaltime_from_timet_with_zone(
	    946684800, 0, icaltimezone_get_utc_timezone()),
	    icaltime_null_time(), 1);
	icalproperty_set_tzid(icalcomponent_get_first_property(vtz,
	    ICAL_TZID_PROPERTY), x->tzid);
	x->cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//Tinklas//Calendar 1.0//EN"),
	    icalproperty_new_calscale("GREGORIAN"),
	    (void *)0);
	icalcomponent_add_component(x->cal, vtz);
	s = icalcomponent_as_ical_string_r(x->cal);
	if ((end = strstr(s, "END:VCALENDAR")) == NULL) {
		free(s);
		icalcomponent_free(x->cal);
		free(x->tzid);
		return -1;
	}
	x->tail = xstrdup(end);
	sb_add(&x->text, s, (size_t)(end - s));
	free(s);
	return 0;
}

/* Writes the event's text and frees it. */
static void
ics_emit(struct ics *x, icalcomponent *ev)
{
	char *s = icalcomponent_as_ical_string_r(ev);

	sb_puts(&x->text, s);
	free(s);
	icalcomponent_free(ev);
}

/* Ends the feed into out, or drops it when out is NULL. */
static void
ics_close(struct ics *x, struct strbuf *out)
{
	if (out != NULL) {
		sb_puts(&x->text, x->tail);
		sb_add(out, x->text.s, x->text.len);
	}
	sb_free(&x->text);
	free(x->tail);
	icalcomponent_free(x->cal);
	free(x->tzid);
}

/* An instant as the wall time in the site zone with TZID, or as a day. */
static icalproperty *
time_prop(struct ics *x, icalproperty_kind kind, int64_t t, bool all_day)
{
	struct icaltimetype it = icaltime_null_time();
	struct i18n_wall w;
	icalproperty *p = icalproperty_new(kind);

	i18n_wall_from_utc(t, &w, NULL);
	it.year = w.year;
	it.month = w.month;
	it.day = w.day;
	if (all_day) {
		it.is_date = 1;
		icalproperty_set_value(p, icalvalue_new_date(it));
	} else {
		it.hour = w.hour;
		it.minute = w.minute;
		icalproperty_set_value(p, icalvalue_new_datetime(it));
		icalproperty_add_parameter(p, icalparameter_new_tzid(x->tzid));
	}
	return p;
}

static icalproperty *
utc_prop(icalproperty_kind kind, int64_t t)
{
	icalproperty *p = icalproperty_new(kind);

	icalproperty_set_value(p, icalvalue_new_datetime(
	    icaltime_from_timet_with_zone((time_t)t, 0,
	    icaltimezone_get_utc_timezone())));
	return p;
}

/* The stored rule with its UNTIL, a wall time, made UTC as RFC 5545 asks
 * of a DTSTART with TZID. */
static icalproperty *
rrule_prop(const char *rrule, bool all_day)
{
	struct icalrecurrencetype r = icalrecurrencetype_from_string(rrule);

	if (!icaltime_is_null_time(r.until) && !all_day) {
		struct i18n_wall w = { r.until.year, r.until.month,
			r.until.day, r.until.hour, r.until.minute };
		int64_t t;

		if (i18n_wall_to_utc_rfc(&w, &t) == 0)
			r.until = icaltime_from_timet_with_zone((time_t)t + 59,
			    0, icaltimezone_get_utc_timezone());
	} else if (!icaltime_is_null_time(r.until))
		r.until.is_date = 1;
	return icalproperty_new_rrule(r);
}

#define EVENT_COLUMNS \
	"e.uid, e.title, e.description, e.all_day, e.start_utc, e.end_utc, " \
	"e.rrule, e.venue, e.address, e.online, e.state, e.sequence, " \
	"e.created, e.updated, e.capacity, e.cost, " \
	"(SELECT group_concat(tag, ',') FROM cal_tags t WHERE " \
	"t.event_id = e.id), e.id"

static const char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? (const char *)s : "";
}

/* The VEVENT of an event row (EVENT_COLUMNS) with the given start, end
 * and UID; the caller adds what is the series' own. */
static icalcomponent *
vevent(struct ics *x, sqlite3_stmt *st, const char *uid, int64_t start,
    int64_t end)
{
	icalcomponent *ev;
	enum cal_state state = sqlite3_column_int(st, 10);
	bool all_day = sqlite3_column_int(st, 3);
	const char *venue = col(st, 7), *address = col(st, 8), *tags = col(st, 16);
	char *where;

	ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	/* Without METHOD, DTSTAMP is when the event was last changed in
	 * the store (RFC 5545 3.8.7.2), not when the feed was written: the
	 * same data gives the same text, so a feed can be cached. */
	icalcomponent_add_property(ev, utc_prop(ICAL_DTSTAMP_PROPERTY,
	    sqlite3_column_int64(st, 13)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    sqlite3_column_int(st, 11)));
	icalcomponent_add_property(ev, time_prop(x, ICAL_DTSTART_PROPERTY,
	    start, all_day));
	icalcomponent_add_property(ev, time_prop(x, ICAL_DTEND_PROPERTY, end,
	    all_day));
	icalcomponent_add_property(ev, icalproperty_new_summary(col(st, 1)));
	if (*col(st, 2) != '\0')
		icalcomponent_add_property(ev,
		    icalproperty_new_description(col(st, 2)));
	if (*venue != '\0' || *address != '\0' || sqlite3_column_int(st, 9)) {
		where = xasprintf("%s%s%s%s%s", venue,
		    *venue && *address ? ", " : "", address,
		    sqlite3_column_int(st, 9) && (*venue || *address) ? ", " : "",
		    sqlite3_column_int(st, 9) ? "online" : "");
		icalcomponent_add_property(ev, icalproperty_new_location(where));
		free(where);
	}
	if (*tags != '\0')
		icalcomponent_add_property(ev, icalproperty_new_categories(tags));
	icalcomponent_add_property(ev, icalproperty_new_status(
	    state == CAL_CANCELLED ? ICAL_STATUS_CANCELLED :
	    state == CAL_PUBLISHED ? ICAL_STATUS_CONFIRMED :
	    ICAL_STATUS_TENTATIVE));
	return ev;
}

/* The series of the event at row st: the master with RRULE and EXDATE,
 * and one VEVENT per moved occurrence. */
static int
add_series(struct ics *x, sqlite3_stmt *ov, sqlite3_stmt *st)
{
	icalcomponent *ev, **moved = NULL;
	const char *uid = col(st, 0), *rrule = col(st, 6);
	bool all_day = sqlite3_column_int(st, 3);
	int64_t id = sqlite3_column_int64(st, 17);
	size_t nmoved = 0;
	int rc;

	ev = vevent(x, st, uid, sqlite3_column_int64(st, 4),
	    sqlite3_column_int64(st, 5));
	if (*rrule != '\0')
		icalcomponent_add_property(ev, rrule_prop(rrule, all_day));
	sqlite3_reset(ov);
	sqlite3_bind_int64(ov, 1, id);
	while ((rc = sqlite3_step(ov)) == SQLITE_ROW) {
		int64_t recur = sqlite3_column_int64(ov, 0);
		icalcomponent *one;

		if (sqlite3_column_int(ov, 1) || *rrule == '\0') {
			if (*rrule != '\0')
				icalcomponent_add_property(ev, time_prop(x,
				    ICAL_EXDATE_PROPERTY, recur, all_day));
			continue;
		}
		one = vevent(x, st, uid, sqlite3_column_int64(ov, 2),
		    sqlite3_column_int64(ov, 3));
		icalcomponent_add_property(one, time_prop(x,
		    ICAL_RECURRENCEID_PROPERTY, recur, all_day));
		moved = xreallocarray(moved, nmoved + 1, sizeof *moved);
		moved[nmoved++] = one;
	}
	/* The series first, then its moved occurrences. */
	ics_emit(x, ev);
	for (size_t i = 0; i < nmoved; i++)
		ics_emit(x, moved[i]);
	free(moved);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Adds the series of every row of st; the number of rows, or -1. */
static int
add_rows(struct ics *x, struct db *db, sqlite3_stmt *st)
{
	sqlite3_stmt *ov;
	int rc, n = 0;

	/* One statement for the overrides of all of them: a feed holds
	 * thousands of events. */
	if ((ov = db_prepare(db, "SELECT recur_utc, cancelled, start_utc, "
	    "end_utc FROM cal_overrides WHERE event_id = ?1 "
	    "ORDER BY recur_utc")) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (add_series(x, ov, st) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(ov);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* What a public feed holds: published and cancelled events with an
 * occurrence ending after ?1. */
#define PUBLIC_WHERE \
	"e.state IN (1, 2) AND EXISTS (SELECT 1 FROM cal_occurrences " \
	"o WHERE o.event_id = e.id AND o.end_utc > ?1) "
#define PUBLIC_ORDER	"ORDER BY e.start_utc, e.id"

int
calendar_ics_public(struct db *db, int64_t now, struct strbuf *out)
{
	struct ics x;
	sqlite3_stmt *st;
	int n;

	if (ics_open(&x) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT " EVENT_COLUMNS " FROM cal_events e "
	    "WHERE " PUBLIC_WHERE PUBLIC_ORDER)) == NULL) {
		ics_close(&x, NULL);
		return -1;
	}
	sqlite3_bind_int64(st, 1, now);
	n = add_rows(&x, db, st);
	ics_close(&x, n < 0 ? NULL : out);
	return n < 0 ? -1 : 0;
}

/* The ids go in as one JSON array bound to ?2, so the set is one
 * prepared statement whatever its size, in the public feed's order. */
int
calendar_ics_events(struct db *db, const int64_t *ids, size_t n, int64_t now,
    struct strbuf *out)
{
	struct strbuf set = { 0 };
	struct ics x;
	sqlite3_stmt *st;
	int rows;

	sb_putc(&set, '[');
	for (size_t i = 0; i < n; i++)
		sb_printf(&set, "%s%lld", i > 0 ? "," : "", (long long)ids[i]);
	sb_putc(&set, ']');
	if (ics_open(&x) != 0) {
		sb_free(&set);
		return -1;
	}
	if ((st = db_prepare(db, "SELECT " EVENT_COLUMNS " FROM cal_events e "
	    "WHERE e.id IN (SELECT value FROM json_each(?2)) AND "
	    PUBLIC_WHERE PUBLIC_ORDER)) == NULL) {
		sb_free(&set);
		ics_close(&x, NULL);
		return -1;
	}
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_text(st, 2, set.s, (int)set.len, SQLITE_TRANSIENT);
	sb_free(&set);
	rows = add_rows(&x, db, st);
	ics_close(&x, rows < 0 ? NULL : out);
	return rows < 0 ? -1 : 0;
}

int
calendar_ics_event(struct db *db, const struct actor *a, int64_t id,
    struct strbuf *out)
{
	struct cal_event_row e;
	struct ics x;
	sqlite3_stmt *st;
	int n;

	if (cal_load(db, id, &e) != 0 || ((e.state == CAL_PROPOSED ||
	    e.state == CAL_REJECTED) && !cal_may_edit(a, &e)))
		return -1;
	if (ics_open(&x) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT " EVENT_COLUMNS " FROM cal_events e "
	    "WHERE e.id = ?1")) == NULL) {
		ics_close(&x, NULL);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	n = add_rows(&x, db, st);
	ics_close(&x, n <= 0 ? NULL : out);
	return n <= 0 ? -1 : 0;
}

/* The account's own: each occurrence it answered going or maybe, as an
 * event of its own, since a person who goes to one evening of a weekly
 * café is not going to the series; its UID is the series' with the
 * occurrence's start before it, stable as both are. */
int
calendar_ics_account(struct db *db, int64_t account_id, int64_t now,
    struct strbuf *out)
{
	struct ics x;
	sqlite3_stmt *st;
	int rc;

	if (ics_open(&x) != 0)
		return -1;
	if ((st = db_prepare(db, "SELECT " EVENT_COLUMNS ", o.recur_utc, "
	    "o.start_utc, o.end_utc, o.cancelled FROM cal_answers a "
	    "JOIN cal_occurrences o ON o.event_id = a.event_id AND "
	    "o.recur_utc = a.recur_utc JOIN cal_events e ON e.id = a.event_id "
	    "WHERE a.account_id = ?1 AND a.answer IN (1, 2) AND "
	    "e.state IN (1, 2) AND o.end_utc > ?2 "
	    "ORDER BY o.start_utc, e.id")) == NULL) {
		ics_close(&x, NULL);
		return -1;
	}
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct icaltimetype t = icaltime_from_timet_with_zone(
		    (time_t)sqlite3_column_int64(st, 18), 0,
		    icaltimezone_get_utc_timezone());
		icalcomponent *ev;
		char *uid;

		uid = xasprintf("%04d%02d%02dT%02d%02d%02dZ-%s", t.year,
		    t.month, t.day, t.hour, t.minute, t.second, col(st, 0));
		ev = vevent(&x, st, uid, sqlite3_column_int64(st, 19),
		    sqlite3_column_int64(st, 20));
		free(uid);
		if (sqlite3_column_int(st, 21))
			icalcomponent_set_status(ev, ICAL_STATUS_CANCELLED);
		ics_emit(&x, ev);
	}
	sqlite3_finalize(st);
	ics_close(&x, rc == SQLITE_DONE ? out : NULL);
	return rc == SQLITE_DONE ? 0 : -1;
}
