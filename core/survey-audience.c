/* Who is asked: eligibility, the surveys waiting for a member and their
 * count (one indexed query over the open surveys, run before every
 * screen), and the identified surveys a member may still change. All read
 * the one audience condition of core/survey-internal.h. */
#include "core/survey-internal.h"
#include "core/db-internal.h"

int
survey_may_answer(struct db *db, int64_t account_id, int64_t id,
    int64_t now)
{
	sqlite3_stmt *st;
	int rc;

	if (account_id <= 0)
		return 0;
	if ((st = db_prepare(db, "SELECT 1 FROM surveys s JOIN accounts a "
	    "WHERE a.id = ?1 AND s.id = ?3 AND " SURVEY_OPEN_SQL " AND "
	    SURVEY_AUDIENCE_SQL)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int
survey_eligible(struct db *db, const struct actor *a, int64_t id)
{
	if (a->guest)
		return 0;
	return survey_may_answer(db, a->account_id, id, db_now());
}

int64_t
survey_waiting_count(struct db *db, int64_t account_id)
{
	if (account_id <= 0)
		return 0;
	return db_scalar(db, "SELECT count(*) FROM surveys s JOIN accounts a "
	    "ON a.id = ?1 WHERE " SURVEY_OPEN_SQL " AND NOT " SURVEY_DONE_SQL
	    " AND " SURVEY_AUDIENCE_SQL, account_id, db_now(), -1);
}

#define ROW_COLS "s.id, " SURVEY_TITLE_SQL ", s.state, s.anonymous, " \
	"s.audience, s.audience_role, s.audience_id, s.opens, s.closes, 0"

int
survey_waiting(struct db *db, const struct actor *a, const char *lang,
    struct survey_rows *out)
{
	out->v = NULL;
	out->n = 0;
	if (a->guest || a->account_id <= 0)
		return 0;
	return survey_rows_query(db, "SELECT " ROW_COLS " FROM surveys s "
	    "JOIN accounts a ON a.id = ?1 WHERE " SURVEY_OPEN_SQL " AND NOT "
	    SURVEY_DONE_SQL " AND " SURVEY_AUDIENCE_SQL " ORDER BY "
	    "s.closes = 0, s.closes, s.id", a->account_id, lang, out);
}

int
survey_answered_open(struct db *db, const struct actor *a, const char *lang,
    struct survey_rows *out)
{
	out->v = NULL;
	out->n = 0;
	if (a->guest || a->account_id <= 0)
		return 0;
	return survey_rows_query(db, "SELECT " ROW_COLS " FROM "
	    "survey_identified i JOIN surveys s ON s.id = i.survey_id "
	    "JOIN accounts a ON a.id = i.account_id WHERE i.account_id = ?1 "
	    "AND s.anonymous = 0 AND " SURVEY_OPEN_SQL " AND "
	    SURVEY_AUDIENCE_SQL " ORDER BY s.closes = 0, s.closes, s.id",
	    a->account_id, lang, out);
}
