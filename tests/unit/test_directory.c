/* directory: profiles as each viewer sees them (owner, member, guest,
 * blocked either way, moderator), hidden and unlisted ones, filters that
 * never match a field the viewer may not see, the Lithuanian order of
 * names, accent-blind search, paging, the limits, tags folded and merged,
 * and the languages' names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/blocks.h"
#include "core/directory.h"
#include "core/inbox.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"
#include "tests/unit/fixture.h"

struct fx {
	struct tdb	t;
	struct actor	olena, jonas, ruta, mod, guest;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory");

	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->mod = tdb_viewer(&f->t, "moderatore", "lt", ROLE_MODERATOR);
	f->guest = actor_guest("lt");
	assert_int_equal(i18n_set_lang("lt"), 0);
	*state = f;
	return 0;
}

/* Olena's profile: bio and languages for everyone, skills wanted only in
 * a mentorship, the rest for members. */
static void
save_olena(struct fx *f)
{
	static const struct dir_lang langs[] = {
		{ "uk", DIR_NATIVE }, { "lt", DIR_BASIC }, { "en", DIR_GOOD },
	};
	static const char *const offers[] = { "Python", "Ukrainian" };
	static const char *const wants[] = { "Lithuanian" };
	struct dir_profile_input in = dir_profile_input_default();

	in.listed = true;
	in.bio = "Programuotoja iš Charkivo; Šiauliai – mano antrieji namai.";
	in.eldership = "silainiai";
	in.langs = langs;
	in.nlangs = 3;
	in.tags[DIR_OFFERS] = offers;
	in.ntags[DIR_OFFERS] = 2;
	in.tags[DIR_WANTS] = wants;
	in.ntags[DIR_WANTS] = 1;
	in.avail = DIR_AV_EVENINGS | DIR_AV_ONLINE;
	in.vis[DIR_F_BIO] = DIR_VIS_EVERYONE;
	in.vis[DIR_F_LANGUAGES] = DIR_VIS_EVERYONE;
	in.vis[DIR_F_WANTS] = DIR_VIS_MENTORSHIP;
	assert_null(directory_profile_save(f->t.db, &f->olena, &in).key);
}

static void
test_visibility_per_field_and_viewer(void **state)
{
	struct fx *f = *state;
	struct dir_profile p;
	int64_t id = f->olena.account_id;

	save_olena(f);
	/* The owner sees everything, with the visibilities. */
	assert_null(directory_profile_get(f->t.db, &f->olena, id, &p).key);
	assert_true(p.own);
	assert_int_equal(p.shown, (1u << DIR_NFIELDS) - 1);
	assert_int_equal(p.ntags[DIR_WANTS], 1);
	assert_int_equal(p.vis[DIR_F_WANTS], DIR_VIS_MENTORSHIP);
	assert_int_equal(p.vis[DIR_F_ELDERSHIP], DIR_VIS_MEMBERS);
	/* A member: all but the skills wanted, which are absent. */
	assert_null(directory_profile_get(f->t.db, &f->jonas, id, &p).key);
	assert_false(p.own);
	assert_string_equal(p.display, "olena");
	assert_string_equal(p.eldership, "silainiai");
	assert_int_equal(p.ntags[DIR_OFFERS], 2);
	assert_string_equal(p.tags[DIR_OFFERS][0].display, "Python");
	assert_int_equal(p.avail, DIR_AV_EVENINGS | DIR_AV_ONLINE);
	assert_false(p.shown & DIR_FIELD_BIT(DIR_F_WANTS));
	assert_int_equal(p.ntags[DIR_WANTS], 0);
	assert_int_equal(p.vis[DIR_F_WANTS], 0);	/* not told */
	/* A guest: only what is for everyone. */
	assert_null(directory_profile_get(f->t.db, &f->guest, id, &p).key);
	assert_int_equal(p.shown, DIR_FIELD_BIT(DIR_F_BIO) |
	    DIR_FIELD_BIT(DIR_F_LANGUAGES));
	assert_non_null(strstr(p.bio, "Charkivo"));
	assert_int_equal(p.nlangs, 3);
	assert_string_equal(p.langs[0].code, "uk");	/* native first */
	assert_string_equal(p.eldership, "");
	assert_int_equal(p.ntags[DIR_OFFERS], 0);
	assert_int_equal(p.avail, 0);
	/* Blocked either way: not there at all. */
	assert_null(blocks_add(f->t.db, &f->olena, f->jonas.account_id).key);
	assert_string_equal(directory_profile_get(f->t.db, &f->jonas, id,
	    &p).key, "error.directory.not_found");
	assert_null(blocks_remove(f->t.db, &f->olena, f->jonas.account_id).key);
	assert_null(blocks_add(f->t.db, &f->jonas, id).key);
	assert_string_equal(directory_profile_get(f->t.db, &f->jonas, id,
	    &p).key, "error.directory.not_found");
	assert_null(directory_profile_get(f->t.db, &f->ruta, id, &p).key);
}

