/* Reading a stored survey back into a struct survey_def (survey_load). */
#include "core/survey-internal.h"
#include "core/db-internal.h"

#include <stdlib.h>
#include <string.h>

/* Sets t's text in language code to s (a copy), when both are known. */
static int
set_text(struct survey_text *t, const char *code, const unsigned char *s)
{
	int i = survey_lang_index(code);

	if (i < 0 || s == NULL || s[0] == '\0')
		return 0;
	free(t->v[i]);
	return (t->v[i] = strdup((const char *)s)) == NULL ? -1 : 0;
}

static int
load_head(struct db *db, int64_t id, struct survey_def *d)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT state, first_lang, anonymous, "
	    "audience, audience_role, audience_id, opens, closes FROM surveys "
	    "WHERE id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->id = id;
		d->state = (enum survey_state)sqlite3_column_int(st, 0);
		d->first_lang = sqlite3_column_int(st, 1);
		d->anonymous = sqlite3_column_int(st, 2) != 0;
		d->audience = (enum survey_audience)sqlite3_column_int(st, 3);
		d->audience_role = sqlite3_column_int(st, 4);
		d->audience_id = sqlite3_column_int64(st, 5);
		d->opens = sqlite3_column_int64(st, 6);
		d->closes = sqlite3_column_int64(st, 7);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static int
load_questions(struct db *db, struct survey_def *d)
{
	sqlite3_stmt *st;
	int rc, ret = 0;
	int64_t n = db_scalar(db, "SELECT count(*) FROM survey_questions "
	    "WHERE survey_id = ?1", d->id, 0, -1);

	if (n <= 0)
		return n < 0 ? -1 : 0;
	if ((d->questions = calloc((size_t)n, sizeof *d->questions)) == NULL ||
	    (st = db_prepare(db, "SELECT key, kind, required, max_choices, "
	    "min, max, show_if, show_value, (SELECT count(*) FROM "
	    "survey_options o WHERE o.survey_id = q.survey_id AND o.qpos = "
	    "q.pos) FROM survey_questions q WHERE survey_id = ?1 ORDER BY "
	    "pos")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    d->nquestions < (size_t)n) {
		struct survey_question *q = &d->questions[d->nquestions++];
		int64_t no = sqlite3_column_int64(st, 8);

		db_column_copy(st, 0, q->key, sizeof q->key);
		q->kind = (enum survey_qkind)sqlite3_column_int(st, 1);
		q->required = sqlite3_column_int(st, 2) != 0;
		q->max_choices = sqlite3_column_int(st, 3);
		q->min = sqlite3_column_int64(st, 4);
		q->max = sqlite3_column_int64(st, 5);
		db_column_copy(st, 6, q->show_if, sizeof q->show_if);
		db_column_copy(st, 7, q->show_value, sizeof q->show_value);
		if (no > 0 && (q->options = calloc((size_t)no,
		    sizeof *q->options)) == NULL) {
			ret = -1;
			break;
		}
		q->noptions = (size_t)no;
	}
	sqlite3_finalize(st);
	return ret;
}

/* Every text row of the survey: sql gives (qpos, opos, lang, text). */
static int
load_texts(struct db *db, struct survey_def *d, const char *sql, int which)
{
	sqlite3_stmt *st;
	int rc, ret = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t qp = sqlite3_column_int64(st, 0);
		int64_t op = sqlite3_column_int64(st, 1);
		const char *code = (const char *)sqlite3_column_text(st, 2);
		struct survey_question *q;

		if (which == 0) {
			ret = set_text(&d->title, code,
			    sqlite3_column_text(st, 3));
			if (ret == 0)
				ret = set_text(&d->intro, code,
				    sqlite3_column_text(st, 4));
			continue;
		}
		if (qp < 0 || (size_t)qp >= d->nquestions)
			continue;
		q = &d->questions[qp];
		if (which == 1)
			ret = set_text(&q->text, code,
			    sqlite3_column_text(st, 3));
		else if (op >= 0 && (size_t)op < q->noptions) {
			db_column_copy(st, 4, q->options[op].key,
			    sizeof q->options[op].key);
			ret = set_text(&q->options[op].label, code,
			    sqlite3_column_text(st, 3));
		}
	}
	sqlite3_finalize(st);
	return ret;
}

int
survey_load(struct db *db, int64_t id, struct survey_def *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = load_head(db, id, out)) != 0)
		return rc;
	if (load_questions(db, out) != 0 ||
	    load_texts(db, out, "SELECT 0, 0, lang, title, intro FROM "
	    "survey_texts WHERE survey_id = ?1", 0) != 0 ||
	    load_texts(db, out, "SELECT qpos, 0, lang, text FROM "
	    "survey_question_texts WHERE survey_id = ?1", 1) != 0 ||
	    /* An option without a label in any language still has its key:
	     * the LEFT JOIN gives it a row. */
	    load_texts(db, out, "SELECT o.qpos, o.pos, t.lang, t.label, o.key "
	    "FROM survey_options o LEFT JOIN survey_option_texts t ON "
	    "t.survey_id = o.survey_id AND t.qpos = o.qpos AND t.opos = o.pos "
	    "WHERE o.survey_id = ?1", 2) != 0) {
		survey_def_free(out);
		return -1;
	}
	return 0;
}
