/* Erasure, table by table: a demo site where one member (the demo's Rūta,
 * renamed so that her names are unmistakable) has one of everything, is
 * erased; then every table of the schema is walked. Each column that can
 * hold a person's id (a foreign key to accounts, found with PRAGMA
 * foreign_key_list, or one of the columns declared below) must have a rule
 * here, and unless the rule keeps it on purpose, no row may hold her id any
 * more; no text anywhere may hold her user or display name. A table added
 * later with a column that refers to accounts and no rule fails the test,
 * which then says which one to write an erase hook and a rule for. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/audit.h"
#include "core/blocks.h"
#include "core/demo.h"
#include "core/domain.h"
#include "core/drafts.h"
#include "core/feed-tokens.h"
#include "core/forums.h"
#include "core/keys.h"
#include "core/messages.h"
#include "core/survey.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "tests/unit/fixture.h"
#include "tests/unit/survey-sample.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define NAME	"zebrafinch"
#define DISPLAY	"Zebra Finchley"
/* Words only she wrote: in a post (by an edit) and in a private message. */
#define POST_WORD	"quokkaberry"
#define PM_WORD		"wombatine"

enum rule {
	GONE,		/* no row holds her id after the erasure */
	KEPT,		/* rows may still hold it: see the reason */
	ERASE_LINE,	/* only the erasure's own audit line */
};

struct person_col {
	const char	*table;
	const char	*column;
	enum rule	 rule;
	bool		 seeded;	/* the fixture gives her a row here */
	const char	*why;		/* for KEPT and ERASE_LINE */
};

/* Every column that can hold a person's id. Those without a foreign key
 * to accounts are found only through this list; those with one must be in
 * it, or the test fails. */
static const struct person_col person_cols[] = {
	{ "ssh_keys", "account_id", GONE, true, NULL },
	{ "sessions", "account_id", GONE, false, NULL },
	{ "feed_tokens", "account_id", GONE, true, NULL },
	{ "audit", "actor_id", ERASE_LINE, true,
	  "the log keeps only that the erasure happened, by id" },
	{ "board_moderators", "account_id", GONE, true, NULL },
	{ "board_mutes", "account_id", GONE, true, NULL },
	{ "threads", "author_id", KEPT, true,
	  "her threads stay for the replies, by a \"deleted member\"" },
	{ "posts", "author_id", KEPT, true,
	  "her posts keep their place (and text, if she chose), by a "
	  "\"deleted member\"" },
	{ "post_edits", "editor_id", GONE, false, NULL },
	{ "thread_reads", "account_id", GONE, true, NULL },
	{ "thread_participants", "account_id", GONE, true, NULL },
	{ "notices", "account_id", GONE, false, NULL },
	{ "notices", "actor_id", GONE, false, NULL },
	{ "reports", "reporter_id", GONE, false, NULL },
	{ "reports", "resolved_by", GONE, false, NULL },
	{ "drafts", "account_id", GONE, true, NULL },
	{ "inbox", "account_id", GONE, true, NULL },
	{ "inbox", "actor_id", GONE, true, NULL },
	{ "queue", "reporter_id", GONE, true, NULL },
	{ "queue", "resolved_by", GONE, false, NULL },
	{ "cal_events", "organiser_id", GONE, true, NULL },
	{ "cal_answers", "account_id", GONE, true, NULL },
	{ "person_blocks", "blocker_id", GONE, true, NULL },
	{ "person_blocks", "blocked_id", GONE, true, NULL },
	{ "dir_profiles", "account_id", GONE, true, NULL },
	{ "dir_languages", "account_id", GONE, true, NULL },
	{ "dir_profile_tags", "account_id", GONE, true, NULL },
	{ "dir_org_members", "account_id", GONE, true, NULL },
	{ "dir_mentorships", "mentor_id", GONE, true, NULL },
	{ "dir_mentorships", "mentee_id", GONE, false, NULL },
	{ "dir_mentorships", "ended_by", GONE, false, NULL },
	{ "pm_conversations", "a_id", KEPT, true,
	  "the other member's conversation, with a \"deleted member\"" },
	{ "pm_conversations", "b_id", KEPT, false,
	  "the other member's conversation, with a \"deleted member\"" },
	{ "pm_conversations", "started_by", KEPT, true,
	  "the other member's conversation, with a \"deleted member\"" },
	{ "pm_members", "account_id", GONE, true, NULL },
	{ "pm_members", "other_id", KEPT, true,
	  "the other member's side names whom it was with" },
	{ "pm_messages", "author_id", KEPT, true,
	  "her messages stay as \"erased\" markers without text, so the "
	  "other member's conversation reads in order" },
	{ "surveys", "created_by", GONE, false, NULL },
	{ "survey_identified", "account_id", GONE, true, NULL },
	{ "survey_done", "account_id", GONE, true, NULL },
	{ "survey_offers", "account_id", GONE, true, NULL },
	{ "survey_progress", "account_id", GONE, true, NULL },
	{ "survey_progress_answers", "account_id", GONE, true, NULL },
	{ "announcements", "author_id", GONE, false, NULL },
};
#define NPERSON_COLS	(sizeof person_cols / sizeof person_cols[0])