static void
test_unlisted_hidden_suspended(void **state)
{
	struct fx *f = *state;
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_profile p;
	int64_t id = f->ruta.account_id;

	/* Off until turned on; every field for members by default. */
	assert_false(in.listed);
	for (int i = 0; i < DIR_NFIELDS; i++)
		assert_int_equal(in.vis[i], DIR_VIS_MEMBERS);
	in.bio = "Mokytoja";
	assert_null(directory_profile_save(f->t.db, &f->ruta, &in).key);
	assert_string_equal(directory_profile_get(f->t.db, &f->jonas, id,
	    &p).key, "error.directory.not_found");
	assert_null(directory_profile_get(f->t.db, &f->ruta, id, &p).key);
	assert_false(p.listed);
	in.listed = true;
	assert_null(directory_profile_save(f->t.db, &f->ruta, &in).key);
	assert_null(directory_profile_get(f->t.db, &f->jonas, id, &p).key);
	/* Hidden by a moderator, with a reason: gone for others. */
	assert_string_equal(directory_profile_hide(f->t.db, &f->jonas, id,
	    true, "spam").key, "error.directory.not_allowed");
	assert_string_equal(directory_profile_hide(f->t.db, &f->mod, id, true,
	    "").key, "error.directory.reason_length");
	assert_null(directory_profile_hide(f->t.db, &f->mod, id, true,
	    "Reklama").key);
	assert_int_equal(audit_count(f->t.db, "profile_hide"), 1);
	{
		struct inbox_list il;
		char why[64];

		assert_int_equal(inbox_list(f->t.db, &f->ruta, 0, 5, &il), 0);
		assert_int_equal(il.n, 1);
		assert_string_equal(il.v[0].kind, "directory.hidden");
		assert_string_equal(inbox_arg(&il.v[0], "message", why,
		    sizeof why), "Reklama");
		assert_int_equal(il.v[0].actor_id, 0);	/* not by whom */
		inbox_list_free(&il);
	}
	assert_string_equal(directory_profile_get(f->t.db, &f->jonas, id,
	    &p).key, "error.directory.not_found");
	assert_null(directory_profile_get(f->t.db, &f->mod, id, &p).key);
	assert_true(p.hidden);
	assert_null(directory_profile_get(f->t.db, &f->ruta, id, &p).key);
	assert_true(p.hidden);
	assert_null(directory_profile_hide(f->t.db, &f->mod, id, false,
	    NULL).key);
	assert_null(directory_profile_get(f->t.db, &f->jonas, id, &p).key);
	/* Suspended: gone, and cannot edit. */
	assert_int_equal(account_suspend(f->t.db, id, ACCOUNT_SUSPEND_FOREVER,
	    "x"), 0);
	assert_string_equal(directory_profile_get(f->t.db, &f->jonas, id,
	    &p).key, "error.directory.not_found");
	assert_string_equal(directory_profile_save(f->t.db, &f->ruta,
	    &in).key, "error.directory.suspended");
	assert_string_equal(directory_profile_save(f->t.db, &f->guest,
	    &in).key, "error.directory.guest");
}

