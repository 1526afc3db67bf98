/* directory organisations: only site admins add them, their own admins
 * edit them and keep their members, the checks on kind, name and
 * eldership, the list in Lithuanian order with accent-blind search, one
 * by its id, members admins first and not for guests, and the people
 * found by their organisation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/directory.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

struct fx {
	struct tdb	t;
	struct actor	admin, mod, ruta, jonas;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory_org");

	f->admin = actor_admin_command("lt");
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	assert_int_equal(i18n_set_lang("lt"), 0);
	*state = f;
	return 0;
}

static int64_t
add(struct fx *f, const char *kind, const char *name, const char *eld)
{
	struct dir_org_input in = { kind, name, "", eld, "" };
	int64_t id = 0;

	assert_null(directory_org_add(f->t.db, &f->admin, &in, &id).key);
	assert_true(id > 0);
	return id;
}

static void
test_add_and_checks(void **state)
{
	struct fx *f = *state;
	struct dir_org_input in = { "library",
		"Kauno apskrities viešoji biblioteka", "Knygos, kursai, renginiai",
		"centras", "Radastų g. 2, Kaunas" };
	struct dir_org o;
	int64_t id;

	assert_string_equal(directory_org_add(f->t.db, &f->mod, &in, &id).key,
	    "error.directory.not_allowed");
	assert_string_equal(directory_org_add(f->t.db, &f->ruta, &in, &id).key,
	    "error.directory.not_allowed");
	in.kind = "shop";
	assert_string_equal(directory_org_add(f->t.db, &f->admin, &in,
	    &id).key, "error.directory.org_kind");
	in.kind = "library";
	in.eldership = "vilnius";
	assert_string_equal(directory_org_add(f->t.db, &f->admin, &in,
	    &id).key, "error.directory.eldership");
	in.eldership = "centras";
	in.name = " ";
	assert_string_equal(directory_org_add(f->t.db, &f->admin, &in,
	    &id).key, "error.directory.org_name");
	in.name = "Kauno apskrities viešoji biblioteka";
	assert_null(directory_org_add(f->t.db, &f->admin, &in, &id).key);
	assert_int_equal(audit_count(f->t.db, "org_add"), 1);
	assert_int_equal(directory_org_get(f->t.db, &f->ruta, id, &o), 0);
	assert_string_equal(o.kind, "library");
	assert_string_equal(o.contact, "Radastų g. 2, Kaunas");
	assert_false(o.viewer_admin);
	assert_int_equal(directory_org_get(f->t.db, &f->ruta, id + 1, &o), -1);
}

static void
test_org_admins_edit_and_members(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, "ngo", "Pabėgėlių draugai", "silainiai");
	struct dir_org_input in = { "ngo", "Pabėgėlių draugai",
		"Padedame atvykusiems įsikurti", "silainiai", "info@example.lt" };
	struct actor guest = actor_guest("lt");
	struct dir_org_member_list ml;
	struct dir_org o;

	assert_string_equal(directory_org_edit(f->t.db, &f->ruta, id, &in).key,
	    "error.directory.not_allowed");
	assert_string_equal(directory_org_member_set(f->t.db, &f->ruta, id,
	    f->ruta.account_id, DIR_ORG_ADMIN).key,
	    "error.directory.not_allowed");
	assert_null(directory_org_member_set(f->t.db, &f->admin, id,
	    f->ruta.account_id, DIR_ORG_ADMIN).key);
	/* Now Rūta edits it and keeps its members. */
	assert_null(directory_org_edit(f->t.db, &f->ruta, id, &in).key);
	assert_null(directory_org_member_set(f->t.db, &f->ruta, id,
	    f->jonas.account_id, DIR_ORG_MEMBER).key);
	assert_string_equal(directory_org_member_set(f->t.db, &f->ruta, id,
	    9999, DIR_ORG_MEMBER).key, "error.directory.not_found");
	/* A plain member does not. */
	assert_string_equal(directory_org_edit(f->t.db, &f->jonas, id,
	    &in).key, "error.directory.not_allowed");
	assert_int_equal(directory_org_get(f->t.db, &f->ruta, id, &o), 0);
	assert_true(o.viewer_admin);
	assert_int_equal(o.members, 2);
	assert_string_equal(o.contact, "info@example.lt");
	assert_int_equal(directory_org_members(f->t.db, &f->jonas, id, 0, 10,
	    &ml), 0);
	assert_int_equal(ml.n, 2);
	assert_string_equal(ml.v[0].name, "ruta");
	assert_int_equal(ml.v[0].role, DIR_ORG_ADMIN);
	assert_string_equal(ml.v[1].name, "jonas");
	dir_org_member_list_free(&ml);
	assert_int_equal(directory_org_members(f->t.db, &guest, id, 0, 10,
	    &ml), 0);
	assert_int_equal(ml.n, 0);
	/* The directory finds an organisation's listed members, for members
	 * only. */
	{
		struct dir_profile_input pin = dir_profile_input_default();
		struct dir_filter flt;
		struct dir_person_list pl;

		pin.listed = true;
		assert_null(directory_profile_save(f->t.db, &f->jonas,
		    &pin).key);
		assert_null(directory_profile_save(f->t.db, &f->mod, &pin).key);
		memset(&flt, 0, sizeof flt);
		assert_int_equal(directory_find(f->t.db, &f->ruta, &flt, 0, 10,
		    &pl), 0);
		assert_int_equal(pl.n, 2);	/* the positive control */
		dir_person_list_free(&pl);
		flt.org_id = id;
		assert_int_equal(directory_find(f->t.db, &f->ruta, &flt, 0, 10,
		    &pl), 0);
		assert_int_equal(pl.n, 1);
		assert_string_equal(pl.v[0].display, "jonas");
		dir_person_list_free(&pl);
		assert_int_equal(directory_find(f->t.db, &guest, &flt, 0, 10,
		    &pl), 0);
		assert_int_equal(pl.n, 0);
	}
	assert_null(directory_org_member_remove(f->t.db, &f->ruta, id,
	    f->jonas.account_id).key);
	assert_int_equal(audit_count(f->t.db, "org_remove"), 1);
	assert_int_equal(directory_org_get(f->t.db, &f->ruta, id, &o), 0);
	assert_int_equal(o.members, 1);
}

