/* Domains (core/domain.h): a database that the single list of steps made
 * is adopted at every one of its versions and ends with the schema a new
 * database gets, its rows kept; a domain newer than the program is
 * refused; one account's export holds what the domains keep about it, and
 * its erasure removes that and only that. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/drafts.h"
#include "core/forums.h"
#include "core/inbox.h"
#include "core/queue.h"
#include "common/strbuf.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"
#include "tests/unit/legacy-schema.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static int64_t
query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The schema as text: every table, index and trigger with its SQL, sorted,
 * leaving out the versions table itself. */
static char *
schema_text(sqlite3 *h)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(h, "SELECT type, name, "
	    "coalesce(sql, '') FROM sqlite_schema WHERE name != "
	    "'schema_versions' ORDER BY type, name", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&sb, "%s %s %s\n", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return sb_take(&sb);
}

/* Builds path with the first v legacy steps, as the old db_open did, and
 * rows of the tables those steps made. */
static void
build_legacy(const char *path, int v)
{
	char sql[64];
	sqlite3 *h;
	int i;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	for (i = 0; i < v; i++)
		assert_int_equal(sqlite3_exec(h, legacy_steps[i], NULL, NULL,
		    NULL), SQLITE_OK);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "INSERT INTO accounts (name, display, "
	    "pwhash, created) VALUES ('ruta', 'Rūta', 'x', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	if (v >= 2)
		assert_int_equal(sqlite3_exec(h, "INSERT INTO boards (title, "
		    "position) VALUES ('Kava', 1);"
		    "INSERT INTO threads (board_id, title, author_id, created, "
		    "last_post_at, last_seq) VALUES (1, 'Rytas', 1, 1, 1, 1);"
		    "INSERT INTO posts (thread_id, seq, author_id, lang, body, "
		    "created) VALUES (1, 1, 1, 'lt', 'Labas rytas', 1)",
		    NULL, NULL, NULL), SQLITE_OK);
	if (v >= 4)
		assert_int_equal(sqlite3_exec(h, "INSERT INTO drafts "
		    "(account_id, kind, place_id, body, updated) VALUES "
		    "(1, 1, 1, 'Juodraštis', 1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* Every legacy version, 5 (what the last program shipped) included, is
 * adopted: each domain current, the schema equal to a new database's, the
 * rows still there. The control: the legacy schema at 4 differs from the
 * new one, so the comparison can fail. */
static void
test_adopt_legacy(void **state)
{
	struct tdb *f = *state;
	char path[128], err[256], *want, *got;
	struct db *db;
	sqlite3 *h;
	int v, i;

	want = schema_text(f->db->h);
	for (v = 1; v <= NLEGACY; v++) {
		snprintf(path, sizeof path, "%s/legacy%d.db", f->dir, v);
		build_legacy(path, v);
		if (v == 4) {
			assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
			got = schema_text(h);
			assert_string_not_equal(got, want);
			free(got);
			sqlite3_close(h);
		}
		assert_int_equal(db_open(path, &db, err, sizeof err), 0);
		for (i = 0; i < ndomains; i++)
			assert_int_equal(domain_version(db, domains[i]->name),
			    domains[i]->nmigrations);
		assert_int_equal(query_int(db, "PRAGMA user_version"),
		    DB_DOMAIN_ERA);
		got = schema_text(db->h);
		assert_string_equal(got, want);
		free(got);
		assert_int_equal(query_int(db, "SELECT count(*) FROM accounts "
		    "WHERE name = 'ruta'"), 1);
		assert_int_equal(query_int(db, "SELECT count(*) FROM posts "
		    "WHERE body = 'Labas rytas'"), v >= 2);
		assert_int_equal(query_int(db, "SELECT count(*) FROM drafts"),
		    v >= 4);
		db_close(db);
		/* A second open finds nothing to do and keeps it all. */
		assert_int_equal(db_open(path, &db, err, sizeof err), 0);
		assert_int_equal(query_int(db, "SELECT count(*) FROM accounts"),
		    1);
		db_close(db);
	}
	free(want);
}

/* The legacy list had five steps; the adoption tables know as many. */
static void
test_legacy_count(void **state)
{
	(void)state;
	assert_int_equal(NLEGACY, DB_LEGACY_STEPS);
}

static void
test_newer_domain_refused(void **state)
{
	struct tdb *f = *state;
	struct db *db;
	char err[256];

	assert_int_equal(sqlite3_exec(f->db->h, "UPDATE schema_versions SET "
	    "version = 99 WHERE domain = 'forums'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_open(f->path, &db, err, sizeof err), -1);
	assert_non_null(strstr(err, "forums"));
	assert_non_null(strstr(err, "newer"));
}

/* One text column of a one-row query. */
static void
assert_text(struct db *db, const char *sql, const char *want)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), want);
	sqlite3_finalize(st);
}

/* A database the program before the inbox and the queue left (every
 * other domain current, notices and reports in the forums' tables) gets
 * both on the next open: each notice becomes an inbox entry of its kind
 * with its id, read flag and the thread's title; each report a queue item
 * of kind forum.post in its state; the old tables are left empty; the
 * members see them through the new calls. */
static void
test_inbox_queue_migrate(void **state)
{
	struct tdb *f = *state;
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct actor ruta = tdb_viewer(f, "ruta", "lt", ROLE_MEMBER);
	struct actor jonas = tdb_viewer(f, "jonas", "lt", ROLE_MEMBER);
	struct inbox_list il;
	struct queue_list ql;
	char err[256], sql[600];
	int64_t board, thread, post;

	assert_null(forum_board_add(f->db, &admin, "Kava", "", "lt", &board));
	assert_null(forum_thread_start(f->db, &ruta, board, "Rytas",
	    "Labas", "lt", &thread, NULL).key);
	assert_null(forum_reply(f->db, &jonas, thread, "Ačiū", "lt", &post,
	    NULL).key);
	/* Back to before: no inbox, no queue (the reply's entry goes with
	 * the table), rows in the old tables. */
	snprintf(sql, sizeof sql, "DROP TABLE inbox; DROP TABLE queue;"
	    "DELETE FROM schema_versions WHERE domain IN ('inbox', 'queue');"
	    "INSERT INTO notices (id, account_id, kind, actor_id, post_id, at,"
	    "  read, detail) VALUES"
	    "  (7, %lld, 0, %lld, %lld, 100, 1, ''),"
	    "  (8, %lld, 1, %lld, %lld, 101, 0, ''),"
	    "  (9, %lld, 2, 0, %lld, 102, 0, ''),"
	    "  (10, %lld, 2, 1, %lld, 103, 0, 'Reklama');"
	    "INSERT INTO reports (id, post_id, reporter_id, reason, at,"
	    "  resolved_at, resolved_by, resolution) VALUES"
	    "  (4, %lld, %lld, 'spam', 50, 0, 0, ''),"
	    "  (5, %lld, %lld, 'old', 40, 60, 1, 'dismiss')",
	    (long long)ruta.account_id, (long long)jonas.account_id,
	    (long long)post, (long long)ruta.account_id,
	    (long long)jonas.account_id, (long long)post,
	    (long long)jonas.account_id, (long long)post,
	    (long long)jonas.account_id, (long long)post,
	    (long long)post, (long long)ruta.account_id,
	    (long long)post, (long long)jonas.account_id);
	assert_int_equal(sqlite3_exec(f->db->h, sql, NULL, NULL, NULL),
	    SQLITE_OK);
	db_close(f->db);
	assert_int_equal(db_open(f->path, &f->db, err, sizeof err), 0);
	assert_int_equal(domain_version(f->db, "inbox"), 1);
	assert_int_equal(domain_version(f->db, "queue"), 1);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM notices"), 0);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM reports"), 0);

	assert_int_equal(inbox_list(f->db, &ruta, 0, 10, &il), 0);
	assert_int_equal(il.n, 2);
	assert_int_equal(il.v[0].id, 8);
	assert_string_equal(il.v[0].kind, "forum.mention");
	assert_false(il.v[0].read);
	assert_string_equal(il.v[1].kind, "forum.reply");
	assert_true(il.v[1].read);
	assert_string_equal(il.v[1].subject_type, "post");
	assert_int_equal(il.v[1].subject_id, post);
	assert_int_equal(il.v[1].actor_id, jonas.account_id);
	assert_string_equal(il.v[1].args, "title=Rytas");
	inbox_list_free(&il);
	assert_int_equal(inbox_unread(f->db, &ruta), 1);
	assert_int_equal(inbox_probe(f->db, &ruta), 8);
	assert_int_equal(inbox_list(f->db, &jonas, 0, 10, &il), 0);
	assert_int_equal(il.n, 2);
	assert_string_equal(il.v[0].kind, "forum.hidden");
	assert_string_equal(il.v[0].args, "title=Rytas\nreason=Reklama");
	assert_string_equal(il.v[1].kind, "forum.hidden_auto");
	inbox_list_free(&il);

	/* The open report waits, the dismissed one is closed as such. */
	assert_int_equal(queue_list(f->db, &admin, 0, 10, &ql), 0);
	assert_int_equal(ql.n, 1);
	assert_string_equal(ql.v[0].k->kind, "forum.post");
	assert_int_equal(ql.v[0].subject_id, post);
	assert_int_equal(ql.v[0].count, 1);
	assert_string_equal(ql.v[0].reasons, "ruta: spam");
	queue_list_free(&ql);
	assert_text(f->db, "SELECT state || ' ' || resolution FROM queue "
	    "WHERE id = 5", "2 dismiss");
	/* The moved report still stops a second one by the same member. */
	assert_string_equal(forum_report(f->db, &ruta, post, "vėl"),
	    "error.forum.already_reported");
}