static void
test_limits(void **state)
{
	struct fx *f = *state;
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_lang bad = { "xx", DIR_GOOD }, ar = { "ar", DIR_NATIVE };
	const char *many[DIR_TAGS_MAX + 1], *empty[] = { "  " };
	char *bio = malloc(DIR_BIO_MAX + 2);
	struct core_error e;

	memset(bio, 'a', DIR_BIO_MAX + 1);
	bio[DIR_BIO_MAX + 1] = '\0';
	in.bio = bio;
	e = directory_profile_save(f->t.db, &f->jonas, &in);
	assert_string_equal(e.key, "error.directory.bio_length");
	assert_string_equal(e.field, "bio");
	assert_int_equal(e.arg, DIR_BIO_MAX);
	bio[DIR_BIO_MAX] = '\0';	/* exactly the limit: fine */
	assert_null(directory_profile_save(f->t.db, &f->jonas, &in).key);
	free(bio);
	in.bio = "";
	in.eldership = "vilnius";
	assert_string_equal(directory_profile_save(f->t.db, &f->jonas,
	    &in).key, "error.directory.eldership");
	in.eldership = DIR_OUTSIDE;
	assert_null(directory_profile_save(f->t.db, &f->jonas, &in).key);
	in.langs = &bad;
	in.nlangs = 1;
	assert_string_equal(directory_profile_save(f->t.db, &f->jonas,
	    &in).key, "error.directory.language");
	in.langs = &ar;	/* any language people speak, not only the site's */
	assert_null(directory_profile_save(f->t.db, &f->jonas, &in).key);
	for (int i = 0; i <= DIR_TAGS_MAX; i++)
		many[i] = "kalbos";
	in.tags[DIR_INTERESTS] = many;
	in.ntags[DIR_INTERESTS] = DIR_TAGS_MAX + 1;
	e = directory_profile_save(f->t.db, &f->jonas, &in);
	assert_string_equal(e.key, "error.directory.tags");
	assert_string_equal(e.field, "interests");
	in.ntags[DIR_INTERESTS] = 0;
	in.tags[DIR_OFFERS] = empty;
	in.ntags[DIR_OFFERS] = 1;
	e = directory_profile_save(f->t.db, &f->jonas, &in);
	assert_string_equal(e.key, "error.directory.tag");
	assert_string_equal(e.field, "offers");
	in.ntags[DIR_OFFERS] = 0;
	in.mentors = true;
	in.max_mentees = 0;
	assert_string_equal(directory_profile_save(f->t.db, &f->jonas,
	    &in).key, "error.directory.mentees");
	in.max_mentees = DIR_MENTEES_MAX;
	assert_null(directory_profile_save(f->t.db, &f->jonas, &in).key);
}

/* A listed profile for a new member with this display name. */
static struct actor
listed(struct fx *f, const char *name, const char *display,
    const char *eldership)
{
	struct actor a;
	struct account acc;
	struct dir_profile_input in = dir_profile_input_default();
	static const struct dir_lang lt = { "lt", DIR_NATIVE };

	tdb_account(&f->t, name, display, "lt", ROLE_MEMBER);
	assert_int_equal(account_by_name(f->t.db, name, &acc), 0);
	a = actor_account(&acc, "lt", 0);
	in.listed = true;
	in.eldership = eldership;
	in.langs = &lt;
	in.nlangs = 1;
	assert_null(directory_profile_save(f->t.db, &a, &in).key);
	return a;
}

