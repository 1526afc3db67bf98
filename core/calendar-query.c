/* What the views read: occurrences in a range (month and day), the agenda
 * page after a cursor with its filters, the actor's events today and
 * tomorrow, one event in full, and the proposals. All read
 * cal_occurrences by its start index; views show published and cancelled
 * events, proposals only their organiser and the moderators, in
 * calendar_event_get and calendar_proposals. */
#include "core/calendar-internal.h"
#include "common/xalloc.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

/* ?1 is the actor's account. */
#define OCC_COLUMNS \
	"o.event_id, o.recur_utc, o.start_utc, o.end_utc, e.all_day, " \
	"o.cancelled OR e.state = 2, e.state, e.title, e.venue, e.eldership, " \
	"e.online, e.languages, e.access, e.capacity, " \
	"(SELECT count(*) FROM cal_answers g WHERE g.event_id = o.event_id " \
	"AND g.recur_utc = o.recur_utc AND g.answer = 1 AND g.waitlist = 0), " \
	"e.cost = '', coalesce(m.answer, 0), coalesce(m.waitlist, 0)"
#define OCC_JOINS_ON \
	"ON e.id = o.event_id LEFT JOIN cal_answers m ON m.event_id = " \
	"o.event_id AND m.recur_utc = o.recur_utc AND m.account_id = ?1 "
#define OCC_JOINS \
	"FROM cal_occurrences o JOIN cal_events e " OCC_JOINS_ON
/* For a range of starts: the occurrences' start index drives, never the
 * events' state (SQLite would otherwise start from cal_events, whose
 * every row matches). */
#define OCC_SCAN \
	"FROM cal_occurrences o CROSS JOIN cal_events e " OCC_JOINS_ON
/* When a filter picks few events, they drive, and the page is sorted
 * after; with many, the start index is faster, as the first page's worth
 * of matches comes soon. */
#define FEW_EVENTS	200
#define FROM_MINE \
	"FROM cal_answers m CROSS JOIN cal_occurrences o ON o.event_id = " \
	"m.event_id AND o.recur_utc = m.recur_utc CROSS JOIN cal_events e " \
	"ON e.id = o.event_id WHERE m.account_id = ?1 AND m.answer IN (1, 2) " \
	"AND "
#define FROM_TAG \
	"FROM cal_tags t CROSS JOIN cal_occurrences o ON o.event_id = " \
	"t.event_id CROSS JOIN cal_events e " OCC_JOINS_ON "WHERE t.tag = ?2 " \
	"AND "
#define FROM_ORGANISER \
	"FROM cal_events e CROSS JOIN cal_occurrences o " OCC_JOINS_ON \
	"WHERE e.organiser_id = ?6 AND "

/* The filters, ?2 to ?8 (struct cal_filter). */
#define OCC_FILTERS \
	"e.state IN (1, 2) AND " \
	"(?2 IS NULL OR EXISTS (SELECT 1 FROM cal_tags t WHERE t.tag = ?2 " \
	"AND t.event_id = e.id)) AND (?3 = 0 OR (e.languages & ?3) != 0) AND " \
	"(?4 IS NULL OR (?4 = 'online' AND e.online) OR e.eldership = ?4) " \
	"AND (e.access & ?5) = ?5 AND (?6 = 0 OR e.organiser_id = ?6) AND " \
	"(NOT ?7 OR e.cost = '') AND (NOT ?8 OR m.answer IN (1, 2)) "

/* The same on the event alone, for a lookup per occurrence. */
#define OCC_E_FILTERS \
	"e.state IN (1, 2) AND " \
	"(?2 IS NULL OR EXISTS (SELECT 1 FROM cal_tags t WHERE t.tag = ?2 " \
	"AND t.event_id = e.id)) AND (?3 = 0 OR (e.languages & ?3) != 0) AND " \
	"(?4 IS NULL OR (?4 = 'online' AND e.online) OR e.eldership = ?4) " \
	"AND (e.access & ?5) = ?5 AND (?6 = 0 OR e.organiser_id = ?6) AND " \
	"(NOT ?7 OR e.cost = '') "

