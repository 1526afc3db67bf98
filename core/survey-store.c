/* Storing survey definitions: create, update, load and delete, each
 * change checked (survey_def_check), sanitised, audited and written in
 * one transaction. A survey with answers keeps what the answers rest on
 * (same_structure). */
#include "core/survey-internal.h"
#include "core/db-internal.h"
#include "core/sanitize.h"

#include <stdlib.h>
#include <string.h>

static bool
may_manage(const struct actor *a)
{
	return !a->guest && a->role >= ROLE_MODERATOR;
}

int
survey_lang_index(const char *code)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (code != NULL && strcmp(i18n_langs[i], code) == 0)
			return i;
	return -1;
}

/* Inserts one sanitised text with the statement's other values bound. */
static int
put_text(sqlite3_stmt *st, int col, const char *s, enum sanitize_kind kind,
    size_t max)
{
	char *clean = sanitize(s != NULL ? s : "", s != NULL ? strlen(s) : 0,
	    kind, max, 0);
	int rc;

	if (clean == NULL)
		return -1;
	sqlite3_bind_text(st, col, clean, -1, SQLITE_TRANSIENT);
	free(clean);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One text per present language: sql binds ?1 survey, ?2 lang, ?3 the
 * text, ?4 and ?5 positions. */
static int
put_texts(struct db *db, const char *sql, int64_t id, int64_t p1, int64_t p2,
    const struct survey_text *t, size_t max)
{
	sqlite3_stmt *st;
	int i, ret = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 4, p1);
	sqlite3_bind_int64(st, 5, p2);
	for (i = 0; i < I18N_NLANGS && ret == 0; i++)
		if (t->v[i] != NULL && t->v[i][0] != '\0') {
			db_bind_text(st, 2, i18n_langs[i]);
			ret = put_text(st, 3, t->v[i], SANITIZE_LINE, max);
		}
	sqlite3_finalize(st);
	return ret;
}

