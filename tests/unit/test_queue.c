/* core/queue: items land once per reporter and subject; the queue shows
 * one entry per subject to those who decide it (the kind's condition: a
 * board's moderators there, moderators everywhere, members nowhere);
 * queue_resolve refuses unknown kinds and actions, bad days and reasons,
 * and does the kind's check, write and audit in one transaction, so a
 * refused suspension leaves the items open and the post shown; items
 * close as resolved or dismissed, by whom and how; the forums' kind is
 * registered through its domain, its texts in the catalogs and its letters
 * distinct; a reporter's items are in their export. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/forums.h"
#include "core/queue.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct db	*db;
	struct actor	 ruta, jonas, boardmod, mod, admin;
	int64_t		 board, other, post, modpost;
};

static int
setup(void **state)
{
	struct actor cmd = { 0, ROLE_ADMIN, "lt", 0 };
	struct fixture *f = tdb_new(sizeof *f, "queue");
	int64_t tid;

	f->db = f->t.db;
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->boardmod = tdb_viewer(&f->t, "aiste", "lt", ROLE_MEMBER);
	f->mod = tdb_viewer(&f->t, "mindaugas", "lt", ROLE_MODERATOR);
	f->admin = cmd;
	assert_null(forum_board_add(f->db, &cmd, "Sportas", "", "lt",
	    &f->board));
	assert_null(forum_board_add(f->db, &cmd, "Kita", "", "lt",
	    &f->other));
	assert_null(forum_board_moderator_add(f->db, &cmd, f->board,
	    f->boardmod.account_id));
	assert_null(forum_thread_start(f->db, &f->jonas, f->board, "Krepšinis",
	    "pirkite laikrodžius", NULL, &tid, &f->post).key);
	assert_null(forum_reply(f->db, &f->mod, tid, "moderatoriaus", NULL,
	    &f->modpost, NULL).key);
	*state = f;
	return 0;
}

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

static void
test_kind(void **state)
{
	const struct queue_kind *k = queue_kind_find("forum.post");
	const struct queue_action *a;

	(void)state;
	assert_non_null(k);
	assert_null(queue_kind_find("no.such.kind"));
	assert_non_null(a = queue_action_find(k, "suspend"));
	assert_true(a->days);
	assert_false(a->dismisses);
	assert_int_equal(a->key, 's');
	assert_non_null(a = queue_action_find(k, "dismiss"));
	assert_true(a->dismisses);
	assert_non_null(queue_action_find(k, "hide"));
	assert_null(queue_action_find(k, "approve"));
}

/* Every registered kind: its catalog texts exist, its letters are
 * distinct and leave `o` (open) to the screen. */
static void
test_kinds_well_formed(void **state)
{
	const struct queue_action *a, *b;
	const struct queue_kind *k;
	int i, kinds = 0;

	(void)state;
	assert_int_equal(i18n_set_lang("en"), 0);
	for (i = 0; i < ndomains; i++)
		for (k = domains[i]->queue_kinds; k != NULL && k->kind != NULL;
		    k++, kinds++) {
			assert_non_null(k->describe);
			assert_non_null(k->resolve);
			assert_non_null(k->decides_sql);
			assert_string_not_equal(T(k->about_key), k->about_key);
			/* Its own words for `o` and for its count. */
			assert_string_not_equal(T(k->open_key), k->open_key);
			assert_string_not_equal(T(k->count_key), k->count_key);
			for (a = k->actions; a->name != NULL; a++) {
				assert_true(a->key != 'o');
				assert_string_not_equal(T(a->label_key),
				    a->label_key);
				assert_string_not_equal(T(a->title_key),
				    a->title_key);
				for (b = k->actions; b != a; b++)
					assert_true(b->key != a->key);
			}
		}
	assert_true(kinds >= 1);
}