/* Kept on purpose although they come from her, with no id to find them
 * by (checked by count below): her anonymous survey answers (and the
 * language, eldership and role copied into the response for breakdowns)
 * stay, as nothing ties them to her and the results count them. */

struct fx {
	struct tdb	 t;
	int64_t		 id;		/* hers */
	int64_t		 anon;		/* an anonymous survey she answered */
	int64_t		 own_posts;	/* how many posts she wrote */
};

static sqlite3 *
h(struct fx *f)
{
	return f->t.db->h;
}

static int64_t
scalar(struct fx *f, const char *sql, int64_t a)
{
	return db_scalar(f->t.db, sql, a, 0, -1);
}

static int64_t
make_survey(struct fx *f, const struct actor *mod, bool anonymous)
{
	struct survey_def d;
	int64_t id;

	survey_sample(&d);
	d.anonymous = anonymous;
	d.audience = SA_ALL;
	d.opens = clock_now() - 100;
	d.state = SS_DRAFT;
	assert_null(survey_create(f->t.db, mod, &d, &id).key);
	assert_null(survey_publish(f->t.db, mod, id).key);
	survey_def_free(&d);
	return id;
}

static void
sample_answers(struct survey_answers *a, long long nps)
{
	struct survey_answer *x;

	memset(a, 0, sizeof *a);
	assert_non_null(x = survey_answer_put(a, "visited"));
	survey_answer_choose(x, "no");
	assert_non_null(x = survey_answer_put(a, "nps"));
	x->has_num = true;
	x->num = nps;
}

/* What the demo does not give her: keys, a feed address, a draft (and
 * two messages others are writing to her), a mute and a board to
 * moderate, an edited post, a report, blocks both ways, a private
 * message, identified and anonymous survey answers and an unfinished one,
 * and audit entries naming her by name. */