static int
put_title_intro(struct db *db, int64_t id, const struct survey_def *d)
{
	sqlite3_stmt *st;
	int i, ret = 0;

	if ((st = db_prepare(db, "INSERT INTO survey_texts (survey_id, lang, "
	    "title, intro) VALUES (?1, ?2, ?3, ?4)")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	for (i = 0; i < I18N_NLANGS && ret == 0; i++) {
		char *intro;

		if (d->title.v[i] == NULL && d->intro.v[i] == NULL)
			continue;
		intro = sanitize(d->intro.v[i] ? d->intro.v[i] : "",
		    d->intro.v[i] ? strlen(d->intro.v[i]) : 0, SANITIZE_BODY,
		    0, 0);
		if (intro == NULL)
			ret = -1;
		else {
			db_bind_text(st, 2, i18n_langs[i]);
			sqlite3_bind_text(st, 4, intro, -1, SQLITE_TRANSIENT);
			free(intro);
			ret = put_text(st, 3, d->title.v[i], SANITIZE_LINE,
			    SURVEY_TITLE_MAX);
		}
	}
	sqlite3_finalize(st);
	return ret;
}

static int
put_question(struct db *db, int64_t id, size_t pos,
    const struct survey_question *q)
{
	sqlite3_stmt *st;
	size_t j;
	int rc;

	if ((st = db_prepare(db, "INSERT INTO survey_questions (survey_id, "
	    "pos, key, kind, required, max_choices, min, max, show_if, "
	    "show_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"))
	    == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (int64_t)pos);
	db_bind_text(st, 3, q->key);
	sqlite3_bind_int(st, 4, (int)q->kind);
	sqlite3_bind_int(st, 5, q->required);
	sqlite3_bind_int(st, 6, q->max_choices);
	sqlite3_bind_int64(st, 7, q->min);
	sqlite3_bind_int64(st, 8, q->max);
	db_bind_text(st, 9, q->show_if);
	db_bind_text(st, 10, q->show_value);
	if ((rc = db_step_done(st)) != SQLITE_DONE ||
	    put_texts(db, "INSERT INTO survey_question_texts (survey_id, lang, "
	    "text, qpos) VALUES (?1, ?2, ?3, ?4)", id, (int64_t)pos, 0,
	    &q->text, SURVEY_QTEXT_MAX) != 0)
		return -1;
	for (j = 0; j < q->noptions; j++) {
		if ((st = db_prepare(db, "INSERT INTO survey_options "
		    "(survey_id, qpos, pos, key) VALUES (?1, ?2, ?3, ?4)")) ==
		    NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)pos);
		sqlite3_bind_int64(st, 3, (int64_t)j);
		db_bind_text(st, 4, q->options[j].key);
		if (db_step_done(st) != SQLITE_DONE ||
		    put_texts(db, "INSERT INTO survey_option_texts (survey_id, "
		    "lang, label, qpos, opos) VALUES (?1, ?2, ?3, ?4, ?5)", id,
		    (int64_t)pos, (int64_t)j, &q->options[j].label,
		    SURVEY_OPTION_MAX) != 0)
			return -1;
	}
	return 0;
}

/* The definition's rows below surveys, replacing any there were. */
static int
put_definition(struct db *db, int64_t id, const struct survey_def *d)
{
	static const char *const clear[] = {
		"DELETE FROM survey_option_texts WHERE survey_id = ?1",
		"DELETE FROM survey_options WHERE survey_id = ?1",
		"DELETE FROM survey_question_texts WHERE survey_id = ?1",
		"DELETE FROM survey_questions WHERE survey_id = ?1",
		"DELETE FROM survey_texts WHERE survey_id = ?1",
	};
	size_t i;

	if (db_exec_steps(db, clear, sizeof clear / sizeof clear[0], id) != 0 ||
	    put_title_intro(db, id, d) != 0)
		return -1;
	for (i = 0; i < d->nquestions; i++)
		if (put_question(db, id, i, &d->questions[i]) != 0)
			return -1;
	return 0;
}

/* Binds the surveys columns ?1 .. ?9 from d. */
static void
bind_head(sqlite3_stmt *st, const struct survey_def *d)
{
	sqlite3_bind_int(st, 1, (int)d->state);
	sqlite3_bind_int(st, 2, d->first_lang);
	sqlite3_bind_int(st, 3, d->anonymous);
	sqlite3_bind_int(st, 4, (int)d->audience);
	sqlite3_bind_int(st, 5, d->audience_role);
	sqlite3_bind_int64(st, 6, d->audience_id);
	sqlite3_bind_int64(st, 7, d->opens);
	sqlite3_bind_int64(st, 8, d->closes);
	sqlite3_bind_int64(st, 9, db_now());
}

struct core_error
survey_create(struct db *db, const struct actor *a,
    const struct survey_def *d, int64_t *id)
{
	struct core_error e;
	sqlite3_stmt *st;
	const char *err;

	*id = 0;
	if (!may_manage(a))
		return CORE_ERR("error.survey.not_allowed", NULL);
	if (core_failed(e = survey_def_check(d)))
		return e;
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((st = db_prepare(db, "INSERT INTO surveys (state, first_lang, "
	    "anonymous, audience, audience_role, audience_id, opens, closes, "
	    "created, updated, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?9, NULLIF(?10, 0))")) == NULL)
		err = "error.internal";
	else {
		bind_head(st, d);
		sqlite3_bind_int64(st, 10, a->account_id);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
		else
			*id = sqlite3_last_insert_rowid(db->h);
	}
	if (err == NULL && put_definition(db, *id, d) != 0)
		err = "error.internal";
	if (err == NULL && d->state == SS_OPEN &&
	    survey_offer(db, *id, db_now(), a->account_id) != 0)
		err = "error.internal";
	if (err == NULL)
		err = db_audit(db, a, "survey", *id, "survey_create", "");
	if ((err = db_tx_end(db, err)) != NULL) {
		*id = 0;
		return CORE_ERR(err, NULL);
	}
	return CORE_OK;
}

/* Whether b asks the same questions of the same people as a, so the
 * answers given to a still mean what they meant. */
static bool
same_structure(const struct survey_def *a, const struct survey_def *b)
{
	size_t i, j;

	if (a->anonymous != b->anonymous || a->audience != b->audience ||
	    a->audience_role != b->audience_role ||
	    a->audience_id != b->audience_id || a->nquestions != b->nquestions)
		return false;
	for (i = 0; i < a->nquestions; i++) {
		const struct survey_question *p = &a->questions[i];
		const struct survey_question *q = &b->questions[i];

		if (strcmp(p->key, q->key) != 0 || p->kind != q->kind ||
		    p->required != q->required ||
		    p->max_choices != q->max_choices || p->min != q->min ||
		    p->max != q->max || strcmp(p->show_if, q->show_if) != 0 ||
		    strcmp(p->show_value, q->show_value) != 0 ||
		    p->noptions != q->noptions)
			return false;
		for (j = 0; j < p->noptions; j++)
			if (strcmp(p->options[j].key, q->options[j].key) != 0)
				return false;
	}
	return true;
}

struct core_error
survey_update(struct db *db, const struct actor *a,
    const struct survey_def *d)
{
	struct survey_def old;
	struct core_error e;
	sqlite3_stmt *st;
	const char *err;
	int rc;

	if (!may_manage(a))
		return CORE_ERR("error.survey.not_allowed", NULL);
	if (core_failed(e = survey_def_check(d)))
		return e;
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((rc = survey_load(db, d->id, &old)) != 0)
		err = rc > 0 ? "error.survey.not_found" : "error.internal";
	else {
		if (survey_answer_count(db, d->id) != 0 &&
		    !same_structure(&old, d))
			err = "error.survey.has_answers";
		survey_def_free(&old);
	}
	if (err == NULL && (st = db_prepare(db, "UPDATE surveys SET state = "
	    "?1, first_lang = ?2, anonymous = ?3, audience = ?4, "
	    "audience_role = ?5, audience_id = ?6, opens = ?7, closes = ?8, "
	    "updated = ?9 WHERE id = ?10")) != NULL) {
		bind_head(st, d);
		sqlite3_bind_int64(st, 10, d->id);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	} else if (err == NULL)
		err = "error.internal";
	if (err == NULL && put_definition(db, d->id, d) != 0)
		err = "error.internal";
	if (err == NULL && d->state == SS_OPEN &&
	    survey_offer(db, d->id, db_now(), a->account_id) != 0)
		err = "error.internal";
	if (err == NULL)
		err = db_audit(db, a, "survey", d->id, "survey_update", "");
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	return CORE_OK;
}

struct core_error
survey_delete(struct db *db, const struct actor *a, int64_t id)
{
	const char *err;

	if (!may_manage(a))
		return CORE_ERR("error.survey.not_allowed", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_scalar(db, "SELECT 1 FROM surveys WHERE id = ?1", id, 0, 0) == 0)
		err = "error.survey.not_found";
	else if (survey_answer_count(db, id) != 0 ||
	    db_scalar(db, "SELECT count(*) FROM survey_done WHERE "
	    "survey_id = ?1", id, 0, 0) != 0)
		err = "error.survey.has_answers";
	else if (db_exec_ints(db, "DELETE FROM surveys WHERE id = ?1", id, 0,
	    0) != 0)
		err = "error.internal";
	if (err == NULL)
		err = db_audit(db, a, "survey", id, "survey_delete", "");
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	return CORE_OK;
}

int64_t
survey_answer_count(struct db *db, int64_t id)
{
	return db_scalar(db, "SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = ?1", id, 0, -1);
}
