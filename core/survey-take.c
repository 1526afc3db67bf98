/* Submitting answers (survey_submit) and reading one's own back. An
 * anonymous response gets 16 random bytes for its id and no account and
 * no time; the done record says only that the account answered; the
 * progress goes in the same transaction. An identified response is
 * linked to its account in survey_identified and replaced on each
 * submission while the survey is open. */
#include "core/survey-internal.h"
#include "core/db-internal.h"
#include "core/sanitize.h"

#include <stdlib.h>
#include <string.h>

/* Texts sanitised as they will be stored: short answers one line. */
static int
clean_texts(const struct survey_def *d, struct survey_answers *ans)
{
	size_t i, q;

	for (i = 0; i < ans->n; i++) {
		struct survey_answer *x = &ans->v[i];
		enum sanitize_kind kind = SANITIZE_BODY;
		char *clean;

		if (x->text == NULL)
			continue;
		for (q = 0; q < d->nquestions; q++)
			if (strcmp(d->questions[q].key, x->key) == 0 &&
			    d->questions[q].kind == SQ_SHORT)
				kind = SANITIZE_LINE;
		if ((clean = sanitize(x->text, strlen(x->text), kind, 0, 0)) ==
		    NULL)
			return -1;
		free(x->text);
		x->text = clean;
	}
	return 0;
}

struct core_error
survey_take_prepare(struct db *db, const struct actor *a, int64_t id,
    struct survey_def *d, struct survey_answers *ans, bool complete)
{
	struct core_error e;
	int64_t now = db_now();
	int rc;

	if (a->guest || a->account_id <= 0)
		return CORE_ERR("error.survey.guest", NULL);
	if ((rc = survey_load(db, id, d)) != 0)
		return CORE_ERR(rc > 0 ? "error.survey.not_found" :
		    "error.internal", NULL);
	if (d->state != SS_OPEN || now < d->opens ||
	    (d->closes != 0 && now >= d->closes))
		e = CORE_ERR("error.survey.not_open", NULL);
	else if ((rc = survey_may_answer(db, a->account_id, id, now)) <= 0)
		e = CORE_ERR(rc < 0 ? "error.internal" :
		    "error.survey.not_asked", NULL);
	else if (d->anonymous && db_scalar(db, "SELECT 1 FROM survey_done "
	    "WHERE survey_id = ?1 AND account_id = ?2", id, a->account_id,
	    0) != 0)
		e = CORE_ERR("error.survey.done", NULL);
	else if (!core_failed(e = survey_answers_check_as(d, ans, complete)) &&
	    clean_texts(d, ans) != 0)
		e = CORE_ERR("error.internal", NULL);
	if (core_failed(e))
		survey_def_free(d);
	return e;
}

/* A new response row with the breakdown attributes copied from the
 * account as they are now; *rid gets its random id. */
static int
new_response(struct db *db, int64_t survey_id, int64_t account_id,
    unsigned char rid[SURVEY_RESPONSE_ID])
{
	sqlite3_stmt *st;

	sqlite3_randomness(SURVEY_RESPONSE_ID, rid);
	if ((st = db_prepare(db, "INSERT INTO survey_responses (survey_id, id, "
	    "lang, eldership, role) SELECT ?1, ?3, a.lang, "
	    "coalesce(p.eldership, ''), CASE a.role WHEN 'member' THEN 0 "
	    "WHEN 'organiser' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END "
	    "FROM accounts a LEFT JOIN dir_profiles p ON p.account_id = a.id "
	    "WHERE a.id = ?2")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey_id);
	sqlite3_bind_int64(st, 2, account_id);
	sqlite3_bind_blob(st, 3, rid, SURVEY_RESPONSE_ID, SQLITE_STATIC);
	return db_step_done(st) == SQLITE_DONE &&
	    sqlite3_changes(db->h) == 1 ? 0 : -1;
}

/* The identified response of the account, made when absent (earlier
 * answers removed when present). */
static int
identified_response(struct db *db, int64_t survey_id, int64_t account_id,
    unsigned char rid[SURVEY_RESPONSE_ID])
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if ((st = db_prepare(db, "SELECT response_id FROM survey_identified "
	    "WHERE survey_id = ?1 AND account_id = ?2")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey_id);
	sqlite3_bind_int64(st, 2, account_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == SURVEY_RESPONSE_ID) {
		memcpy(rid, sqlite3_column_blob(st, 0), SURVEY_RESPONSE_ID);
		found = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (found) {
		if ((st = db_prepare(db, "DELETE FROM survey_answers WHERE "
		    "survey_id = ?1 AND response_id = ?2")) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, survey_id);
		sqlite3_bind_blob(st, 2, rid, SURVEY_RESPONSE_ID,
		    SQLITE_STATIC);
		return db_step_done(st) == SQLITE_DONE &&
		    db_exec_ints(db, "UPDATE survey_identified SET updated = "
		    "?3 WHERE survey_id = ?1 AND account_id = ?2", survey_id,
		    account_id, db_now()) == 0 ? 0 : -1;
	}
	if (new_response(db, survey_id, account_id, rid) != 0 ||
	    (st = db_prepare(db, "INSERT INTO survey_identified (survey_id, "
	    "account_id, response_id, updated) VALUES (?1, ?2, ?3, ?4)")) ==
	    NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey_id);
	sqlite3_bind_int64(st, 2, account_id);
	sqlite3_bind_blob(st, 3, rid, SURVEY_RESPONSE_ID, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, db_now());
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

struct core_error
survey_submit(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *ans)
{
	unsigned char rid[SURVEY_RESPONSE_ID];
	struct survey_def d;
	struct core_error e;
	const char *err;
	int rc;

	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (core_failed(e = survey_take_prepare(db, a, id, &d, ans, true))) {
		db_rollback(db);
		return e;
	}
	rc = d.anonymous ? new_response(db, id, a->account_id, rid) :
	    identified_response(db, id, a->account_id, rid);
	survey_def_free(&d);
	if (rc != 0 || survey_answers_write(db, "INSERT INTO survey_answers "
	    "(survey_id, response_id, qkey, choice, num, text) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)", id, rid, 0, ans) != 0 ||
	    db_exec_ints(db, "INSERT OR IGNORE INTO survey_done (survey_id, "
	    "account_id) VALUES (?1, ?2)", id, a->account_id, 0) != 0 ||
	    db_exec_ints(db, "DELETE FROM survey_progress WHERE survey_id = ?1 "
	    "AND account_id = ?2", id, a->account_id, 0) != 0)
		err = "error.internal";
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	return CORE_OK;
}

int
survey_my_answers(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *out)
{
	survey_answers_free(out);
	if (a->guest || a->account_id <= 0)
		return 0;
	if (survey_answers_read(db, "SELECT x.qkey, x.choice, x.num, x.text "
	    "FROM survey_identified i JOIN survey_answers x ON x.survey_id = "
	    "i.survey_id AND x.response_id = i.response_id WHERE i.survey_id = "
	    "?1 AND i.account_id = ?2", id, NULL, a->account_id, out) != 0) {
		survey_answers_free(out);
		return -1;
	}
	return out->n > 0 ? 1 : 0;
}
