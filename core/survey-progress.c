/* Unfinished answers, saved so a member can resume: the member's own,
 * like a draft, removed when the answers are submitted. */
#include "core/survey-internal.h"
#include "core/db-internal.h"

struct core_error
survey_progress_save(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *ans)
{
	struct survey_def d;
	struct core_error e;
	const char *err;

	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (core_failed(e = survey_take_prepare(db, a, id, &d, ans, false))) {
		db_rollback(db);
		return e;
	}
	survey_def_free(&d);
	if (db_exec_ints(db, "DELETE FROM survey_progress WHERE survey_id = ?1 "
	    "AND account_id = ?2", id, a->account_id, 0) != 0 ||
	    db_exec_ints(db, "INSERT INTO survey_progress (survey_id, "
	    "account_id, pos, updated) VALUES (?1, ?2, ?3, 0)", id,
	    a->account_id, ans->pos < 0 ? 0 : ans->pos) != 0 ||
	    db_exec_ints(db, "UPDATE survey_progress SET updated = ?3 WHERE "
	    "survey_id = ?1 AND account_id = ?2", id, a->account_id,
	    db_now()) != 0 ||
	    survey_answers_write(db, "INSERT INTO survey_progress_answers "
	    "(survey_id, account_id, qkey, choice, num, text) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)", id, NULL, a->account_id, ans) != 0)
		err = "error.internal";
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	return CORE_OK;
}

int
survey_progress_load(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *out)
{
	int64_t pos;

	survey_answers_free(out);
	if (a->guest || a->account_id <= 0)
		return 0;
	if ((pos = db_scalar(db, "SELECT pos FROM survey_progress WHERE "
	    "survey_id = ?1 AND account_id = ?2", id, a->account_id, -1)) < 0)
		return 0;
	if (survey_answers_read(db, "SELECT qkey, choice, num, text FROM "
	    "survey_progress_answers WHERE survey_id = ?1 AND account_id = ?2",
	    id, NULL, a->account_id, out) != 0) {
		survey_answers_free(out);
		return -1;
	}
	out->pos = (int)pos;
	return 1;
}
