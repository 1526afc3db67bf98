/* The surveys domain (issue 10): survey definitions, answers, who has
 * answered, the progress of unfinished answers and the offers told in
 * the inbox. The anonymity of anonymous surveys is in the schema itself:
 * survey_responses and survey_answers hold no account and no time, are
 * WITHOUT ROWID tables keyed by a random 16-byte response id (so neither
 * a rowid nor the storage order follows the order of submission), and
 * only survey_identified links a response to an account, for identified
 * surveys alone. survey_done records that an account answered, with no
 * time and no response. */
#include "core/domain.h"
#include "core/survey-internal.h"
#include "core/survey-outputs.h"
#include "core/db-internal.h"
#include "core/export-json.h"

#include <stdint.h>

static const char *const surveys_migrations[] = {
	/* 1: definitions, responses, done, offers, progress. */
	/* state: enum survey_state; first_lang: index into i18n_langs;
	 * audience: enum survey_audience, audience_role an enum role (SA_ROLE)
	 * and audience_id an event or organisation (SA_EVENT, SA_ORG), else
	 * 0; opens and closes Unix time, 0 not set (closes 0: never); the
	 * creator is kept for the moderators' list, NULL once erased. */
	"CREATE TABLE surveys ("
	"  id            INTEGER PRIMARY KEY,"
	"  state         INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
	"  first_lang    INTEGER NOT NULL DEFAULT 0,"
	"  anonymous     INTEGER NOT NULL DEFAULT 1 CHECK (anonymous IN (0, 1)),"
	"  audience      INTEGER NOT NULL DEFAULT 0 CHECK (audience BETWEEN 0 AND 4),"
	"  audience_role INTEGER NOT NULL DEFAULT 0 CHECK (audience_role BETWEEN 0 AND 3),"
	"  audience_id   INTEGER NOT NULL DEFAULT 0,"
	"  opens         INTEGER NOT NULL DEFAULT 0,"
	"  closes        INTEGER NOT NULL DEFAULT 0,"
	"  created_by    INTEGER REFERENCES accounts(id) ON DELETE SET NULL,"
	"  created       INTEGER NOT NULL,"
	"  updated       INTEGER NOT NULL"
	");"
	/* The waiting count reads the open surveys through this. */
	"CREATE INDEX surveys_state ON surveys (state, opens, closes);"
	/* Title and introduction per language code ("lt"); a language
	 * without a title has no row. */
	"CREATE TABLE survey_texts ("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  lang      TEXT NOT NULL,"
	"  title     TEXT NOT NULL DEFAULT '',"
	"  intro     TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (survey_id, lang)"
	") WITHOUT ROWID;"
	/* Questions in order (pos from 0); kind: enum survey_qkind;
	 * max_choices for SQ_MULTIPLE (0 any), min and max for SQ_NUMBER;
	 * show_if the key of an earlier question and show_value the answer
	 * it must have for this one to be shown ('' always shown). */
	"CREATE TABLE survey_questions ("
	"  survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  pos         INTEGER NOT NULL,"
	"  key         TEXT NOT NULL,"
	"  kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),"
	"  required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),"
	"  max_choices INTEGER NOT NULL DEFAULT 0,"
	"  min         INTEGER NOT NULL DEFAULT 0,"
	"  max         INTEGER NOT NULL DEFAULT 0,"
	"  show_if     TEXT NOT NULL DEFAULT '',"
	"  show_value  TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (survey_id, pos),"
	"  UNIQUE (survey_id, key)"
	") WITHOUT ROWID;"
	"CREATE TABLE survey_question_texts ("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  qpos      INTEGER NOT NULL,"
	"  lang      TEXT NOT NULL,"
	"  text      TEXT NOT NULL,"
	"  PRIMARY KEY (survey_id, qpos, lang)"
	") WITHOUT ROWID;"
	/* A choice question's options in order (pos from 0). */
	"CREATE TABLE survey_options ("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  qpos      INTEGER NOT NULL,"
	"  pos       INTEGER NOT NULL,"
	"  key       TEXT NOT NULL,"
	"  PRIMARY KEY (survey_id, qpos, pos)"
	") WITHOUT ROWID;"
	"CREATE TABLE survey_option_texts ("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  qpos      INTEGER NOT NULL,"
	"  opos      INTEGER NOT NULL,"
	"  lang      TEXT NOT NULL,"
	"  label     TEXT NOT NULL,"
	"  PRIMARY KEY (survey_id, qpos, opos, lang)"
	") WITHOUT ROWID;"
	/* Every submitted response, anonymous or identified: id is 16
	 * random bytes; lang (accounts.lang), eldership (dir_profiles, may be
	 * '') and role (enum role) are copied at submission for breakdowns.
	 * No account, no time: see survey_identified. */
	"CREATE TABLE survey_responses ("
	"  survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  id        BLOB NOT NULL CHECK (length(id) = 16),"
	"  lang      TEXT NOT NULL DEFAULT '',"
	"  eldership TEXT NOT NULL DEFAULT '',"
	"  role      INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (survey_id, id)"
	") WITHOUT ROWID;"
	/* The answers of a response, one row per value: choice holds an
	 * option key (one row per chosen option of a multiple choice), num a
	 * scale's or number's value, text a short or long answer; the columns
	 * not used are '' (choice) or NULL. */
	"CREATE TABLE survey_answers ("
	"  survey_id   INTEGER NOT NULL,"
	"  response_id BLOB NOT NULL,"
	"  qkey        TEXT NOT NULL,"
	"  choice      TEXT NOT NULL DEFAULT '',"
	"  num         INTEGER,"
	"  text        TEXT,"
	"  PRIMARY KEY (survey_id, response_id, qkey, choice),"
	"  FOREIGN KEY (survey_id, response_id) REFERENCES"
	"    survey_responses (survey_id, id) ON DELETE CASCADE"
	") WITHOUT ROWID;"
	/* Results per question read the answers through this. */
	"CREATE INDEX survey_answers_question ON survey_answers"
	"  (survey_id, qkey, choice, num);"
	/* Identified surveys only: whose response it is and when it was
	 * last changed. An anonymous response never has a row here. */
	"CREATE TABLE survey_identified ("
	"  survey_id   INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  response_id BLOB NOT NULL,"
	"  updated     INTEGER NOT NULL,"
	"  PRIMARY KEY (survey_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX survey_identified_account ON survey_identified (account_id);"
	/* That the account answered (either kind): no time, no response. */
	"CREATE TABLE survey_done ("
	"  survey_id  INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (survey_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX survey_done_account ON survey_done (account_id);"
	/* That the inbox told the account the survey waits ("survey.waiting"),
	 * so it is told once. */
	"CREATE TABLE survey_offers ("
	"  survey_id  INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (survey_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX survey_offers_account ON survey_offers (account_id);"
	/* An unfinished answer, the member's own like a draft: the question
	 * to resume at (pos) and the answers so far, with the columns of
	 * survey_answers. Deleted when the answer is submitted. */
	"CREATE TABLE survey_progress ("
	"  survey_id  INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  pos        INTEGER NOT NULL DEFAULT 0,"
	"  updated    INTEGER NOT NULL,"
	"  PRIMARY KEY (survey_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX survey_progress_account ON survey_progress (account_id);"
	"CREATE TABLE survey_progress_answers ("
	"  survey_id  INTEGER NOT NULL,"
	"  account_id INTEGER NOT NULL,"
	"  qkey       TEXT NOT NULL,"
	"  choice     TEXT NOT NULL DEFAULT '',"
	"  num        INTEGER,"
	"  text       TEXT,"
	"  PRIMARY KEY (survey_id, account_id, qkey, choice),"
	"  FOREIGN KEY (survey_id, account_id) REFERENCES"
	"    survey_progress (survey_id, account_id) ON DELETE CASCADE"
	") WITHOUT ROWID;",
};

