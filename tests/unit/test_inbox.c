/* core/inbox: any kind of entry lands for its recipient only, newest
 * first, with its subject and arguments (one line each, cut at a
 * character); the unread count and the probe follow arrivals and reads;
 * marking is per recipient; a guest has nothing; a rolled-back writer
 * leaves no entry; kinds are found through the domains' descriptors, with
 * their texts in every catalog; an erased account's entries go and its
 * export holds them. */
#include "core/db.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/inbox.h"
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
	struct actor	 ruta, jonas;
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "inbox");

	f->db = f->t.db;
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MODERATOR);
	*state = f;
	return 0;
}

static void
add(struct fixture *f, int64_t to, const char *kind, const char *title)
{
	const struct inbox_arg args[] = { { "title", title }, { "n", "3" } };

	assert_int_equal(inbox_add(f->db, to, kind, "event", 42,
	    f->jonas.account_id, args, 2), 0);
}

static void
test_add_list(void **state)
{
	struct fixture *f = *state;
	struct actor guest = { .role = ROLE_MEMBER, .lang = "lt",
	    .guest = true };
	struct inbox_list l;
	char buf[32];

	assert_int_equal(inbox_probe(f->db, &f->ruta), 0);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 0);
	/* A kind no domain registers is stored all the same: the inbox is
	 * every feature's, the text is the reader's business. */
	add(f, f->ruta.account_id, "calendar.changed", "Mugė\nper dvi eilutes");
	add(f, f->ruta.account_id, "calendar.promoted", "Žygis");
	add(f, f->jonas.account_id, "calendar.changed", "kitam");
	assert_int_equal(inbox_unread(f->db, &f->ruta), 2);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 1);
	assert_int_equal(inbox_list(f->db, &f->ruta, 0, 10, &l), 0);
	assert_int_equal(l.n, 2);
	assert_false(l.more);
	assert_string_equal(l.v[0].kind, "calendar.promoted");
	assert_string_equal(l.v[1].kind, "calendar.changed");
	assert_string_equal(l.v[1].subject_type, "event");
	assert_int_equal(l.v[1].subject_id, 42);
	assert_int_equal(l.v[1].actor_id, f->jonas.account_id);
	assert_string_equal(l.v[1].actor_name, "jonas");
	assert_int_equal(l.v[1].actor_role, ROLE_MODERATOR);
	assert_string_equal(l.v[1].args, "title=Mugė per dvi eilutes\nn=3");
	assert_string_equal(inbox_arg(&l.v[1], "title", buf, sizeof buf),
	    "Mugė per dvi eilutes");
	assert_string_equal(inbox_arg(&l.v[1], "n", buf, sizeof buf), "3");
	assert_string_equal(inbox_arg(&l.v[1], "none", buf, sizeof buf), "");
	/* A short buffer gets the start, whole letters only. */
	assert_string_equal(inbox_arg(&l.v[1], "title", buf, 6), "Mugė");
	assert_string_equal(inbox_arg(&l.v[1], "title", buf, 5), "Mug");
	assert_false(l.v[0].read);
	inbox_list_free(&l);
	/* Pages: one entry and "more". */
	assert_int_equal(inbox_list(f->db, &f->ruta, 0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.more);
	inbox_list_free(&l);
	assert_int_equal(inbox_list(f->db, &f->ruta, 1, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_false(l.more);
	assert_string_equal(l.v[0].kind, "calendar.changed");
	inbox_list_free(&l);
	/* A guest has no inbox. */
	assert_int_equal(inbox_list(f->db, &guest, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	inbox_list_free(&l);
	assert_int_equal(inbox_unread(f->db, &guest), 0);
	assert_string_equal(inbox_mark_read(f->db, &guest, 0),
	    "error.forum.guest");
}

static void
test_read_probe(void **state)
{
	struct fixture *f = *state;
	struct inbox_list l;
	int64_t probe, other;

	add(f, f->ruta.account_id, "calendar.changed", "a");
	add(f, f->ruta.account_id, "calendar.changed", "b");
	probe = inbox_probe(f->db, &f->ruta);
	assert_true(probe > 0);
	assert_int_equal(inbox_list(f->db, &f->ruta, 0, 10, &l), 0);
	/* Another member cannot mark hers. */
	assert_null(inbox_mark_read(f->db, &f->jonas, l.v[0].id));
	assert_int_equal(inbox_unread(f->db, &f->ruta), 2);
	assert_null(inbox_mark_read(f->db, &f->ruta, l.v[0].id));
	assert_int_equal(inbox_unread(f->db, &f->ruta), 1);
	inbox_list_free(&l);
	/* Reading changes no probe; an arrival does, for its recipient. */
	assert_int_equal(inbox_probe(f->db, &f->ruta), probe);
	other = inbox_probe(f->db, &f->jonas);
	add(f, f->ruta.account_id, "calendar.changed", "c");
	assert_true(inbox_probe(f->db, &f->ruta) > probe);
	assert_int_equal(inbox_probe(f->db, &f->jonas), other);
	assert_null(inbox_mark_read(f->db, &f->ruta, 0));
	assert_int_equal(inbox_unread(f->db, &f->ruta), 0);
}

/* inbox_add writes inside the writer's transaction: a rollback takes the
 * entry with the change it told about. */
static void
test_in_writers_tx(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(db_begin(f->db), 0);
	add(f, f->ruta.account_id, "calendar.changed", "a");
	db_rollback(f->db);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 0);
	assert_int_equal(db_begin(f->db), 0);
	add(f, f->ruta.account_id, "calendar.changed", "a");
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 1);
}

/* A long argument is cut to what an entry holds, at a character's start. */
static void
test_long_args(void **state)
{
	struct fixture *f = *state;
	struct inbox_arg arg = { "title", NULL };
	struct inbox_list l;
	char *big = malloc(INBOX_ARGS_MAX * 2 + 1);
	size_t i;

	assert_non_null(big);
	for (i = 0; i + 2 <= INBOX_ARGS_MAX * 2; i += 2)
		memcpy(big + i, "ž", 2);
	big[i] = '\0';
	arg.value = big;
	assert_int_equal(inbox_add(f->db, f->ruta.account_id, "x.y", "", 0,
	    0, &arg, 1), 0);
	free(big);
	assert_int_equal(inbox_list(f->db, &f->ruta, 0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	i = strlen(l.v[0].args);
	assert_true(i <= INBOX_ARGS_MAX && i > INBOX_ARGS_MAX - 2);
	/* "title=" is 6 bytes, then whole two-byte letters. */
	assert_int_equal((i - 6) % 2, 0);
	assert_string_equal(l.v[0].args + i - 2, "ž");
	inbox_list_free(&l);
}

/* The forums' kinds are found through their domain's descriptor, each
 * with its text key and arguments; an unknown kind is not. */
static void
test_kinds(void **state)
{
	const struct inbox_kind *k;

	(void)state;
	assert_non_null(k = inbox_kind_find("forum.reply"));
	assert_string_equal(k->text_key, "notices.reply");
	assert_string_equal(k->args[0], "actor");
	assert_string_equal(k->args[1], "title");
	assert_null(k->args[2]);
	assert_non_null(k = inbox_kind_find("forum.hidden"));
	assert_string_equal(k->args[1], "reason");
	assert_non_null(inbox_kind_find("forum.mention"));
	assert_non_null(inbox_kind_find("forum.hidden_auto"));
	assert_null(inbox_kind_find("no.such.kind"));
	assert_null(inbox_kind_find("forum"));
}

/* Every kind any domain registers has its text in the catalogs, and the
 * text takes as many arguments as the kind names: formatted with marks
 * in their places, each mark shows (a kind that names too few arguments
 * would leave a {n} unfilled; too many, a mark unshown). */
static void
test_kinds_texts(void **state)
{
	static const char *const marks[INBOX_ARG_MAX] = { "<0>", "<1>", "<2>",
		"<3>", "<4>", "<5>", "<6>", "<7>" };
	static const char *const langs[] = { "lt", "en", "uk", "ru", "pl" };
	const struct inbox_kind *k;
	struct i18n_arg args[INBOX_ARG_MAX];
	size_t l;
	int i, n, kinds = 0;
	char *s;

	(void)state;
	for (l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		assert_int_equal(i18n_set_lang(langs[l]), 0);
		for (i = 0; i < ndomains; i++)
			for (k = domains[i]->inbox_kinds; k != NULL &&
			    k->kind != NULL; k++, kinds++) {
				assert_string_not_equal(T(k->text_key),
				    k->text_key);
				for (n = 0; k->args[n] != NULL; n++)
					args[n] = A_STR(marks[n]);
				s = TF(k->text_key, n, args);
				for (n--; n >= 0; n--)
					assert_non_null(strstr(s, marks[n]));
				assert_null(strchr(s, '{'));
				free(s);
			}
	}
	assert_true(kinds >= 4 * 5);
}

static void
test_export_erase(void **state)
{
	struct fixture *f = *state;
	json_t *doc, *inbox;

	add(f, f->ruta.account_id, "calendar.changed", "Mugė");
	add(f, f->jonas.account_id, "calendar.changed", "kitam");
	doc = tex_export(f->db, f->ruta.account_id);
	inbox = tex_part(doc, "inbox", "inbox");
	assert_int_equal(json_array_size(inbox), 1);
	assert_string_equal(tex_str(json_array_get(inbox, 0), "kind"),
	    "calendar.changed");
	assert_non_null(strstr(tex_str(json_array_get(inbox, 0), "args"),
	    "title=Mugė"));
	assert_false(tex_contains(doc, "kitam"));
	json_decref(doc);
	assert_int_equal(domain_erase(f->db, f->ruta.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(inbox_unread(f->db, &f->ruta), 0);
	assert_int_equal(inbox_unread(f->db, &f->jonas), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_list, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_read_probe, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_in_writers_tx, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_long_args, setup,
		    tdb_teardown),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test_setup_teardown(test_kinds_texts, ti18n_setup,
		    ti18n_teardown),
		cmocka_unit_test_setup_teardown(test_export_erase, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
