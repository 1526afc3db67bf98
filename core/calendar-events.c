/* Events: proposing and publishing one, editing, cancelling, moving or
 * cancelling one occurrence, and the moderators' answer to a proposal.
 * Texts are sanitised here, when stored, as the forums do. */
#include "core/calendar-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
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

int64_t
cal_scalar(struct db *db, const char *sql, int64_t a, int64_t b,
    int64_t dflt)
{
	sqlite3_stmt *st;
	int64_t v = dflt;

	if ((st = db_prepare(db, sql)) == NULL)
		return dflt;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
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
	if (a->account_id != 0 && cal_scalar(db, "SELECT suspended_until > ?2 "
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

/* The clean texts of a form, each sanitised once. */
struct clean {
	char	*title, *description, *venue, *address, *access_note, *cost;
	char	*tags[CAL_TAGS_MAX];
	int	 ntags;
	char	 eldership[24];
	char	 rrule[256];
	char	 wall[20];
	int64_t	 start, end;
};

static void
clean_free(struct clean *c)
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
static char *
clean_text(const char *s, enum sanitize_kind kind, size_t max, bool needed)
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

static struct core_error
wall_error(enum i18n_wall_result r, const char *field)
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
static struct core_error
clean_input(const struct cal_event_input *in, struct clean *c)
{
	struct i18n_wall s = in->start, e = in->end;
	struct core_error err;
	int64_t length;

	memset(c, 0, sizeof *c);
	if ((c->title = clean_text(in->title, SANITIZE_LINE, CAL_TITLE_MAX,
	    true)) == NULL)
		return CORE_ERR_ARG("error.calendar.title_length", "title",
		    CAL_TITLE_MAX);
	if ((c->description = clean_text(in->description, SANITIZE_BODY,
	    CAL_DESCRIPTION_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.description_length",
		    "description", CAL_DESCRIPTION_MAX);
	if ((c->venue = clean_text(in->venue, SANITIZE_LINE, CAL_VENUE_MAX,
	    false)) == NULL)
		return CORE_ERR_ARG("error.calendar.venue_length", "venue",
		    CAL_VENUE_MAX);
	if ((c->address = clean_text(in->address, SANITIZE_LINE,
	    CAL_ADDRESS_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.address_length", "address",
		    CAL_ADDRESS_MAX);
	if ((c->access_note = clean_text(in->access_note, SANITIZE_BODY,
	    CAL_ACCESS_NOTE_MAX, false)) == NULL)
		return CORE_ERR_ARG("error.calendar.access_note_length",
		    "access_note", CAL_ACCESS_NOTE_MAX);
	if ((c->cost = clean_text(in->cost, SANITIZE_LINE, CAL_COST_MAX,
	    false)) == NULL)
		return CORE_ERR_ARG("error.calendar.cost_length", "cost",
		    CAL_COST_MAX);
	if (in->ntags < 0 || in->ntags > CAL_TAGS_MAX)
		return CORE_ERR_ARG("error.calendar.tag", "tags", CAL_TAG_MAX);
	for (int i = 0; i < in->ntags; i++) {
		char *t = clean_text(in->tags[i], SANITIZE_LINE, CAL_TAG_MAX,
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
		err = wall_error(i18n_wall_to_utc(&s, in->start_choice,
		    &c->start), "start");
		if (core_failed(err))
			return err;
		err = wall_error(i18n_wall_to_utc(&e, in->end_choice,
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
	cal_wall_text(&s, c->wall, sizeof c->wall);
	if (cal_rrule(&in->recur, &s, c->rrule, sizeof c->rrule) == NULL)
		return CORE_ERR("error.calendar.recurrence", "recurrence");
	return CORE_OK;
}

static const char *
write_tags(struct db *db, int64_t id, const struct clean *c)
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

/* Binds the form's columns as ?2 to ?19 of an INSERT or UPDATE. */
static void
bind_clean(sqlite3_stmt *st, const struct cal_event_input *in,
    const struct clean *c)
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

static const char *
expand_new(struct db *db, int64_t id)
{
	struct cal_event_row e;

	if (cal_load(db, id, &e) != 0)
		return "error.internal";
	return cal_expand(db, &e, INT64_MIN,
	    db_now() + (int64_t)CAL_HORIZON_DAYS * 86400);
}

struct core_error
calendar_event_create(struct db *db, const struct actor *a,
    const struct cal_event_input *in, int64_t *id_out)
{
	struct core_error ce;
	struct clean c;
	sqlite3_stmt *st;
	const char *err = NULL;
	unsigned char rnd[16];
	char uid[64];
	int64_t id = 0;
	enum cal_state state;

	if ((err = cal_may_act(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	ce = clean_input(in, &c);
	if (core_failed(ce)) {
		clean_free(&c);
		return ce;
	}
	/* A UID that stays the event's through every edit and is unique
	 * across sites, as calendar programs match updates by it. */
	arc4random_buf(rnd, sizeof rnd);
	for (size_t i = 0; i < sizeof rnd; i++)
		snprintf(uid + 2 * i, 3, "%02x", rnd[i]);
	snprintf(uid + 32, sizeof uid - 32, "@tinklas");
	state = a->role >= ROLE_ORGANISER ? CAL_PUBLISHED : CAL_PROPOSED;
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL) {
		clean_free(&c);
		return CORE_ERR(err, NULL);
	}
	if ((st = db_prepare(db, "INSERT INTO cal_events (uid, title, "
	    "description, all_day, start_wall, start_utc, end_utc, rrule, "
	    "venue, address, eldership, online, languages, access, "
	    "access_note, capacity, cost, created, updated, organiser_id, "
	    "state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
	    "?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20)")) == NULL)
		err = "error.internal";
	else {
		db_bind_text(st, 1, uid);
		bind_clean(st, in, &c);
		/* The admin command (account 0) organises on no one's
		 * behalf. */
		if (a->account_id != 0)
			sqlite3_bind_int64(st, 19, a->account_id);
		sqlite3_bind_int(st, 20, state);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
		else
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (err == NULL)
		err = write_tags(db, id, &c);
	if (err == NULL)
		err = expand_new(db, id);
	if (err == NULL)
		err = db_audit(db, a, "event", id, state == CAL_PUBLISHED ?
		    "event.publish" : "event.propose", c.title);
	clean_free(&c);
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	if (id_out != NULL)
		*id_out = id;
	return CORE_OK;
}

/* Answers to occurrences the new rule no longer has go, and their people
 * are told; the others are told of the change. */
static const char *
drop_lost_answers(struct db *db, int64_t id)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, "DELETE FROM cal_answers WHERE event_id = ?1 "
	    "AND recur_utc NOT IN (SELECT recur_utc FROM cal_occurrences "
	    "WHERE event_id = ?1)")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(st) == SQLITE_DONE ? NULL : "error.internal";
}

static const char *
promote_all(struct db *db, int64_t id, int capacity)
{
	sqlite3_stmt *st;
	int64_t *recur = NULL;
	size_t n = 0;
	const char *err = NULL;
	int rc;

	if ((st = db_prepare(db, "SELECT DISTINCT recur_utc FROM cal_answers "
	    "WHERE event_id = ?1 AND waitlist > 0")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		recur = xreallocarray(recur, n + 1, sizeof *recur);
		recur[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		err = "error.internal";
	for (size_t i = 0; err == NULL && i < n; i++)
		err = cal_promote(db, id, recur[i], capacity, NULL);
	free(recur);
	return err;
}

static const char *
requeue(struct db *db, int64_t id)
{
	static const char *const sql[] = {
		"UPDATE cal_events SET state = 0 WHERE id = ?1",
		"UPDATE cal_occurrences SET state = 0 WHERE event_id = ?1",
	};
	sqlite3_stmt *st;

	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((st = db_prepare(db, sql[i])) == NULL)
			return "error.internal";
		sqlite3_bind_int64(st, 1, id);
		if (db_step_done(st) != SQLITE_DONE)
			return "error.internal";
	}
	return NULL;
}

struct core_error
calendar_event_update(struct db *db, const struct actor *a, int64_t id,
    const struct cal_event_input *in, struct cal_notify *notify)
{
	struct cal_event_row e;
	struct core_error ce;
	struct clean c;
	sqlite3_stmt *st;
	const char *err = NULL;

	if ((err = cal_may_act(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	ce = clean_input(in, &c);
	if (core_failed(ce)) {
		clean_free(&c);
		return ce;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL) {
		clean_free(&c);
		return CORE_ERR(err, NULL);
	}
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (notify != NULL && cal_answered(db, id, 0, notify) != 0)
		err = "error.internal";
	else if ((st = db_prepare(db, "UPDATE cal_events SET title = ?2, "
	    "description = ?3, all_day = ?4, start_wall = ?5, start_utc = ?6, "
	    "end_utc = ?7, rrule = ?8, venue = ?9, address = ?10, "
	    "eldership = ?11, online = ?12, languages = ?13, access = ?14, "
	    "access_note = ?15, capacity = ?16, cost = ?17, updated = ?18, "
	    "sequence = sequence + 1 WHERE id = ?1")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, id);
		bind_clean(st, in, &c);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	/* A new time or rule makes new occurrences; overrides of the old
	 * ones no longer name any. */
	if (err == NULL && (e.start != c.start || strcmp(e.rrule, c.rrule) != 0)) {
		if ((st = db_prepare(db, "DELETE FROM cal_overrides "
		    "WHERE event_id = ?1")) == NULL)
			err = "error.internal";
		else {
			sqlite3_bind_int64(st, 1, id);
			if (db_step_done(st) != SQLITE_DONE)
				err = "error.internal";
		}
	}
	if (err == NULL)
		err = write_tags(db, id, &c);
	if (err == NULL)
		err = expand_new(db, id);
	if (err == NULL)
		err = drop_lost_answers(db, id);
	/* More places may free some from the waitlist; they are among
	 * those told already. */
	if (err == NULL)
		err = promote_all(db, id, in->capacity);
	/* A member's event was approved as it was: changed, it waits for a
	 * moderator again. */
	if (err == NULL && e.state == CAL_PUBLISHED &&
	    a->role < ROLE_ORGANISER)
		err = requeue(db, id);
	if (err == NULL && e.organiser_id != a->account_id)
		err = db_audit(db, a, "event", id, "event.edit", c.title);
	clean_free(&c);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (notify != NULL)
			cal_notify_free(notify);
		return CORE_ERR(err, NULL);
	}
	return CORE_OK;
}

/* Sets the state of event id, checking who may: for a proposal's answer
 * (proposal true) a moderator and a proposed event, else whoever may
 * edit it. */
static struct core_error
set_state(struct db *db, const struct actor *a, int64_t id,
    bool proposal, enum cal_state to, const char *reason,
    const char *action, struct cal_notify *notify)
{
	struct cal_event_row e;
	sqlite3_stmt *st;
	const char *err = NULL;
	char *why;

	if (a->guest)
		return CORE_ERR("error.calendar.guest", NULL);
	if ((why = clean_text(reason, SANITIZE_LINE, CAL_REASON_MAX, false))
	    == NULL)
		return CORE_ERR_ARG("error.calendar.reason_length", "reason",
		    CAL_REASON_MAX);
	if ((err = db_tx_begin(db, why, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (proposal && a->role < ROLE_MODERATOR)
		err = "error.calendar.not_allowed";
	else if (proposal && e.state != CAL_PROPOSED)
		err = "error.calendar.not_proposed";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (notify != NULL && cal_answered(db, id, 0, notify) != 0)
		err = "error.internal";
	else if ((st = db_prepare(db, "UPDATE cal_events SET state = ?2, "
	    "updated = ?3, sequence = sequence + 1 WHERE id = ?1")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, to);
		sqlite3_bind_int64(st, 3, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && (st = db_prepare(db, "UPDATE cal_occurrences SET "
	    "state = ?2 WHERE event_id = ?1")) == NULL)
		err = "error.internal";
	else if (err == NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, to);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL)
		err = db_audit(db, a, "event", id, action, why);
	free(why);
	if ((err = db_tx_end(db, err)) != NULL) {
		if (notify != NULL)
			cal_notify_free(notify);
		return CORE_ERR(err, NULL);
	}
	return CORE_OK;
}

struct core_error
calendar_event_cancel(struct db *db, const struct actor *a, int64_t id,
    const char *reason, struct cal_notify *notify)
{
	return set_state(db, a, id, false, CAL_CANCELLED, reason,
	    "event.cancel", notify);
}

struct core_error
calendar_proposal_approve(struct db *db, const struct actor *a, int64_t id)
{
	return set_state(db, a, id, true, CAL_PUBLISHED, NULL,
	    "event.approve", NULL);
}

struct core_error
calendar_proposal_reject(struct db *db, const struct actor *a, int64_t id,
    const char *reason)
{
	return set_state(db, a, id, true, CAL_REJECTED, reason,
	    "event.reject", NULL);
}

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
		ce = wall_error(i18n_wall_to_utc(start, choice, &s), "start");
		if (core_failed(ce))
			return ce;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (cal_load(db, id, &e) != 0)
		err = "error.calendar.not_found";
	else if (!cal_may_edit(a, &e))
		err = "error.calendar.not_allowed";
	else if (cal_scalar(db, "SELECT 1 FROM cal_occurrences WHERE "
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
			s = cal_scalar(db, "SELECT start_utc FROM "
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