static void
test_list_order_and_search(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");
	struct dir_org_list l;

	add(f, "university", "Vytauto Didžiojo universitetas", "centras");
	add(f, "school", "Šilainių progimnazija", "silainiai");
	add(f, "library", "Kauno apskrities viešoji biblioteka", "centras");
	add(f, "school", "Saulės gimnazija", "zaliakalnis");
	add(f, "municipal", "Kauno miesto savivaldybė", "centras");
	assert_int_equal(directory_orgs(f->t.db, &guest, NULL, NULL, NULL, 0,
	    10, &l), 0);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.v[0].name, "Kauno apskrities viešoji biblioteka");
	assert_string_equal(l.v[1].name, "Kauno miesto savivaldybė");
	assert_string_equal(l.v[2].name, "Saulės gimnazija");
	assert_string_equal(l.v[3].name, "Šilainių progimnazija");
	assert_string_equal(l.v[4].name, "Vytauto Didžiojo universitetas");
	dir_org_list_free(&l);
	assert_int_equal(directory_orgs(f->t.db, &guest, "VIESOJI", NULL, NULL,
	    0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	dir_org_list_free(&l);
	assert_int_equal(directory_orgs(f->t.db, &guest, NULL, "school", NULL,
	    0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.more);
	assert_string_equal(l.v[0].name, "Saulės gimnazija");
	dir_org_list_free(&l);
	assert_int_equal(directory_orgs(f->t.db, &guest, NULL, NULL,
	    "silainiai", 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	dir_org_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_checks, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_org_admins_edit_and_members, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_list_order_and_search,
		    setup, tdb_teardown),
	};

	return cmocka_run_group_tests_name("directory_org", tests,
	    ti18n_setup, ti18n_teardown);
}
