/* directory suggestions: the order of the matches and the reasons given,
 * a shared language required, nobody blocked either way, suspended,
 * unlisted or the viewer, and a skill the viewer may not see never
 * counted; none for a guest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/blocks.h"
#include "core/demo.h"
#include "core/directory.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

struct fx {
	struct tdb	t;
	struct actor	olena;
};

struct person {
	const char	*name;
	const char	*eldership;
	const char	*langs[3];
	const char	*offers[2];
	const char	*interests[2];
	unsigned	 avail;
	int		 mentees;	/* 0: not a mentor */
	enum dir_vis	 offers_vis;
};

static struct actor
make(struct fx *f, const struct person *d, bool listed)
{
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_lang langs[3];
	struct account acc;
	struct actor a;
	int n;

	tdb_account(&f->t, d->name, d->name, "lt", ROLE_MEMBER);
	assert_int_equal(account_by_name(f->t.db, d->name, &acc), 0);
	a = actor_account(&acc, "lt", 0);
	for (n = 0; n < 3 && d->langs[n] != NULL; n++) {
		snprintf(langs[n].code, sizeof langs[n].code, "%s", d->langs[n]);
		langs[n].level = n == 0 ? DIR_NATIVE : DIR_GOOD;
	}
	in.listed = listed;
	in.eldership = d->eldership;
	in.langs = langs;
	in.nlangs = n;
	in.tags[DIR_OFFERS] = d->offers;
	in.ntags[DIR_OFFERS] = d->offers[0] == NULL ? 0 : d->offers[1] ==
	    NULL ? 1 : 2;
	in.tags[DIR_INTERESTS] = d->interests;
	in.ntags[DIR_INTERESTS] = d->interests[0] == NULL ? 0 : 1;
	in.avail = d->avail;
	in.mentors = d->mentees > 0;
	in.max_mentees = d->mentees;
	in.vis[DIR_F_OFFERS] = d->offers_vis;
	assert_null(directory_profile_save(f->t.db, &a, &in).key);
	return a;
}

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory_match");
	static const char *const wants[] = { "lietuvių kalba" };
	static const char *const interests[] = { "Šachmatai" };
	static const struct dir_lang langs[] = {
		{ "uk", DIR_NATIVE }, { "lt", DIR_BASIC },
	};
	struct dir_profile_input in = dir_profile_input_default();

	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	in.eldership = "silainiai";
	in.langs = langs;
	in.nlangs = 2;
	in.tags[DIR_WANTS] = wants;
	in.ntags[DIR_WANTS] = 1;
	in.tags[DIR_INTERESTS] = interests;
	in.ntags[DIR_INTERESTS] = 1;
	in.avail = DIR_AV_EVENINGS | DIR_AV_ONLINE;
	/* The viewer need not be listed to be suggested to. */
	assert_null(directory_profile_save(f->t.db, &f->olena, &in).key);
	assert_int_equal(i18n_set_lang("lt"), 0);
	*state = f;
	return 0;
}

static const struct person teacher = { "ruta", "silainiai", { "lt", "uk" },
	{ "Lietuvių kalba", "Matematika" }, { NULL }, DIR_AV_EVENINGS |
	DIR_AV_WEEKENDS, 3, DIR_VIS_MEMBERS };
static const struct person peer = { "jonas", "centras", { "lt" },
	{ "LIETUVIŲ KALBA" }, { NULL }, DIR_AV_WEEKENDS, 0, DIR_VIS_MEMBERS };
static const struct person chess = { "ana", "dainava", { "en", "uk" },
	{ NULL }, { "šachmatai" }, DIR_AV_ONLINE, 0, DIR_VIS_MEMBERS };
static const struct person no_language = { "hans", "silainiai", { "de" },
	{ "lietuvių kalba" }, { NULL }, DIR_AV_EVENINGS, 2, DIR_VIS_MEMBERS };
static const struct person secret = { "vytas", "silainiai", { "lt" },
	{ "lietuvių kalba" }, { NULL }, DIR_AV_EVENINGS, 2,
	DIR_VIS_MENTORSHIP };