/* How far before a range an occurrence that overlaps it may start: the
 * longest event's length (cal_events_length answers from its index), and
 * an hour for an all-day event over a change of the clocks. A range then
 * reads the start index from only that far back, not the longest an
 * event may ever be. */
static int64_t
longest(struct db *db)
{
	return db_scalar(db, "SELECT max(end_utc - start_utc) FROM "
	    "cal_events", 0, 0, (int64_t)CAL_DAYS_MAX * 86400) + 3600;
}
#define OCC_LONGEST	longest(db)

static void
occ_from_row(sqlite3_stmt *st, struct cal_occurrence *o)
{
	memset(o, 0, sizeof *o);
	o->event_id = sqlite3_column_int64(st, 0);
	o->recur_utc = sqlite3_column_int64(st, 1);
	o->start = sqlite3_column_int64(st, 2);
	o->end = sqlite3_column_int64(st, 3);
	o->all_day = sqlite3_column_int(st, 4);
	o->cancelled = sqlite3_column_int(st, 5);
	o->state = sqlite3_column_int(st, 6);
	db_column_copy(st, 7, o->title, sizeof o->title);
	db_column_copy(st, 8, o->venue, sizeof o->venue);
	db_column_copy(st, 9, o->eldership, sizeof o->eldership);
	o->online = sqlite3_column_int(st, 10);
	o->languages = (unsigned)sqlite3_column_int(st, 11);
	o->access = (unsigned)sqlite3_column_int(st, 12);
	o->capacity = sqlite3_column_int(st, 13);
	o->going = sqlite3_column_int(st, 14);
	o->free = sqlite3_column_int(st, 15);
	o->mine = sqlite3_column_int(st, 16);
	o->mine_waiting = sqlite3_column_int(st, 17);
}

static void
bind_filter(sqlite3_stmt *st, const struct actor *a, const struct cal_filter *f)
{
	static const struct cal_filter none;
	char *tag = NULL;

	if (f == NULL)
		f = &none;
	sqlite3_bind_int64(st, 1, a->account_id);
	if (f->tag != NULL && *f->tag != '\0') {
		tag = i18n_nfkc_casefold(f->tag);
		sqlite3_bind_text(st, 2, tag, -1, free);
	}
	if (f->eldership != NULL && *f->eldership != '\0')
		db_bind_text(st, 4, f->eldership);
	sqlite3_bind_int(st, 3, (int)f->languages);
	sqlite3_bind_int(st, 5, (int)(f->access & CAL_ACCESS_ALL));
	sqlite3_bind_int64(st, 6, f->organiser_id);
	sqlite3_bind_int(st, 7, f->free_only);
	sqlite3_bind_int(st, 8, f->answered_only && a->account_id != 0);
}

/* Steps st into out, at most limit rows (0: no limit), noting more. */
static int
collect(sqlite3_stmt *st, int limit, struct cal_occurrence_list *out)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (limit > 0 && out->n == (size_t)limit) {
			out->more = true;
			rc = SQLITE_DONE;
			break;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		occ_from_row(st, &out->v[out->n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cal_occurrence_list_free(out);
		return -1;
	}
	return 0;
}

void
cal_occurrence_list_free(struct cal_occurrence_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
calendar_range(struct db *db, const struct actor *a, int64_t from,
    int64_t to, const struct cal_filter *f, struct cal_occurrence_list *out)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS " " OCC_SCAN
	    "WHERE o.start_utc > ?9 AND o.start_utc < ?10 AND "
	    "o.end_utc > ?11 AND " OCC_FILTERS
	    "ORDER BY o.start_utc, o.event_id, o.recur_utc")) == NULL)
		return -1;
	bind_filter(st, a, f);
	sqlite3_bind_int64(st, 9, from - OCC_LONGEST);
	sqlite3_bind_int64(st, 10, to);
	sqlite3_bind_int64(st, 11, from);
	return collect(st, 0, out);
}