static void
test_add_list(void **state)
{
	struct fixture *f = *state;
	struct queue_list l;

	assert_int_equal(queue_add(f->db, "forum.post", f->post,
	    f->ruta.account_id, "spam"), 0);
	assert_int_equal(queue_add(f->db, "forum.post", f->post,
	    f->ruta.account_id, "vėl"), 1);
	assert_int_equal(queue_add(f->db, "forum.post", f->post,
	    f->mod.account_id, "reklama"), 0);
	assert_int_equal(queue_open_items(f->db, "forum.post", f->post), 2);
	/* Who decides: the board's moderator, a moderator, the admin
	 * command; not a member. */
	assert_int_equal(queue_open_count(f->db, &f->boardmod), 1);
	assert_int_equal(queue_open_count(f->db, &f->mod), 1);
	assert_int_equal(queue_open_count(f->db, &f->admin), 1);
	assert_int_equal(queue_open_count(f->db, &f->ruta), 0);
	assert_int_equal(queue_list(f->db, &f->ruta, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	queue_list_free(&l);
	assert_int_equal(queue_list(f->db, &f->boardmod, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_false(l.more);
	assert_string_equal(l.v[0].k->kind, "forum.post");
	assert_int_equal(l.v[0].subject_id, f->post);
	assert_int_equal(l.v[0].count, 2);
	assert_string_equal(l.v[0].reasons, "ruta: spam\nmindaugas: reklama");
	assert_string_equal(l.v[0].s.title, "Krepšinis");
	assert_int_equal(l.v[0].s.number, 1);
	assert_string_equal(l.v[0].s.owner_name, "jonas");
	assert_string_equal(l.v[0].s.body, "pirkite laikrodžius");
	assert_null(l.v[0].s.note_key);
	queue_list_free(&l);
	/* A second subject, oldest first, and pages. */
	assert_int_equal(queue_add(f->db, "forum.post", f->modpost,
	    f->ruta.account_id, "kitas"), 0);
	assert_int_equal(queue_list(f->db, &f->mod, 0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.more);
	assert_int_equal(l.v[0].subject_id, f->post);
	queue_list_free(&l);
	assert_int_equal(queue_list(f->db, &f->mod, 1, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].subject_id, f->modpost);
	queue_list_free(&l);
}

static void
test_resolve_refusals(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(queue_add(f->db, "forum.post", f->post,
	    f->ruta.account_id, "spam"), 0);
	assert_string_equal(queue_resolve(f->db, &f->mod, "no.such.kind",
	    f->post, "hide", 0, "x").key, "error.queue.kind");
	assert_string_equal(queue_resolve(f->db, &f->mod, "forum.post",
	    f->post, "approve", 0, "x").key, "error.queue.action");
	assert_string_equal(queue_resolve(f->db, &f->mod, "forum.post",
	    f->post, "suspend", 0, "x").field, "days");
	assert_string_equal(queue_resolve(f->db, &f->mod, "forum.post",
	    f->post, "hide", 0, "").field, "reason");
	assert_string_equal(queue_resolve(f->db, &f->ruta, "forum.post",
	    f->post, "hide", 0, "x").key, "error.forum.not_allowed");
	assert_string_equal(queue_resolve(f->db, &f->mod, "forum.post",
	    999, "hide", 0, "x").key, "error.forum.not_found");
	assert_int_equal(queue_open_items(f->db, "forum.post", f->post), 1);
	/* Nothing on it: no items to close. */
	assert_string_equal(queue_resolve(f->db, &f->mod, "forum.post",
	    f->modpost, "hide", 0, "x").key, "error.forum.no_reports");
}

/* A board moderator may not suspend a moderator: the whole decision is
 * undone, the items stay open, the post stays shown, no audit entry. The
 * admin may, and the items close as resolved by the admin command. */
static void
test_resolve_one_tx(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(queue_add(f->db, "forum.post", f->modpost,
	    f->ruta.account_id, "piktas"), 0);
	assert_string_equal(queue_resolve(f->db, &f->boardmod, "forum.post",
	    f->modpost, "suspend", 7, "ne").key, "error.suspend.rank");
	assert_int_equal(queue_open_items(f->db, "forum.post", f->modpost), 1);
	assert_int_equal(query_int(f->db, "SELECT hidden FROM posts WHERE "
	    "id = (SELECT max(id) FROM posts)"), 0);
	assert_int_equal(audit_count(f->db, "report.suspend"), 0);
	assert_null(queue_resolve(f->db, &f->admin, "forum.post", f->modpost,
	    "suspend", 7, "taip").key);
	assert_int_equal(queue_open_items(f->db, "forum.post", f->modpost), 0);
	assert_int_equal(audit_count(f->db, "report.suspend"), 1);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM queue WHERE "
	    "state = 1 AND resolution = 'suspend' AND resolved_by = 0 AND "
	    "resolved_at > 0"), 1);
}

static void
test_dismiss_state(void **state)
{
	struct fixture *f = *state;
	json_t *doc, *item;

	assert_int_equal(queue_add(f->db, "forum.post", f->post,
	    f->ruta.account_id, "spam"), 0);
	assert_null(queue_resolve(f->db, &f->boardmod, "forum.post", f->post,
	    "dismiss", 0, "gerai").key);
	assert_int_equal(query_int(f->db, "SELECT count(*) FROM queue WHERE "
	    "state = 2 AND resolution = 'dismiss'"), 1);
	assert_int_equal(queue_open_count(f->db, &f->boardmod), 0);
	assert_int_equal(audit_count(f->db, "report.dismiss"), 1);
	/* The reporter's export holds the item and what became of it. */
	doc = tex_export(f->db, f->ruta.account_id);
	item = tex_find(tex_part(doc, "queue", "queue"), "kind", "forum.post");
	assert_non_null(item);
	assert_int_equal(tex_int(item, "subject"), f->post);
	assert_string_equal(tex_str(item, "reason"), "spam");
	assert_int_equal(tex_int(item, "state"), 2);
	assert_string_equal(tex_str(item, "resolution"), "dismiss");
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind),
		cmocka_unit_test_setup_teardown(test_kinds_well_formed,
		    ti18n_setup, ti18n_teardown),
		cmocka_unit_test_setup_teardown(test_add_list, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_refusals, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve_one_tx, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_dismiss_state, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