/* ruta writes a thread, jonas replies, ruta keeps a draft and mutes
 * nothing; returns ruta's id. */
static int64_t
two_members(struct tdb *f, int64_t *thread)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct actor ruta = tdb_viewer(f, "ruta", "lt", ROLE_MEMBER);
	struct actor jonas = tdb_viewer(f, "jonas", "lt", ROLE_MEMBER);
	int64_t board;

	assert_null(forum_board_add(f->db, &admin, "Kava", "", "lt", &board));
	assert_null(forum_thread_start(f->db, &ruta, board, "Rytas",
	    "Gervuogių uogienė \"močiutės\"", "lt", thread, NULL).key);
	assert_null(forum_reply(f->db, &jonas, *thread, "Ačiū, skanu",
	    "lt", NULL, NULL).key);
	assert_int_equal(draft_save(f->db, ruta.account_id, DRAFT_REPLY,
	    *thread, "", "Dar vienas receptas", ""), 0);
	return ruta.account_id;
}

static void
test_export(void **state)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct tdb *f = *state;
	json_t *doc, *posts, *drafts, *audit;
	char target[32];
	int64_t ruta, thread;
	size_t i;

	ruta = two_members(f, &thread);
	assert_null(forum_thread_pin(f->db, &admin, thread, true, "Svarbu").key);
	doc = tex_export(f->db, ruta);
	/* One key per domain with a hook, each an object. */
	for (i = 0; i < (size_t)ndomains; i++)
		if (domains[i]->export_account != NULL)
			assert_true(json_is_object(json_object_get(doc,
			    domains[i]->name)));
	assert_string_equal(tex_str(tex_part(doc, "accounts", "account"),
	    "name"), "ruta");
	assert_int_equal(tex_int(tex_part(doc, "accounts", "account"), "id"),
	    ruta);
	/* The quotes come back as they were written: jansson escaped them. */
	posts = tex_part(doc, "forums", "posts");
	assert_int_equal(json_array_size(posts), 1);
	assert_string_equal(tex_str(json_array_get(posts, 0), "body"),
	    "Gervuogių uogienė \"močiutės\"");
	assert_int_equal(tex_int(json_array_get(posts, 0), "thread"), thread);
	assert_int_equal(tex_int(json_array_get(posts, 0), "deleted"), 0);
	assert_non_null(tex_find(tex_part(doc, "forums", "threads"), "title",
	    "Rytas"));
	drafts = tex_part(doc, "drafts", "drafts");
	assert_non_null(tex_find(drafts, "body", "Dar vienas receptas"));
	assert_int_equal(tex_int(json_array_get(drafts, 0), "place"), thread);
	/* The admin's pin of her thread is in the audit about her. */
	snprintf(target, sizeof target, "thread %lld", (long long)thread);
	audit = tex_find(tex_part(doc, "forums", "audit"), "target", target);
	assert_non_null(audit);
	assert_string_equal(tex_str(audit, "action"), "thread.pin");
	assert_string_equal(tex_str(audit, "actor"), "admin-command");
	/* Only hers: not jonas's reply, never a password hash. */
	assert_false(tex_contains(doc, "Ačiū, skanu"));
	assert_false(tex_contains(doc, "pwhash"));
	assert_false(tex_contains(doc, "$y$"));
	json_decref(doc);
}