static bool
filter_empty(const struct actor *a, const struct cal_filter *f)
{
	return f == NULL || ((f->tag == NULL || *f->tag == '\0') &&
	    f->languages == 0 && (f->eldership == NULL ||
	    *f->eldership == '\0') && (f->access & CAL_ACCESS_ALL) == 0 &&
	    f->organiser_id == 0 && !f->free_only &&
	    !(f->answered_only && a->account_id != 0));
}

int
calendar_month_marks(struct db *db, const struct actor *a, int year,
    int month, const struct cal_filter *f, int counts[31])
{
	int64_t bound[32], to;
	sqlite3_stmt *st;
	int days, rc;

	memset(counts, 0, 31 * sizeof counts[0]);
	if (month < 1 || month > 12)
		return -1;
	days = i18n_month_days(year, month);
	/* Where each day begins, and the month ends. */
	for (int d = 0; d < days; d++) {
		if (calendar_day_bounds(year, month, d + 1, &bound[d], &to) != 0)
			return -1;
	}
	bound[days] = to;
	/* Without filters the start index alone answers. */
	if (filter_empty(a, f))
		st = db_prepare(db, "SELECT start_utc, end_utc FROM "
		    "cal_occurrences WHERE start_utc > ?9 AND start_utc < ?10 "
		    "AND end_utc > ?11 AND NOT cancelled AND state = 1");
	else if ((st = db_prepare(db, "SELECT o.start_utc, o.end_utc "
	    OCC_SCAN "WHERE o.start_utc > ?9 AND o.start_utc < ?10 AND "
	    "o.end_utc > ?11 AND NOT o.cancelled AND o.state = 1 AND "
	    OCC_FILTERS)) != NULL)
		bind_filter(st, a, f);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 9, bound[0] - OCC_LONGEST);
	sqlite3_bind_int64(st, 10, bound[days]);
	sqlite3_bind_int64(st, 11, bound[0]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t s = sqlite3_column_int64(st, 0);
		int64_t e = sqlite3_column_int64(st, 1);

		/* Every day it touches: [s, e), and an instant one its own
		 * day. */
		for (int d = 0; d < days; d++) {
			if (s < bound[d + 1] && (e > bound[d] ||
			    (e == s && s >= bound[d])))
				counts[d]++;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? days : -1;
}

int
calendar_day_bounds(int year, int month, int day, int64_t *from,
    int64_t *to)
{
	struct i18n_wall w = { year, month, day, 0, 0 };

	if (i18n_wall_to_utc_rfc(&w, from) != 0)
		return -1;
	/* The next day's midnight, through the month's end. */
	if (day < i18n_month_days(year, month))
		w.day++;
	else if (month < 12) {
		w.month++;
		w.day = 1;
	} else {
		w.year++;
		w.month = w.day = 1;
	}
	return i18n_wall_to_utc_rfc(&w, to);
}

static bool
few_tagged(struct db *db, const char *tag)
{
	sqlite3_stmt *st;
	char *folded = i18n_nfkc_casefold(tag);
	int n = FEW_EVENTS;

	if ((st = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM "
	    "cal_tags WHERE tag = ?1 LIMIT ?2)")) != NULL) {
		db_bind_text(st, 1, folded);
		sqlite3_bind_int(st, 2, FEW_EVENTS);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	free(folded);
	return n < FEW_EVENTS;
}

int
calendar_agenda(struct db *db, const struct actor *a, int64_t now,
    const struct cal_cursor *after, const struct cal_filter *f, int limit,
    struct cal_occurrence_list *out)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return 0;
	/* After the cursor in (start, event, occurrence) order, said so
	 * that the start index bounds the scan. */
#define AGENDA_WHERE_AND \
	"o.start_utc >= ?9 AND o.end_utc > ?10 AND " \
	"(o.start_utc > ?11 OR (o.event_id, o.recur_utc) > (?12, ?13)) AND "
#define AGENDA_ORDER "ORDER BY o.start_utc, o.event_id, o.recur_utc LIMIT ?14"
	if (f != NULL && f->answered_only && a->account_id != 0)
		st = db_prepare(db, "SELECT " OCC_COLUMNS " " FROM_MINE
		    AGENDA_WHERE_AND OCC_FILTERS AGENDA_ORDER);
	else if (f != NULL && f->tag != NULL && *f->tag != '\0' &&
	    few_tagged(db, f->tag))
		st = db_prepare(db, "SELECT " OCC_COLUMNS " " FROM_TAG
		    AGENDA_WHERE_AND OCC_FILTERS AGENDA_ORDER);
	else if (f != NULL && f->organiser_id != 0 && db_scalar(db,
	    "SELECT count(*) FROM cal_events WHERE organiser_id = ?1",
	    f->organiser_id, 0, 0) < FEW_EVENTS)
		st = db_prepare(db, "SELECT " OCC_COLUMNS " " FROM_ORGANISER
		    AGENDA_WHERE_AND OCC_FILTERS AGENDA_ORDER);
	else
		/* The page's keys from the start index, the events' filters
		 * looked up per row (a join here would make SQLite build a
		 * Bloom filter over every event first), then the page's
		 * rows joined. */
		st = db_prepare(db, "SELECT " OCC_COLUMNS " FROM (SELECT "
		    "o.event_id, o.recur_utc FROM cal_occurrences o WHERE "
		    AGENDA_WHERE_AND "o.state IN (1, 2) AND (?15 OR EXISTS "
		    "(SELECT 1 FROM cal_events e WHERE e.id = o.event_id AND "
		    OCC_E_FILTERS ")) " AGENDA_ORDER ") p CROSS JOIN "
		    "cal_occurrences o ON o.event_id = p.event_id AND "
		    "o.recur_utc = p.recur_utc CROSS JOIN cal_events e "
		    OCC_JOINS_ON "ORDER BY o.start_utc, o.event_id, "
		    "o.recur_utc");
	if (st == NULL)
		return -1;
	bind_filter(st, a, f);
	/* One lower bound for the index: the cursor's start, or the
	 * earliest start that can still be running now. */
	sqlite3_bind_int64(st, 9, after != NULL && after->start > now -
	    OCC_LONGEST ? after->start : now - OCC_LONGEST);
	sqlite3_bind_int64(st, 10, now);
	sqlite3_bind_int64(st, 11, after != NULL ? after->start : INT64_MIN);
	sqlite3_bind_int64(st, 12, after != NULL ? after->event_id : 0);
	sqlite3_bind_int64(st, 13, after != NULL ? after->recur_utc : 0);
	sqlite3_bind_int(st, 14, limit + 1);
	sqlite3_bind_int(st, 15, filter_empty(a, f));
	return collect(st, limit, out);
}