static void
give_everything(struct fx *f)
{
	struct actor admin = actor_admin_command("lt");
	struct actor mod = { 2, ROLE_MODERATOR, "lt", 0, false };
	struct actor her = { f->id, ROLE_MEMBER, "lt", 0, false };
	struct actor emma = { 6, ROLE_MEMBER, "en", 0, false };
	struct survey_answers a;
	char token[FEED_TOKEN_LEN + 1];
	int64_t post, other, ident, third, msg;

	assert_null(key_add_by(f->t.db, &admin, f->id, "ssh-ed25519",
	    "AAAAC3NzaC1lZDI1NTE5AAAAIBm0zVbQ7yJmXW2e1ZKfQZ9nKpoVb4tSeq3o1s7b1rAb",
	    NAME "@laptop", "SHA256:zebrafinchkeyfingerprint").key);
	assert_null(feed_token_get(f->t.db, &her, token));
	post = scalar(f, "SELECT min(id) FROM posts WHERE author_id = ?1",
	    f->id);
	other = scalar(f, "SELECT min(id) FROM posts WHERE author_id != ?1 "
	    "AND seq > 1", f->id);
	assert_true(post > 0 && other > 0);
	assert_null(forum_post_edit(f->t.db, &her, post, "Now with "
	    POST_WORD " jam", "lt").key);
	assert_null(forum_report(f->t.db, &her, other, "spam from " DISPLAY));
	assert_null(forum_board_mute(f->t.db, &her, 2, true));
	assert_null(forum_board_moderator_add(f->t.db, &admin, 3, f->id));
	assert_int_equal(draft_save(f->t.db, f->id, DRAFT_REPLY, 1, "",
	    "half a thought", "lt"), 0);
	/* Messages others are writing to her, by account and by name. */
	assert_int_equal(draft_save(f->t.db, 4, DRAFT_MESSAGE, f->id, "",
	    "Labas, kaimyne", "lt"), 0);
	assert_int_equal(draft_save(f->t.db, 6, DRAFT_MESSAGE, 0, NAME,
	    "Hello there", "en"), 0);
	assert_null(messages_send(f->t.db, &her, 4, "Labas, " PM_WORD, NULL,
	    &msg).key);
	assert_null(blocks_add(f->t.db, &her, 5).key);
	assert_null(blocks_add(f->t.db, &emma, f->id).key);
	f->anon = make_survey(f, &mod, true);
	ident = make_survey(f, &mod, false);
	third = make_survey(f, &mod, false);
	sample_answers(&a, 7);
	assert_null(survey_submit(f->t.db, &her, f->anon, &a).key);
	assert_null(survey_submit(f->t.db, &her, ident, &a).key);
	assert_null(survey_progress_save(f->t.db, &her, third, &a).key);
	survey_answers_free(&a);
	assert_int_equal(audit_log(f->t.db, 0, "user.export", NAME, ""), 0);
	assert_int_equal(audit_log(f->t.db, 0, "user.suspend", "account 3",
	    "for " DISPLAY), 0);
}

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "erase_tables");
	FILE *out = fopen("/dev/null", "w");

	assert_non_null(out);
	assert_int_equal(demo_fill(f->t.db, out), 0);
	fclose(out);
	f->id = 3;
	assert_int_equal(scalar(f, "SELECT count(*) FROM accounts WHERE id = "
	    "?1 AND name = 'ruta'", f->id), 1);
	assert_int_equal(sqlite3_exec(h(f), "UPDATE accounts SET name = '"
	    NAME "', display = '" DISPLAY "' WHERE id = 3", NULL, NULL, NULL),
	    SQLITE_OK);
	give_everything(f);
	f->own_posts = scalar(f, "SELECT count(*) FROM posts WHERE author_id "
	    "= ?1", f->id);
	*state = f;
	return 0;
}

static const struct person_col *
rule_for(const char *table, const char *column)
{
	for (size_t i = 0; i < NPERSON_COLS; i++)
		if (strcmp(person_cols[i].table, table) == 0 &&
		    strcmp(person_cols[i].column, column) == 0)
			return &person_cols[i];
	return NULL;
}

/* Rows of table whose column holds id (the names come from the schema
 * or the list above, never from input: SQL cannot bind a name). */
static int64_t
rows_with(struct fx *f, const char *table, const char *column, int64_t id,
    const char *also)
{
	char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE "
	    "\"%w\" = ?1%s", table, column, also);
	int64_t n;

	assert_non_null(sql);
	n = scalar(f, sql, id);
	sqlite3_free(sql);
	assert_true(n >= 0);
	return n;
}

/* The ordinary tables of the schema, FTS5's shadow tables left out: the
 * virtual table in front of them is read instead. */
static char **
tables(struct fx *f, int *n)
{
	sqlite3_stmt *st;
	char **v = NULL;

	*n = 0;
	assert_int_equal(sqlite3_prepare_v2(h(f), "SELECT name FROM "
	    "sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
	    "AND name NOT IN (SELECT s.name || x FROM sqlite_schema s, "
	    "(SELECT '_data' AS x UNION SELECT '_idx' UNION SELECT '_content' "
	    "UNION SELECT '_docsize' UNION SELECT '_config') "
	    "WHERE s.sql LIKE 'CREATE VIRTUAL TABLE%') ORDER BY name", -1, &st,
	    NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = realloc(v, (size_t)(*n + 1) * sizeof *v);
		assert_non_null(v);
		v[(*n)++] = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return v;
}

/* Every column of every table that refers to accounts has a rule, and
 * every rule a column: "", or what is missing (newly allocated). */
static char *
rules_missing(struct fx *f, char **tv, int nt)
{
	struct strbuf missing = { 0 };

	for (int i = 0; i < nt; i++) {
		char *sql = sqlite3_mprintf("PRAGMA foreign_key_list(\"%w\")",
		    tv[i]);
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(h(f), sql, -1, &st, NULL),
		    SQLITE_OK);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *to = (const char *)sqlite3_column_text(st, 2);
			const char *from = (const char *)sqlite3_column_text(st, 3);

			if (strcmp(to, "accounts") == 0 &&
			    rule_for(tv[i], from) == NULL)
				sb_printf(&missing, "%s.%s refers to accounts "
				    "without an erase rule (write the domain's "
				    "erase hook, then add a rule to person_cols); ",
				    tv[i], from);
		}
		sqlite3_finalize(st);
	}
	/* A rule that names no column (renamed, dropped) checks nothing. */
	for (size_t i = 0; i < NPERSON_COLS; i++) {
		char *sql = sqlite3_mprintf("SELECT count(*) FROM "
		    "pragma_table_info(%Q) WHERE name = %Q",
		    person_cols[i].table, person_cols[i].column);

		if (scalar(f, sql, 0) != 1)
			sb_printf(&missing, "the rule for %s.%s names no "
			    "column; ", person_cols[i].table,
			    person_cols[i].column);
		sqlite3_free(sql);
	}
	return sb_take(&missing);
}