static const struct person unlisted = { "egle", "silainiai", { "lt" },
	{ "lietuvių kalba" }, { NULL }, DIR_AV_EVENINGS, 2, DIR_VIS_MEMBERS };

static void
test_order_and_reasons(void **state)
{
	struct fx *f = *state;
	struct dir_suggestion_list l;
	const struct dir_suggestion *s;
	struct actor guest = actor_guest("lt");

	make(f, &peer, true);
	make(f, &chess, true);
	make(f, &teacher, true);
	make(f, &no_language, true);
	make(f, &secret, true);
	make(f, &unlisted, false);
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	/* Ana shares an interest only: the skills wanted rank. */
	assert_int_equal(l.n, 2);
	assert_false(l.more);
	/* The mentor who teaches Lithuanian, speaks Ukrainian, lives in
	 * Šilainiai and has evenings: 4 + 2 + 2 + 1. */
	s = &l.v[0];
	assert_string_equal(s->person.display, "ruta");
	assert_int_equal(s->score, 9);
	assert_int_equal(s->nreasons, 6);
	assert_int_equal(s->reasons[0].kind, DIR_R_TEACHES);
	assert_string_equal(s->reasons[0].code, "lietuvių kalba");
	assert_int_equal(s->reasons[1].kind, DIR_R_SPEAKS);
	assert_string_equal(s->reasons[1].code, "lt");	/* her native */
	assert_int_equal(s->reasons[2].kind, DIR_R_SPEAKS);
	assert_string_equal(s->reasons[2].code, "uk");
	assert_int_equal(s->reasons[3].kind, DIR_R_ELDERSHIP);
	assert_string_equal(s->reasons[3].code, "silainiai");
	assert_int_equal(s->reasons[4].kind, DIR_R_AVAILABLE);
	assert_string_equal(s->reasons[4].code, "evenings");
	assert_int_equal(s->reasons[5].kind, DIR_R_MENTORS);
	/* A peer who teaches it too, in Lithuanian only. */
	s = &l.v[1];
	assert_string_equal(s->person.display, "jonas");
	assert_int_equal(s->score, 4);
	assert_int_equal(s->nreasons, 2);
	assert_int_equal(s->reasons[0].kind, DIR_R_TEACHES);
	assert_int_equal(s->reasons[1].kind, DIR_R_SPEAKS);
	dir_suggestion_list_free(&l);
	/* Pages. */
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.more);
	assert_string_equal(l.v[0].person.display, "ruta");
	dir_suggestion_list_free(&l);
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 1, 1, &l), 0);
	assert_int_equal(l.n, 1);
	assert_false(l.more);
	assert_string_equal(l.v[0].person.display, "jonas");
	dir_suggestion_list_free(&l);
	assert_int_equal(directory_suggest(f->t.db, &guest, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
}

/* Wanting no skill, one is offered peers who share an interest, with
 * the skills they teach not counted. */
static void
test_peers_by_interest(void **state)
{
	struct fx *f = *state;
	static const char *const interests[] = { "ŠACHMATAI" };
	static const struct dir_lang uk = { "uk", DIR_NATIVE };
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_suggestion_list l;
	const struct dir_suggestion *s;

	make(f, &chess, true);
	make(f, &teacher, true);
	in.langs = &uk;
	in.nlangs = 1;
	in.avail = DIR_AV_ONLINE;
	in.tags[DIR_INTERESTS] = interests;
	in.ntags[DIR_INTERESTS] = 1;
	assert_null(directory_profile_save(f->t.db, &f->olena, &in).key);
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	s = &l.v[0];
	assert_string_equal(s->person.display, "ana");
	assert_int_equal(s->score, 3);	/* 2 + online */
	assert_int_equal(s->nreasons, 3);
	assert_int_equal(s->reasons[0].kind, DIR_R_INTEREST);
	assert_string_equal(s->reasons[0].code, "Šachmatai");
	assert_int_equal(s->reasons[1].kind, DIR_R_SPEAKS);
	assert_string_equal(s->reasons[1].code, "uk");
	assert_int_equal(s->reasons[2].kind, DIR_R_AVAILABLE);
	assert_string_equal(s->reasons[2].code, "online");
	dir_suggestion_list_free(&l);
}

static void
test_never_blocked_or_suspended(void **state)
{
	struct fx *f = *state;
	struct dir_suggestion_list l;
	struct actor ruta = make(f, &teacher, true);
	struct actor jonas = make(f, &peer, true);

	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_int_equal(l.n, 2);	/* the positive control */
	dir_suggestion_list_free(&l);
	/* Blocked by her, or blocking her: gone. */
	assert_null(blocks_add(f->t.db, &ruta, f->olena.account_id).key);
	assert_null(blocks_add(f->t.db, &f->olena, jonas.account_id).key);
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);
	assert_null(blocks_remove(f->t.db, &ruta, f->olena.account_id).key);
	assert_null(blocks_remove(f->t.db, &f->olena, jonas.account_id).key);
	assert_int_equal(account_suspend(f->t.db, ruta.account_id,
	    ACCOUNT_SUSPEND_FOREVER, "x"), 0);
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].person.display, "jonas");
	dir_suggestion_list_free(&l);
	/* Never oneself, listed and teaching what she wants. */
	{
		static const char *const tag[] = { "lietuvių kalba" };
		static const struct dir_lang uk = { "uk", DIR_NATIVE };
		struct dir_profile_input in = dir_profile_input_default();

		in.listed = true;
		in.langs = &uk;
		in.nlangs = 1;
		in.tags[DIR_OFFERS] = in.tags[DIR_WANTS] = tag;
		in.ntags[DIR_OFFERS] = in.ntags[DIR_WANTS] = 1;
		assert_null(directory_profile_save(f->t.db, &f->olena,
		    &in).key);
	}
	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);	/* Jonas speaks no Ukrainian */
	assert_int_equal(directory_suggest(f->t.db, &jonas, 0, 10, &l), 0);
	assert_int_equal(l.n, 0);	/* he wants nothing */
}

