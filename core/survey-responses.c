/* Writing one response: its row, with the breakdown attributes (language,
 * eldership, role) and a random 16-byte id, and its answers. The
 * submission copies the attributes from the answering account; the demo
 * (core/survey-demo.c) gives them, as its anonymous responses have no
 * account behind them. */
#include "core/survey-internal.h"
#include "core/db-internal.h"

#include <stdio.h>
#include <string.h>

int
survey_respondent_of(struct db *db, int64_t account_id,
    struct survey_respondent *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT a.lang, coalesce(p.eldership, ''), "
	    "CASE a.role WHEN 'member' THEN 0 WHEN 'organiser' THEN 1 "
	    "WHEN 'moderator' THEN 2 ELSE 3 END FROM accounts a LEFT JOIN "
	    "dir_profiles p ON p.account_id = a.id WHERE a.id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *lang = (const char *)sqlite3_column_text(st, 0);
		const char *eld = (const char *)sqlite3_column_text(st, 1);

		snprintf(out->lang, sizeof out->lang, "%s", lang ? lang : "");
		snprintf(out->eldership, sizeof out->eldership, "%s",
		    eld ? eld : "");
		out->role = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
survey_response_add(struct db *db, int64_t survey_id,
    const struct survey_respondent *who, const struct survey_answers *ans,
    unsigned char rid[SURVEY_RESPONSE_ID])
{
	sqlite3_stmt *st;

	sqlite3_randomness(SURVEY_RESPONSE_ID, rid);
	if ((st = db_prepare(db, "INSERT INTO survey_responses (survey_id, id, "
	    "lang, eldership, role) VALUES (?1, ?2, ?3, ?4, ?5)")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey_id);
	sqlite3_bind_blob(st, 2, rid, SURVEY_RESPONSE_ID, SQLITE_STATIC);
	db_bind_text(st, 3, who->lang);
	db_bind_text(st, 4, who->eldership);
	sqlite3_bind_int(st, 5, who->role);
	if (db_step_done(st) != SQLITE_DONE)
		return -1;
	return survey_answers_write(db, "INSERT INTO survey_answers "
	    "(survey_id, response_id, qkey, choice, num, text) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6)", survey_id, rid, 0, ans);
}