/* The fixture is not empty where it says it gives her something. */
static void
check_seeded(struct fx *f)
{
	for (size_t i = 0; i < NPERSON_COLS; i++)
		if (person_cols[i].seeded && rows_with(f, person_cols[i].table,
		    person_cols[i].column, f->id, "") == 0)
			fail_msg("the fixture gives her nothing in %s.%s",
			    person_cols[i].table, person_cols[i].column);
}

/* The person columns that still hold her id against their rule: "",
 * or which (newly allocated). */
static char *
ids_left(struct fx *f)
{
	struct strbuf left = { 0 };

	for (size_t i = 0; i < NPERSON_COLS; i++) {
		const struct person_col *c = &person_cols[i];
		int64_t n = 0;

		switch (c->rule) {
		case GONE:
			n = rows_with(f, c->table, c->column, f->id, "");
			break;
		case ERASE_LINE:
			n = rows_with(f, c->table, c->column, f->id,
			    " AND action != 'account.erase'");
			break;
		case KEPT:
			assert_non_null(c->why);
			break;
		}
		if (n != 0)
			sb_printf(&left, "%s.%s holds her id in %lld rows; ",
			    c->table, c->column, (long long)n);
	}
	return sb_take(&left);
}

/* The text columns of any table that hold what (her name, a word only
 * she wrote), case aside: "", or which (newly allocated). */
static char *
text_left(struct fx *f, char **tv, int nt, const char *what)
{
	struct strbuf left = { 0 };

	for (int i = 0; i < nt; i++) {
		char *sql = sqlite3_mprintf("SELECT name FROM "
		    "pragma_table_info(%Q)", tv[i]);
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(h(f), sql, -1, &st, NULL),
		    SQLITE_OK);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(st, 0);
			char *q = sqlite3_mprintf("SELECT count(*) FROM \"%w\" "
			    "WHERE typeof(\"%w\") = 'text' AND "
			    "instr(lower(\"%w\"), lower(%Q)) > 0", tv[i], col,
			    col, what);
			int64_t n = scalar(f, q, 0);

			sqlite3_free(q);
			if (n != 0)
				sb_printf(&left, "%s.%s holds \"%s\" in %lld "
				    "rows; ", tv[i], col, what, (long long)n);
		}
		sqlite3_finalize(st);
	}
	return sb_take(&left);
}

/* Fails the test with msg, unless it is empty (nothing found). */
static void
assert_nothing(char *msg)
{
	assert_non_null(msg);
	if (msg[0] != '\0')
		fail_msg("%s", msg);
	free(msg);
}

static void
free_tables(char **tv, int nt)
{
	for (int i = 0; i < nt; i++)
		free(tv[i]);
	free(tv);
}

/* The checks that do not depend on her choice. */
static void
check_erased(struct fx *f)
{
	char **tv;
	int nt;

	tv = tables(f, &nt);
	assert_true(nt > 30);
	assert_nothing(rules_missing(f, tv, nt));
	assert_nothing(ids_left(f));
	assert_nothing(text_left(f, tv, nt, NAME));
	assert_nothing(text_left(f, tv, nt, DISPLAY));
	assert_nothing(text_left(f, tv, nt, PM_WORD));
	free_tables(tv, nt);
	/* The account row is emptied and cannot log in. */
	assert_int_equal(scalar(f, "SELECT count(*) FROM accounts WHERE id = "
	    "?1 AND name = '#3' AND display = '' AND pwhash = '!'", f->id), 1);
	/* One audit line about her: the erasure, by id. */
	assert_int_equal(scalar(f, "SELECT count(*) FROM audit WHERE action = "
	    "'account.erase' AND target = '#3'", 0), 1);
	assert_int_equal(scalar(f, "SELECT count(*) FROM audit WHERE target "
	    "IN ('account 3', '#3') OR detail LIKE '%account 3'", 0), 1);
	/* A session of hers still open elsewhere keeps nothing as it ends. */
	assert_int_equal(draft_save(f->t.db, f->id, DRAFT_REPLY, 1, "",
	    "written in another session", "lt"), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM drafts WHERE "
	    "account_id = ?1", f->id), 0);
	/* No one is still writing to her. */
	assert_int_equal(scalar(f, "SELECT count(*) FROM drafts WHERE kind = 3 "
	    "AND place_id = ?1", f->id), 0);
	/* Her anonymous answer stays (see above person_cols). */
	assert_int_equal(survey_answer_count(f->t.db, f->anon), 1);
}

