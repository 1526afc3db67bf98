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
#define OCC_JOINS \
	"FROM cal_occurrences o JOIN cal_events e ON e.id = o.event_id " \
	"LEFT JOIN cal_answers m ON m.event_id = o.event_id AND " \
	"m.recur_utc = o.recur_utc AND m.account_id = ?1 "
/* The filters, ?2 to ?8 (struct cal_filter). */
#define OCC_FILTERS \
	"e.state IN (1, 2) AND " \
	"(?2 IS NULL OR EXISTS (SELECT 1 FROM cal_tags t WHERE t.tag = ?2 " \
	"AND t.event_id = e.id)) AND (?3 = 0 OR (e.languages & ?3) != 0) AND " \
	"(?4 IS NULL OR (?4 = 'online' AND e.online) OR e.eldership = ?4) " \
	"AND (e.access & ?5) = ?5 AND (?6 = 0 OR e.organiser_id = ?6) AND " \
	"(NOT ?7 OR e.cost = '') AND (NOT ?8 OR m.answer IN (1, 2)) "
/* How far before a range an occurrence that overlaps it may start. */
#define OCC_LONGEST	((int64_t)CAL_DAYS_MAX * 86400 + 7200)

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
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS " " OCC_JOINS
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

int
calendar_agenda(struct db *db, const struct actor *a, int64_t now,
    const struct cal_cursor *after, const struct cal_filter *f, int limit,
    struct cal_occurrence_list *out)
{
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if (limit <= 0)
		return 0;
	if ((st = db_prepare(db, "SELECT " OCC_COLUMNS " " OCC_JOINS
	    "WHERE o.start_utc > ?9 AND o.end_utc > ?10 AND "
	    "(o.start_utc, o.event_id, o.recur_utc) > (?11, ?12, ?13) AND "
	    OCC_FILTERS "ORDER BY o.start_utc, o.event_id, o.recur_utc "
	    "LIMIT ?14")) == NULL)
		return -1;
	bind_filter(st, a, f);
	sqlite3_bind_int64(st, 9, now - OCC_LONGEST);
	sqlite3_bind_int64(st, 10, now);
	sqlite3_bind_int64(st, 11, after != NULL ? after->start : INT64_MIN);
	sqlite3_bind_int64(st, 12, after != NULL ? after->event_id : 0);
	sqlite3_bind_int64(st, 13, after != NULL ? after->recur_utc : 0);
	sqlite3_bind_int(st, 14, limit + 1);
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
	"o.end_utc > ?2 AND o.start_utc < ?3 AND NOT o.cancelled AND " \
	"e.state = 1 "

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
		recur_utc = cal_scalar(db, "SELECT coalesce((SELECT recur_utc "
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
