/* Telling members that a survey waits for them: one "survey.waiting"
 * inbox entry per (survey, member), the first time the survey is open and
 * they are in its audience; survey_offers remembers who was told. Run by
 * the publish action for that survey and by the domain's maintain hook
 * for all, as audiences grow with time (events and mentorships end). */
#include "core/survey-internal.h"
#include "core/db-internal.h"
#include "core/inbox.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

const struct inbox_kind survey_inbox_kinds[] = {
	{ "survey.waiting", "survey.notice.waiting", { "title", NULL } },
	{ NULL, NULL, { NULL } },
};

struct offer {
	int64_t	survey_id, account_id;
	int	first_lang;
};

/* The survey's title in its first language, into buf. */
static void
first_title(struct db *db, int64_t survey_id, int first_lang, char *buf,
    size_t bufsz)
{
	sqlite3_stmt *st;

	buf[0] = '\0';
	if (first_lang < 0 || first_lang >= I18N_NLANGS)
		first_lang = 0;
	if ((st = db_prepare(db, "SELECT title FROM survey_texts WHERE "
	    "survey_id = ?1 AND lang = ?2")) == NULL)
		return;
	sqlite3_bind_int64(st, 1, survey_id);
	db_bind_text(st, 2, i18n_langs[first_lang]);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, buf, bufsz);
	sqlite3_finalize(st);
}

/* The pairs to tell, collected before writing so the query does not read
 * the table it makes grow. */
static int
collect(struct db *db, int64_t survey_id, int64_t now, struct offer **v,
    size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*v = NULL;
	*n = 0;
	if ((st = db_prepare(db, "SELECT s.id, a.id, s.first_lang FROM "
	    "surveys s JOIN accounts a WHERE (?1 = 0 OR s.id = ?1) AND "
	    SURVEY_OPEN_SQL " AND " SURVEY_AUDIENCE_SQL " AND NOT "
	    SURVEY_DONE_SQL " AND NOT EXISTS (SELECT 1 FROM survey_offers f "
	    "WHERE f.survey_id = s.id AND f.account_id = a.id) "
	    "ORDER BY s.id, a.id")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey_id);
	sqlite3_bind_int64(st, 2, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			struct offer *nv;

			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(*v, cap * sizeof *nv)) == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			*v = nv;
		}
		(*v)[*n].survey_id = sqlite3_column_int64(st, 0);
		(*v)[*n].account_id = sqlite3_column_int64(st, 1);
		(*v)[*n].first_lang = sqlite3_column_int(st, 2);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*v);
		*v = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int
survey_offer(struct db *db, int64_t survey_id, int64_t now, int64_t quiet)
{
	char title[SURVEY_TITLE_MAX * 4 + 1];
	struct offer *v;
	int64_t titled = 0;
	size_t n, i;
	int ret = 0;

	if (collect(db, survey_id, now, &v, &n) != 0)
		return -1;
	for (i = 0; i < n && ret == 0; i++) {
		struct inbox_arg arg = { "title", title };

		if (v[i].survey_id != titled) {
			first_title(db, v[i].survey_id, v[i].first_lang, title,
			    sizeof title);
			titled = v[i].survey_id;
		}
		if (db_exec_ints(db, "INSERT INTO survey_offers (survey_id, "
		    "account_id) VALUES (?1, ?2)", v[i].survey_id,
		    v[i].account_id, 0) != 0 ||
		    (v[i].account_id != quiet && inbox_add(db, v[i].account_id,
		    "survey.waiting", "survey", v[i].survey_id, 0, &arg, 1) !=
		    0))
			ret = -1;
	}
	free(v);
	return ret;
}