/* The controls: before the erasure the same walk finds her id and her
 * names in the tables, and a table that refers to accounts with no rule
 * (as a feature added later without an erase hook) is reported. */
static void
test_walk_finds_her(void **state)
{
	struct fx *f = *state;
	char **tv, *msg;
	int nt;

	tv = tables(f, &nt);
	assert_nothing(rules_missing(f, tv, nt));
	check_seeded(f);
	assert_non_null(msg = ids_left(f));
	assert_non_null(strstr(msg, "ssh_keys.account_id"));
	assert_non_null(strstr(msg, "survey_identified.account_id"));
	free(msg);
	assert_non_null(msg = text_left(f, tv, nt, DISPLAY));
	assert_non_null(strstr(msg, "accounts.display"));
	free(msg);
	assert_non_null(msg = text_left(f, tv, nt, NAME));
	assert_non_null(strstr(msg, "accounts.name"));
	assert_non_null(strstr(msg, "drafts.title"));
	assert_non_null(strstr(msg, "audit.target"));
	free(msg);
	assert_non_null(msg = text_left(f, tv, nt, PM_WORD));
	assert_non_null(strstr(msg, "pm_messages.body"));
	free(msg);
	free_tables(tv, nt);
	assert_int_equal(sqlite3_exec(h(f), "CREATE TABLE later_feature ("
	    "id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES "
	    "accounts(id))", NULL, NULL, NULL), SQLITE_OK);
	tv = tables(f, &nt);
	assert_non_null(msg = rules_missing(f, tv, nt));
	assert_non_null(strstr(msg, "later_feature.owner_id refers to "
	    "accounts without an erase rule"));
	free(msg);
	free_tables(tv, nt);
}

/* Posts kept: they stay whole, under the emptied account; the words of
 * her messages and her name are gone all the same. */
static void
test_erase_keeping_posts(void **state)
{
	struct fx *f = *state;

	check_seeded(f);
	assert_int_equal(domain_erase(f->t.db, f->id, f->id,
	    ERASE_KEEP_WRITING), 0);
	check_erased(f);
	assert_int_equal(scalar(f, "SELECT count(*) FROM posts WHERE "
	    "author_id = ?1 AND deleted = 0 AND body != ''", f->id),
	    f->own_posts);
	assert_int_equal(scalar(f, "SELECT count(*) FROM posts WHERE body "
	    "LIKE '%" POST_WORD "%'", 0), 1);
	/* Who erased her is herself, by id. */
	assert_int_equal(scalar(f, "SELECT actor_id FROM audit WHERE action = "
	    "'account.erase'", 0), f->id);
}

/* Posts removed: their places stay, without text, out of the index and
 * its list of words. */
static void
test_erase_removing_posts(void **state)
{
	struct fx *f = *state;
	char **tv;
	int nt;

	check_seeded(f);
	assert_int_equal(domain_erase(f->t.db, f->id, 0,
	    ERASE_REMOVE_WRITING), 0);
	check_erased(f);
	assert_int_equal(scalar(f, "SELECT count(*) FROM posts WHERE "
	    "author_id = ?1 AND deleted = 1 AND body = ''", f->id),
	    f->own_posts);
	tv = tables(f, &nt);
	assert_nothing(text_left(f, tv, nt, POST_WORD));
	free_tables(tv, nt);
	/* Other members' posts are still found. */
	assert_true(scalar(f, "SELECT count(*) FROM post_fts", 0) > 0);
	assert_int_equal(scalar(f, "SELECT actor_id FROM audit WHERE action = "
	    "'account.erase'", 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_walk_finds_her, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erase_keeping_posts,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erase_removing_posts,
		    setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
