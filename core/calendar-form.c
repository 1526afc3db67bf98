/* An event's form: each text sanitised once, as the forums store theirs,
 * and held to its limit; wall times made instants in the site zone, with
 * the changes of the clocks refused or chosen, never shifted; the rule
 * made. */
#include "core/calendar-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
cal_clean_free(struct cal_clean *c)
{
	free(c->title);
	free(c->description);
	free(c->venue);
	free(c->address);
	free(c->access_note);
	free(c->cost);
	for (int i = 0; i < c->ntags; i++)
		free(c->tags[i]);
	memset(c, 0, sizeof *c);
}

/* A sanitised copy of s of at most max code points (at least one when
 * needed), or NULL. */
char *
cal_clean_text(const char *s, enum sanitize_kind kind, size_t max, bool needed)
{
	char *c;
	size_t n;

	if (s == NULL)
		s = "";
	if (strlen(s) > max * 4 * 2)
		return NULL;
	c = sanitize(s, strlen(s), kind, 0, 0);
	n = utf8_count(c);
	if (n > max || (needed && c[strspn(c, " \t\n")] == '\0')) {
		free(c);
		return NULL;
	}
	return c;
}

struct core_error
cal_wall_error(enum i18n_wall_result r, const char *field)
{
	switch (r) {
	case I18N_WALL_OK:
		return CORE_OK;
	case I18N_WALL_NONEXISTENT:
		return CORE_ERR("error.calendar.time_nonexistent", field);
	case I18N_WALL_REPEATED:
		return CORE_ERR("error.calendar.time_repeated", field);
	default:
		return CORE_ERR("error.calendar.time_invalid", field);
	}
}