static void
test_erase(void **state)
{
	struct tdb *f = *state;
	struct actor guest = { .role = ROLE_MEMBER, .lang = "lt", .guest = true };
	struct forum_post_list pl;
	struct strbuf sb = { 0 };
	struct account a;
	int64_t ruta, thread;

	ruta = two_members(f, &thread);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM post_fts "
	    "WHERE post_fts MATCH 'gervuogiu'"), 1);
	assert_int_equal(domain_erase(f->db, ruta, 0,
	    ERASE_REMOVE_WRITING), 0);
	/* Her post keeps its place without its text; jonas's reply stays. */
	assert_int_equal(forum_posts(f->db, &guest, thread, 1, 10, &pl), 0);
	assert_int_equal(pl.n, 2);
	assert_true(pl.v[0].deleted);
	assert_string_equal(pl.v[0].body, "");
	assert_string_equal(pl.v[1].body, "Ačiū, skanu");
	forum_post_list_free(&pl);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM posts "
	    "WHERE body LIKE 'Gervuog%'"), 0);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM post_fts "
	    "WHERE post_fts MATCH 'gervuogiu'"), 0);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM drafts"), 0);
	/* The name is free and cannot log in; the row remains for the ids. */
	assert_int_equal(account_by_name(f->db, "ruta", &a), -1);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM accounts "
	    "WHERE display = '' AND pwhash = '!'"), 1);
	assert_int_equal(account_by_name(f->db, "jonas", &a), 0);
	/* Her export now holds nothing of what she wrote. */
	assert_int_equal(domain_export_account(f->db, ruta, &sb), 0);
	assert_null(strstr(sb.s, "Gervuog"));
	assert_null(strstr(sb.s, "receptas"));
	sb_free(&sb);
}

static int
setup(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "domain");
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_adopt_legacy, setup,
		    tdb_teardown),
		cmocka_unit_test(test_legacy_count),
		cmocka_unit_test_setup_teardown(test_inbox_queue_migrate,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_newer_domain_refused,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_export, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erase, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