static void
test_lithuanian_order_search_and_pages(void **state)
{
	struct fx *f = *state;
	struct dir_person_list l;
	struct dir_filter flt;
	static const char *const lt_order[] = { "Cibulskis", "Čepas",
		"Dainius", "Sabonis", "Šimkus", "Žukas" };

	listed(f, "simkus", "Šimkus", "centras");
	listed(f, "sabonis", "Sabonis", "centras");
	listed(f, "cepas", "Čepas", "dainava");
	listed(f, "cibulskis", "Cibulskis", "centras");
	listed(f, "zukas", "Žukas", "dainava");
	listed(f, "dainius", "Dainius", "centras");
	assert_int_equal(directory_find(f->t.db, &f->jonas, NULL, 0, 50, &l),
	    0);
	assert_int_equal(l.n, 6);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.v[i].display, lt_order[i]);
	assert_false(l.more);
	dir_person_list_free(&l);
	/* In English the accents come second: Čepas before Cibulskis. */
	assert_int_equal(i18n_set_lang("en"), 0);
	assert_int_equal(directory_find(f->t.db, &f->jonas, NULL, 0, 2, &l),
	    0);
	assert_string_equal(l.v[0].display, "Čepas");
	assert_string_equal(l.v[1].display, "Cibulskis");
	assert_true(l.more);
	dir_person_list_free(&l);
	assert_int_equal(i18n_set_lang("lt"), 0);
	/* The next page goes on in order. */
	assert_int_equal(directory_find(f->t.db, &f->jonas, NULL, 4, 2, &l),
	    0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].display, "Šimkus");
	assert_false(l.more);
	dir_person_list_free(&l);
	/* Without case or accents, by name and by bio. */
	memset(&flt, 0, sizeof flt);
	flt.query = "SIMKUS";
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].display, "Šimkus");
	dir_person_list_free(&l);
	save_olena(f);
	flt.query = "siauliai";
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].display, "olena");
	dir_person_list_free(&l);
	/* By eldership. */
	memset(&flt, 0, sizeof flt);
	flt.eldership = "dainava";
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].display, "Čepas");
	assert_string_equal(l.v[1].display, "Žukas");
	dir_person_list_free(&l);
}