/* Checks and cleans a form into c. */
struct core_error
cal_clean_input(const struct cal_event_input *in, struct cal_clean *c)
{
	struct i18n_wall s = in->start, e = in->end;
	struct core_error err;
	int64_t length;

	memset(c, 0, sizeof *c);
	if ((c->title = cal_clean_text(in->title, SANITIZE_LINE, CAL_TITLE_MAX,
	    true)) == NULL)
		return CORE_ERR_ARG("error.calendar.title_length", "title",
		    CAL_TITLE_MAX);
	if ((c->description = cal_clean_text(in->description, SANITIZE_BODY,
	    CAL_DESCRIPTION_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.description_length",
		    "description", CAL_DESCRIPTION_MAX);
	if ((c->venue = cal_clean_text(in->venue, SANITIZE_LINE, CAL_VENUE_MAX,
	    false)) == NULL)
		return CORE_ERR_ARG("error.calendar.venue_length", "venue",
		    CAL_VENUE_MAX);
	if ((c->address = cal_clean_text(in->address, SANITIZE_LINE,
	    CAL_ADDRESS_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.address_length", "address",
		    CAL_ADDRESS_MAX);
	if ((c->access_note = cal_clean_text(in->access_note, SANITIZE_BODY,
	    CAL_ACCESS_NOTE_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.access_note_length",
		    "access_note", CAL_ACCESS_NOTE_MAX);
	if ((c->cost = cal_clean_text(in->cost, SANITIZE_LINE, CAL_COST_MAX,
	    false)) == NULL)
		return CORE_ERR_ARG("error.calendar.cost_length", "cost",
		    CAL_COST_MAX);
	if (in->ntags < 0 || in->ntags > CAL_TAGS_MAX)
		return CORE_ERR_ARG("error.calendar.tag", "tags", CAL_TAG_MAX);
	for (int i = 0; i < in->ntags; i++) {
		char *t = cal_clean_text(in->tags[i], SANITIZE_LINE, CAL_TAG_MAX,
		    true), *f;

		if (t == NULL)
			return CORE_ERR_ARG("error.calendar.tag", "tags",
			    CAL_TAG_MAX);
		/* Tags match without case: "Kalbos" finds "kalbos". */
		f = i18n_nfkc_casefold(t);
		free(t);
		c->tags[c->ntags++] = f;
	}
	if (in->eldership != NULL && *in->eldership != '\0') {
		if (cal_eldership_find(in->eldership) < 0)
			return CORE_ERR("error.calendar.place", "venue");
		snprintf(c->eldership, sizeof c->eldership, "%s",
		    in->eldership);
	}
	if (!in->online && c->venue[0] == '\0')
		return CORE_ERR("error.calendar.place", "venue");
	if (in->languages == 0 || (in->languages & ~CAL_LANGS_ALL) != 0)
		return CORE_ERR("error.calendar.languages", "languages");
	if (in->capacity < 0 || in->capacity > CAL_CAPACITY_MAX)
		return CORE_ERR_ARG("error.calendar.capacity", "capacity",
		    CAL_CAPACITY_MAX);
	if (in->all_day) {
		s.hour = s.minute = e.hour = e.minute = 0;
		if (i18n_wall_to_utc_rfc(&s, &c->start) != 0)
			return CORE_ERR("error.calendar.time_invalid", "start");
		if (i18n_wall_to_utc_rfc(&e, &c->end) != 0)
			return CORE_ERR("error.calendar.time_invalid", "end");
		/* The end day is included: the event ends at the next
		 * midnight. */
		c->end += 86400;
	} else {
		err = cal_wall_error(i18n_wall_to_utc(&s, in->start_choice,
		    &c->start), "start");
		if (core_failed(err))
			return err;
		err = cal_wall_error(i18n_wall_to_utc(&e, in->end_choice,
		    &c->end), "end");
		if (core_failed(err))
			return err;
	}
	length = c->end - c->start;
	if (length < 0 || (length == 0 && in->all_day))
		return CORE_ERR("error.calendar.end_before_start", "end");
	if (length > (int64_t)CAL_DAYS_MAX * 86400 + 7200)
		return CORE_ERR_ARG("error.calendar.too_long", "end",
		    CAL_DAYS_MAX);
	/* The start is the first time (RFC 5545: a start off the rule makes
	 * the set undefined), so a weekly rule must take the start's day. */
	if (in->recur.freq == CAL_WEEKLY && in->recur.weekdays != 0) {
		struct i18n_wall w;
		int wd;

		i18n_wall_from_utc(c->start, &w, &wd);
		if (!(in->recur.weekdays & (1u << (wd - 1))))
			return CORE_ERR("error.calendar.weekdays_start",
			    "weekdays");
	}
	cal_wall_text(&s, c->wall, sizeof c->wall);
	if (cal_rrule(&in->recur, &s, c->rrule, sizeof c->rrule) == NULL)
		return CORE_ERR("error.calendar.recurrence", "recurrence");
	return CORE_OK;
}

const char *
cal_write_tags(struct db *db, int64_t id, const struct cal_clean *c)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM cal_tags WHERE event_id = ?1"))
	    == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	for (int i = 0; i < c->ntags; i++) {
		if ((st = db_prepare(db, "INSERT OR IGNORE INTO cal_tags "
		    "(tag, event_id) VALUES (?1, ?2)")) == NULL)
			return "error.internal";
		db_bind_text(st, 1, c->tags[i]);
		sqlite3_bind_int64(st, 2, id);
		if (db_step_done(st) != SQLITE_DONE)
			return "error.internal";
	}
	return NULL;
}

/* ?2 to ?18: the form's columns in the order of both statements. */
void
cal_bind_clean(sqlite3_stmt *st, const struct cal_event_input *in,
    const struct cal_clean *c)
{
	db_bind_text(st, 2, c->title);
	db_bind_text(st, 3, c->description);
	sqlite3_bind_int(st, 4, in->all_day);
	db_bind_text(st, 5, c->wall);
	sqlite3_bind_int64(st, 6, c->start);
	sqlite3_bind_int64(st, 7, c->end);
	db_bind_text(st, 8, c->rrule);
	db_bind_text(st, 9, c->venue);
	db_bind_text(st, 10, c->address);
	db_bind_text(st, 11, c->eldership);
	sqlite3_bind_int(st, 12, in->online);
	sqlite3_bind_int(st, 13, (int)in->languages);
	sqlite3_bind_int(st, 14, (int)(in->access & CAL_ACCESS_ALL));
	db_bind_text(st, 15, c->access_note);
	sqlite3_bind_int(st, 16, in->capacity);
	db_bind_text(st, 17, c->cost);
	sqlite3_bind_int64(st, 18, db_now());
}