/* The end of tomorrow in the site zone. */
static int64_t
tomorrow_end(int64_t now)
{
	struct i18n_wall w;
	int64_t from, to;

	i18n_wall_from_utc(now + 86400, &w, NULL);
	if (calendar_day_bounds(w.year, w.month, w.day, &from, &to) != 0)
		return now + 2 * 86400;
	return to;
}

#define MINE_SOON \
	OCC_JOINS "WHERE m.account_id = ?1 AND m.answer IN (1, 2) AND " \
	"o.end_utc > ?2 AND o.start_utc < ?3 AND o.start_utc > ?4 AND " \
	"NOT o.cancelled AND e.state = 1 "

int
calendar_mine_soon(struct db *db, const struct actor *a, int64_t now,
    struct cal_occurrence_list *out)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (a->account_id == 0)
		return 0;
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS " " MINE_SOON
	    "ORDER BY o.start_utc, o.event_id")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->account_id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, tomorrow_end(now));
	sqlite3_bind_int64(st, 4, now - OCC_LONGEST);
	return collect(st, 0, out);
}

int
calendar_mine_soon_count(struct db *db, const struct actor *a, int64_t now)
{
	sqlite3_stmt *st;
	int n = -1;

	if (a->account_id == 0)
		return 0;
	if ((st = db_prepare(db, "SELECT count(*) " MINE_SOON)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->account_id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, tomorrow_end(now));
	sqlite3_bind_int64(st, 4, now - OCC_LONGEST);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return xstrdup(s != NULL ? (const char *)s : "");
}

int
calendar_event_get(struct db *db, const struct actor *a, int64_t id,
    int64_t recur_utc, int64_t now, struct cal_event *out)
{
	struct cal_event_row e;
	sqlite3_stmt *st;
	struct strbuf tags = { 0 };
	int rc;

	memset(out, 0, sizeof *out);
	if (cal_load(db, id, &e) != 0)
		return -1;
	out->may_edit = cal_may_edit(a, &e);
	if ((e.state == CAL_PROPOSED || e.state == CAL_REJECTED) &&
	    !out->may_edit)
		return -1;
	if (recur_utc == 0)
		recur_utc = db_scalar(db, "SELECT coalesce((SELECT recur_utc "
		    "FROM cal_occurrences WHERE event_id = ?1 AND end_utc > ?2 "
		    "ORDER BY start_utc LIMIT 1), (SELECT max(recur_utc) FROM "
		    "cal_occurrences WHERE event_id = ?1))", id, now, 0);
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS ", e.description, "
	    "e.address, e.access_note, e.cost, e.rrule, "
	    "coalesce(e.organiser_id, 0), coalesce(ac.display, ''), "
	    "(SELECT count(*) FROM cal_answers x WHERE x.event_id = o.event_id "
	    "AND x.recur_utc = o.recur_utc AND x.answer = 2), "
	    "(SELECT count(*) FROM cal_answers x WHERE x.event_id = o.event_id "
	    "AND x.recur_utc = o.recur_utc AND x.answer = 3), "
	    "(SELECT count(*) FROM cal_answers x WHERE x.event_id = o.event_id "
	    "AND x.recur_utc = o.recur_utc AND x.waitlist > 0) " OCC_JOINS
	    "LEFT JOIN accounts ac ON ac.id = e.organiser_id "
	    "WHERE o.event_id = ?2 AND o.recur_utc = ?3")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->account_id);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, recur_utc);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		occ_from_row(st, &out->occ);
		out->description = column_dup(st, 18);
		out->address = column_dup(st, 19);
		out->access_note = column_dup(st, 20);
		out->cost = column_dup(st, 21);
		out->rrule = column_dup(st, 22);
		out->organiser_id = sqlite3_column_int64(st, 23);
		db_column_copy(st, 24, out->organiser, sizeof out->organiser);
		out->maybe = sqlite3_column_int(st, 25);
		out->not_going = sqlite3_column_int(st, 26);
		out->waiting = sqlite3_column_int(st, 27);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		cal_event_free(out);
		return -1;
	}
	if ((st = db_prepare(db, "SELECT tag FROM cal_tags WHERE "
	    "event_id = ?1 ORDER BY tag")) == NULL) {
		cal_event_free(out);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	sb_puts(&tags, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (tags.len > 0)
			sb_puts(&tags, ", ");
		sb_puts(&tags, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	out->tags = sb_take(&tags);
	return 0;
}

void
cal_event_free(struct cal_event *e)
{
	free(e->description);
	free(e->address);
	free(e->access_note);
	free(e->cost);
	free(e->tags);
	free(e->rrule);
	memset(e, 0, sizeof *e);
}

int
calendar_proposals(struct db *db, const struct actor *a,
    struct cal_occurrence_list *out)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (a->guest || a->role < ROLE_MODERATOR)
		return 0;
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS " " OCC_JOINS
	    "WHERE e.state = 0 AND o.recur_utc = (SELECT min(recur_utc) FROM "
	    "cal_occurrences WHERE event_id = e.id) ORDER BY e.id")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->account_id);
	return collect(st, 0, out);
}