static void
test_filters_see_only_visible_fields(void **state)
{
	struct fx *f = *state;
	struct dir_person_list l;
	struct dir_filter flt;

	save_olena(f);
	memset(&flt, 0, sizeof flt);
	/* Skills offered are for members: a guest's filter finds nothing,
	 * a member's finds her. */
	flt.tag_id = dir_tag_find(f->t.db, "PYTHON");
	assert_true(flt.tag_id != 0);
	flt.tag_kind = DIR_OFFERS;
	assert_int_equal(directory_find(f->t.db, &f->guest, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 0);
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	/* The guest sees the listing, but not her eldership. */
	dir_person_list_free(&l);
	assert_int_equal(directory_find(f->t.db, &f->guest, NULL, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].eldership, "");
	dir_person_list_free(&l);
	/* Skills wanted only in a mentorship: no member finds them. */
	flt.tag_id = dir_tag_find(f->t.db, "lithuanian");
	flt.tag_kind = DIR_WANTS;
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 0);
	/* Languages for everyone: the guest finds her by Ukrainian. */
	memset(&flt, 0, sizeof flt);
	flt.lang = "uk";
	assert_int_equal(directory_find(f->t.db, &f->guest, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	dir_person_list_free(&l);
	/* Availability for members: all bits asked must be there. */
	memset(&flt, 0, sizeof flt);
	flt.avail = DIR_AV_EVENINGS;
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	dir_person_list_free(&l);
	flt.avail = DIR_AV_EVENINGS | DIR_AV_WEEKENDS;
	assert_int_equal(directory_find(f->t.db, &f->jonas, &flt, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 0);
	assert_int_equal(directory_find(f->t.db, &f->guest, NULL, 0, 10, &l),
	    0);
	dir_person_list_free(&l);
}

static void
test_blocked_never_listed(void **state)
{
	struct fx *f = *state;
	struct dir_person_list l;
	struct actor cepas = listed(f, "cepas", "Čepas", "centras");

	save_olena(f);
	assert_null(blocks_add(f->t.db, &f->olena, cepas.account_id).key);
	/* Not to the one she blocked, nor he to her. */
	assert_int_equal(directory_find(f->t.db, &cepas, NULL, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].display, "Čepas");
	dir_person_list_free(&l);
	assert_int_equal(directory_find(f->t.db, &f->olena, NULL, 0, 10, &l),
	    0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].display, "olena");
	dir_person_list_free(&l);
	/* A third sees both. */
	assert_int_equal(directory_find(f->t.db, &f->ruta, NULL, 0, 10, &l), 0);
	assert_int_equal(l.n, 2);
	dir_person_list_free(&l);
}

static void
test_tags_fold_and_merge(void **state)
{
	struct fx *f = *state;
	static const char *const a[] = { "Python", "pythonas" };
	static const char *const b[] = { "python" };
	static const char *const c[] = { "PYTHON", "Kalbos" };
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_tag_list tl;
	struct dir_profile p;
	int64_t py;

	in.tags[DIR_OFFERS] = a;
	in.ntags[DIR_OFFERS] = 2;
	assert_null(directory_profile_save(f->t.db, &f->olena, &in).key);
	in.tags[DIR_OFFERS] = b;
	in.ntags[DIR_OFFERS] = 1;
	assert_null(directory_profile_save(f->t.db, &f->jonas, &in).key);
	in.tags[DIR_INTERESTS] = c;
	in.ntags[DIR_INTERESTS] = 2;
	in.ntags[DIR_OFFERS] = 0;
	assert_null(directory_profile_save(f->t.db, &f->ruta, &in).key);
	/* One tag, spelt as first written. */
	py = dir_tag_find(f->t.db, "pYtHoN");
	assert_true(py != 0);
	assert_int_equal(dir_tag_find(f->t.db, "python"), py);
	assert_int_equal(dir_tag_list(f->t.db, NULL, 0, 10, &tl), 0);
	assert_int_equal(tl.n, 3);
	assert_string_equal(tl.v[0].display, "Kalbos");
	assert_string_equal(tl.v[1].display, "Python");
	assert_int_equal(tl.v[1].uses, 3);
	assert_string_equal(tl.v[2].display, "pythonas");
	dir_tag_list_free(&tl);
	/* Merging: only moderators; every use moves, none twice. */
	assert_string_equal(directory_tag_merge(f->t.db, &f->jonas, "pythonas",
	    "Python").key, "error.directory.not_allowed");
	assert_string_equal(directory_tag_merge(f->t.db, &f->mod, "nera",
	    "Python").key, "error.directory.not_found");
	assert_null(directory_tag_merge(f->t.db, &f->mod, "pythonas",
	    "python").key);
	assert_int_equal(audit_count(f->t.db, "tag_merge"), 1);
	assert_int_equal(dir_tag_find(f->t.db, "pythonas"), 0);
	assert_int_equal(dir_tag_list(f->t.db, "PYT", 0, 10, &tl), 0);
	assert_int_equal(tl.n, 1);
	assert_string_equal(tl.v[0].display, "Python");
	assert_int_equal(tl.v[0].uses, 3);
	dir_tag_list_free(&tl);
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    f->olena.account_id, &p).key);
	assert_int_equal(p.ntags[DIR_OFFERS], 1);
	/* A merge into a new spelling renames. */
	assert_null(directory_tag_merge(f->t.db, &f->mod, "kalbos",
	    "Kalbų mokymasis").key);
	assert_int_equal(dir_tag_find(f->t.db, "kalbų mokymasis"),
	    dir_tag_find(f->t.db, "KALBŲ MOKYMASIS"));
	assert_true(dir_tag_find(f->t.db, "Kalbų mokymasis") != 0);
	assert_int_equal(dir_tag_find(f->t.db, "kalbos"), 0);
}

static void
test_language_names(void **state)
{
	char *s;

	(void)state;
	assert_true(i18n_language_known("fa"));
	assert_false(i18n_language_known("xx"));
	assert_false(i18n_language_known("ukr"));
	assert_int_equal(i18n_set_lang("lt"), 0);
	s = i18n_language_name("uk");
	assert_string_equal(s, "ukrainiečių");
	free(s);
	assert_int_equal(i18n_set_lang("en"), 0);
	s = i18n_language_name("uk");
	assert_string_equal(s, "Ukrainian");
	free(s);
	assert_null(i18n_language_name("xx"));
	assert_int_equal(i18n_set_lang("lt"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_visibility_per_field_and_viewer, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_unlisted_hidden_suspended,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_lithuanian_order_search_and_pages, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(
		    test_filters_see_only_visible_fields, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_blocked_never_listed,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_tags_fold_and_merge, setup,
		    tdb_teardown),
		cmocka_unit_test(test_language_names),
	};

	return cmocka_run_group_tests_name("directory", tests, ti18n_setup,
	    ti18n_teardown);
}
