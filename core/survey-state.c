/* A survey's life after it is built: publishing (which tells the members
 * it now waits for), closing, and the moderators' list of all surveys. */
#include "core/survey-internal.h"
#include "core/db-internal.h"

#include <stdlib.h>
#include <string.h>

/* Sets the state from one of from_a, from_b to to: the change, its offers
 * and its audit entry in one transaction. */
static struct core_error
set_state(struct db *db, const struct actor *a, int64_t id, int from_a,
    int from_b, int to, const char *action)
{
	const char *err;
	int64_t state;

	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.survey.not_allowed", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	state = db_scalar(db, "SELECT state FROM surveys WHERE id = ?1", id, 0,
	    -1);
	if (state < 0)
		err = "error.survey.not_found";
	else if (state != from_a && state != from_b)
		err = "error.survey.state";
	else if (db_exec_ints(db, "UPDATE surveys SET state = ?2, updated = ?3 "
	    "WHERE id = ?1", id, to, db_now()) != 0)
		err = "error.internal";
	else if (to == SS_OPEN &&
	    survey_offer(db, id, db_now(), a->account_id) != 0)
		err = "error.internal";
	if (err == NULL)
		err = db_audit(db, a, "survey", id, action, "");
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	return CORE_OK;
}

struct core_error
survey_publish(struct db *db, const struct actor *a, int64_t id)
{
	return set_state(db, a, id, SS_DRAFT, SS_CLOSED, SS_OPEN,
	    "survey_publish");
}

struct core_error
survey_close(struct db *db, const struct actor *a, int64_t id)
{
	return set_state(db, a, id, SS_OPEN, SS_OPEN, SS_CLOSED,
	    "survey_close");
}

void
survey_rows_free(struct survey_rows *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

int
survey_rows_query(struct db *db, const char *sql, int64_t account_id,
    const char *lang, struct survey_rows *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, db_now());
	db_bind_text(st, 3, lang != NULL ? lang : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct survey_row *r;

		if (out->n == cap) {
			struct survey_row *nv;

			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(out->v, cap * sizeof *nv)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->v = nv;
		}
		r = &out->v[out->n++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, r->title, sizeof r->title);
		r->state = (enum survey_state)sqlite3_column_int(st, 2);
		r->anonymous = sqlite3_column_int(st, 3) != 0;
		r->audience = (enum survey_audience)sqlite3_column_int(st, 4);
		r->audience_role = sqlite3_column_int(st, 5);
		r->audience_id = sqlite3_column_int64(st, 6);
		r->opens = sqlite3_column_int64(st, 7);
		r->closes = sqlite3_column_int64(st, 8);
		r->answers = sqlite3_column_int64(st, 9);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		survey_rows_free(out);
		return -1;
	}
	return 0;
}

struct core_error
survey_list(struct db *db, const struct actor *a, const char *lang,
    struct survey_rows *out)
{
	out->v = NULL;
	out->n = 0;
	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.survey.not_allowed", NULL);
	if (survey_rows_query(db, "SELECT s.id, " SURVEY_TITLE_SQL ", "
	    "s.state, s.anonymous, s.audience, s.audience_role, "
	    "s.audience_id, s.opens, s.closes, (SELECT count(*) FROM "
	    "survey_responses r WHERE r.survey_id = s.id) FROM surveys s "
	    "ORDER BY s.id DESC", 0, lang, out) != 0)
		return CORE_ERR("error.internal", NULL);
	return CORE_OK;
}