static int
setup_demo(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory_demo");
	FILE *out = fopen("/dev/null", "w");
	struct account acc;

	assert_non_null(out);
	assert_int_equal(demo_fill(f->t.db, out), 0);
	fclose(out);
	assert_int_equal(account_by_name(f->t.db, "olena", &acc), 0);
	f->olena = actor_account(&acc, "uk", 0);
	assert_int_equal(i18n_set_lang("uk"), 0);
	*state = f;
	return 0;
}

/* The demo's newcomer is offered its Ukrainian-speaking Lithuanian
 * teacher first, and they are in a mentorship already. */
static void
test_demo(void **state)
{
	struct fx *f = *state;
	struct dir_suggestion_list l;
	struct dir_profile p;
	bool uk = false;

	assert_int_equal(directory_suggest(f->t.db, &f->olena, 0, 10, &l), 0);
	assert_true(l.n >= 1);
	assert_string_equal(l.v[0].person.display, "Rūta Petraitienė");
	assert_int_equal(l.v[0].reasons[0].kind, DIR_R_TEACHES);
	assert_string_equal(l.v[0].reasons[0].code, "Lietuvių kalba");
	for (int i = 0; i < l.v[0].nreasons; i++)
		uk |= l.v[0].reasons[i].kind == DIR_R_SPEAKS &&
		    strcmp(l.v[0].reasons[i].code, "uk") == 0;
	assert_true(uk);
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    l.v[0].person.account_id, &p).key);
	assert_int_equal(p.mentorship_state, DIR_MS_ACTIVE);
	dir_suggestion_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_order_and_reasons, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_peers_by_interest, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_never_blocked_or_suspended,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo, setup_demo,
		    tdb_teardown),
	};

	return cmocka_run_group_tests_name("directory_match", tests,
	    ti18n_setup, ti18n_teardown);
}