/* The member's own: their identified responses with the answers, their
 * unfinished answers, which surveys they answered and were told about,
 * each survey named by its title in the member's language (or its first).
 * Anonymous answers are not theirs to export: nothing links them to the
 * account. */
#define SURVEY_TITLE(col) "(SELECT t.title FROM survey_texts t WHERE " \
	"t.survey_id = " col " ORDER BY t.lang = (SELECT lang FROM accounts " \
	"WHERE id = ?1) DESC, t.lang LIMIT 1) AS survey_title"
static int
surveys_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "responses", "SELECT i.survey_id AS survey, "
		  SURVEY_TITLE("i.survey_id") ", i.updated AS updated FROM "
		  "survey_identified i WHERE i.account_id = ?1 ORDER BY "
		  "i.survey_id", false },
		{ "answers", "SELECT i.survey_id AS survey, x.qkey AS question, "
		  "x.choice AS choice, x.num AS number, x.text AS text FROM "
		  "survey_identified i JOIN survey_answers x ON x.survey_id = "
		  "i.survey_id AND x.response_id = i.response_id WHERE "
		  "i.account_id = ?1 ORDER BY i.survey_id, x.qkey, x.choice",
		  false },
		{ "progress", "SELECT p.survey_id AS survey, "
		  SURVEY_TITLE("p.survey_id") ", p.pos AS position, p.updated "
		  "AS updated FROM survey_progress p WHERE p.account_id = ?1 "
		  "ORDER BY p.survey_id", false },
		{ "progress_answers", "SELECT p.survey_id AS survey, x.qkey AS "
		  "question, x.choice AS choice, x.num AS number, x.text AS "
		  "text FROM survey_progress p JOIN survey_progress_answers x "
		  "ON x.survey_id = p.survey_id AND x.account_id = p.account_id "
		  "WHERE p.account_id = ?1 ORDER BY p.survey_id, x.qkey, "
		  "x.choice", false },
		{ "done", "SELECT survey_id AS survey FROM survey_done WHERE "
		  "account_id = ?1 ORDER BY survey_id", false },
		{ "offered", "SELECT survey_id AS survey FROM survey_offers "
		  "WHERE account_id = ?1 ORDER BY survey_id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* Identified responses go with their answers, and so do progress, the
 * done and offered records; anonymous responses stay, as nothing ties
 * them to the account (they count in the results still). The surveys
 * the member made lose their maker. */
static int
surveys_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM survey_answers WHERE (survey_id, response_id) IN "
		"(SELECT survey_id, response_id FROM survey_identified "
		"WHERE account_id = ?1)",
		"DELETE FROM survey_responses WHERE (survey_id, id) IN "
		"(SELECT survey_id, response_id FROM survey_identified "
		"WHERE account_id = ?1)",
		"DELETE FROM survey_identified WHERE account_id = ?1",
		/* its answers go with it (ON DELETE CASCADE) */
		"DELETE FROM survey_progress WHERE account_id = ?1",
		"DELETE FROM survey_done WHERE account_id = ?1",
		"DELETE FROM survey_offers WHERE account_id = ?1",
		"UPDATE surveys SET created_by = NULL WHERE created_by = ?1",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

/* Surveys become available with time (a window opens, an event ends, a
 * mentorship ends): tell those now in an audience, once. */
static int
surveys_maintain(struct db *db, int64_t now)
{
	if (db_begin(db) != 0)
		return -1;
	if (survey_offer(db, 0, now, 0) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

const struct domain domain_surveys = {
	.name = "surveys",
	.migrations = surveys_migrations,
	.nmigrations = sizeof surveys_migrations / sizeof surveys_migrations[0],
	.export_account = surveys_export,
	.erase_account = surveys_erase,
	.maintain = surveys_maintain,
	.demo_fill = survey_demo_fill,
	.inbox_kinds = survey_inbox_kinds,
	.outputs = survey_outputs,
};
