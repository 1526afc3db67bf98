/* directory mentorships: request, accept, decline and end, each told to
 * the other side in the inbox; one open request per pair; blocked either
 * way refused; a mentor's limit counted when asking and accepting and
 * keeping a full mentor out of the suggestions; fields for mentorship
 * only seen by the mentee while it is active; the reflection kept and
 * exported. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "common/strbuf.h"
#include "core/actor.h"
#include "core/blocks.h"
#include "core/directory.h"
#include "core/domain.h"
#include "core/inbox.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"

struct fx {
	struct tdb	t;
	struct actor	ruta, olena, jonas, ana;
};

/* Rūta teaches Lithuanian to one mentee at most; her availability only
 * to her mentees. */
static void
ruta_profile(struct fx *f, int max)
{
	static const char *const offers[] = { "lietuvių kalba" };
	static const struct dir_lang langs[] = {
		{ "lt", DIR_NATIVE }, { "uk", DIR_GOOD },
	};
	struct dir_profile_input in = dir_profile_input_default();

	in.listed = true;
	in.langs = langs;
	in.nlangs = 2;
	in.tags[DIR_OFFERS] = offers;
	in.ntags[DIR_OFFERS] = 1;
	in.avail = DIR_AV_EVENINGS;
	in.vis[DIR_F_AVAIL] = DIR_VIS_MENTORSHIP;
	in.mentors = true;
	in.max_mentees = max;
	assert_null(directory_profile_save(f->t.db, &f->ruta, &in).key);
}

/* A member who wants Lithuanian and speaks Ukrainian. */
static void
learner(struct fx *f, const struct actor *a)
{
	static const char *const wants[] = { "Lietuvių kalba" };
	static const struct dir_lang uk = { "uk", DIR_NATIVE };
	struct dir_profile_input in = dir_profile_input_default();

	in.langs = &uk;
	in.nlangs = 1;
	in.tags[DIR_WANTS] = wants;
	in.ntags[DIR_WANTS] = 1;
	assert_null(directory_profile_save(f->t.db, a, &in).key);
}

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "directory_mentor");

	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->ana = tdb_viewer(&f->t, "ana", "uk", ROLE_MEMBER);
	ruta_profile(f, 1);
	learner(f, &f->olena);
	learner(f, &f->ana);
	assert_int_equal(i18n_set_lang("lt"), 0);
	*state = f;
	return 0;
}

/* The kind of the newest entry in a's inbox, "" when none. */
static const char *
newest_notice(struct fx *f, const struct actor *a, char *buf, size_t sz)
{
	struct inbox_list l;

	assert_int_equal(inbox_list(f->t.db, a, 0, 1, &l), 0);
	snprintf(buf, sz, "%s", l.n > 0 ? l.v[0].kind : "");
	inbox_list_free(&l);
	return buf;
}

static void
test_request_accept_end(void **state)
{
	struct fx *f = *state;
	struct dir_mentorship_list ml;
	struct dir_profile p;
	json_t *doc, *ms;
	char kind[64];
	int64_t id, other;

	/* Before: her availability is kept from Olena. */
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    f->ruta.account_id, &p).key);
	assert_false(p.shown & DIR_FIELD_BIT(DIR_F_AVAIL));
	assert_int_equal(p.avail, 0);
	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Sveiki! Norėčiau mokytis lietuvių kalbos.",
	    &id).key);
	assert_string_equal(newest_notice(f, &f->ruta, kind, sizeof kind),
	    "directory.requested");
	assert_int_equal(directory_mentor_waiting(f->t.db, &f->ruta), 1);
	assert_int_equal(directory_mentor_waiting(f->t.db, &f->olena), 0);
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    f->ruta.account_id, &p).key);
	assert_int_equal(p.mentorship_id, id);
	assert_int_equal(p.mentorship_state, DIR_MS_REQUESTED);
	/* No second open request; only the mentor answers. */
	assert_string_equal(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Dar kartą", &other).key,
	    "error.directory.request_open");
	assert_string_equal(directory_mentor_answer(f->t.db, &f->olena, id,
	    true, NULL).key, "error.directory.not_found");
	assert_string_equal(directory_mentor_end(f->t.db, &f->olena, id,
	    NULL).key, "error.directory.state");
	assert_null(directory_mentor_answer(f->t.db, &f->ruta, id, true,
	    "Mielai!").key);
	assert_string_equal(newest_notice(f, &f->olena, kind, sizeof kind),
	    "directory.accepted");
	assert_string_equal(directory_mentor_answer(f->t.db, &f->ruta, id,
	    false, NULL).key, "error.directory.state");
	/* Now her mentee sees what is for mentorship only; nobody else. */
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    f->ruta.account_id, &p).key);
	assert_true(p.shown & DIR_FIELD_BIT(DIR_F_AVAIL));
	assert_int_equal(p.avail, DIR_AV_EVENINGS);
	assert_int_equal(p.active_mentees, 1);
	assert_null(directory_profile_get(f->t.db, &f->jonas,
	    f->ruta.account_id, &p).key);
	assert_false(p.shown & DIR_FIELD_BIT(DIR_F_AVAIL));
	/* Both sides list it. */
	assert_int_equal(directory_mentorships(f->t.db, &f->ruta, 0, 10, &ml),
	    0);
	assert_int_equal(ml.n, 1);
	assert_true(ml.v[0].viewer_is_mentor);
	assert_int_equal(ml.v[0].other_id, f->olena.account_id);
	assert_int_equal(ml.v[0].state, DIR_MS_ACTIVE);
	assert_string_equal(ml.v[0].answer, "Mielai!");
	dir_mentorship_list_free(&ml);
	assert_int_equal(directory_mentorships(f->t.db, &f->olena, 0, 10, &ml),
	    0);
	assert_int_equal(ml.n, 1);
	assert_false(ml.v[0].viewer_is_mentor);
	dir_mentorship_list_free(&ml);
	/* Ended by the mentee with a reflection, told to the mentor. */
	assert_string_equal(directory_mentor_end(f->t.db, &f->jonas, id,
	    NULL).key, "error.directory.not_found");
	assert_null(directory_mentor_end(f->t.db, &f->olena, id,
	    "Išmokau skaityti laikraštį.").key);
	assert_string_equal(newest_notice(f, &f->ruta, kind, sizeof kind),
	    "directory.ended");
	assert_string_equal(directory_mentor_end(f->t.db, &f->ruta, id,
	    NULL).key, "error.directory.state");
	assert_null(directory_profile_get(f->t.db, &f->olena,
	    f->ruta.account_id, &p).key);
	assert_false(p.shown & DIR_FIELD_BIT(DIR_F_AVAIL));
	assert_int_equal(p.mentorship_id, 0);
	assert_int_equal(audit_count(f->t.db, "mentor_request"), 1);
	assert_int_equal(audit_count(f->t.db, "mentor_accept"), 1);
	assert_int_equal(audit_count(f->t.db, "mentor_end"), 1);
	/* The reflection is kept, and is the mentee's to take away. */
	doc = tex_export(f->t.db, f->olena.account_id);
	ms = json_array_get(tex_part(doc, "directory", "mentorships"), 0);
	assert_non_null(ms);
	assert_int_equal(tex_int(ms, "id"), id);
	assert_string_equal(tex_str(ms, "my_side"), "mentee");
	assert_string_equal(tex_str(ms, "other_name"), "ruta");
	assert_string_equal(tex_str(ms, "state"), "ended");
	assert_string_equal(tex_str(ms, "my_reflection"),
	    "Išmokau skaityti laikraštį.");
	json_decref(doc);
	/* The mentor's export does not hold the mentee's reflection. */
	doc = tex_export(f->t.db, f->ruta.account_id);
	ms = json_array_get(tex_part(doc, "directory", "mentorships"), 0);
	assert_string_equal(tex_str(ms, "my_side"), "mentor");
	assert_string_equal(tex_str(ms, "my_reflection"), "");
	assert_false(tex_contains(doc, "laikra"));
	json_decref(doc);
	/* Once ended, a new request may be made. */
	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Vėl sveiki", &other).key);
}

static void
test_refusals_and_decline(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");
	char kind[64];
	int64_t id;

	assert_string_equal(directory_mentor_request(f->t.db, &guest,
	    f->ruta.account_id, "x", &id).key, "error.directory.guest");
	assert_string_equal(directory_mentor_request(f->t.db, &f->ruta,
	    f->ruta.account_id, "x", &id).key, "error.directory.self");
	/* Olena has a profile, but offers no mentoring; Jonas none. */
	assert_string_equal(directory_mentor_request(f->t.db, &f->ruta,
	    f->olena.account_id, "x", &id).key, "error.directory.not_found");
	learner(f, &f->jonas);
	{
		struct dir_profile_input in = dir_profile_input_default();

		in.listed = true;
		assert_null(directory_profile_save(f->t.db, &f->jonas,
		    &in).key);
	}
	assert_string_equal(directory_mentor_request(f->t.db, &f->ruta,
	    f->jonas.account_id, "x", &id).key, "error.directory.not_mentor");
	assert_string_equal(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, " \n ", &id).key,
	    "error.directory.message_length");
	/* Blocked either way, the same refusal. */
	assert_null(blocks_add(f->t.db, &f->ruta, f->olena.account_id).key);
	assert_string_equal(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas", &id).key, "error.directory.blocked");
	assert_null(blocks_remove(f->t.db, &f->ruta, f->olena.account_id).key);
	assert_null(blocks_add(f->t.db, &f->olena, f->ruta.account_id).key);
	assert_string_equal(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas", &id).key, "error.directory.blocked");
	assert_null(blocks_remove(f->t.db, &f->olena, f->ruta.account_id).key);
	/* A request made before a block cannot be accepted after it. */
	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas", &id).key);
	assert_null(blocks_add(f->t.db, &f->olena, f->ruta.account_id).key);
	assert_string_equal(directory_mentor_answer(f->t.db, &f->ruta, id,
	    true, NULL).key, "error.directory.blocked");
	/* Declining stays possible, and is told. */
	assert_null(directory_mentor_answer(f->t.db, &f->ruta, id, false,
	    "Šiuo metu negaliu.").key);
	assert_string_equal(newest_notice(f, &f->olena, kind, sizeof kind),
	    "directory.declined");
	assert_int_equal(directory_mentor_waiting(f->t.db, &f->ruta), 0);
	/* A request not yet answered is withdrawn by the one who asked. */
	assert_null(blocks_remove(f->t.db, &f->olena, f->ruta.account_id).key);
	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas dar kartą", &id).key);
	assert_string_equal(directory_mentor_withdraw(f->t.db, &f->ruta,
	    id).key, "error.directory.not_found");
	assert_null(directory_mentor_withdraw(f->t.db, &f->olena, id).key);
	assert_string_equal(newest_notice(f, &f->ruta, kind, sizeof kind),
	    "directory.withdrawn");
	assert_int_equal(directory_mentor_waiting(f->t.db, &f->ruta), 0);
	assert_string_equal(directory_mentor_answer(f->t.db, &f->ruta, id,
	    true, NULL).key, "error.directory.state");
	assert_string_equal(directory_mentor_withdraw(f->t.db, &f->olena,
	    id).key, "error.directory.state");
}

static void
test_mentor_limit(void **state)
{
	struct fx *f = *state;
	struct dir_suggestion_list sl;
	int64_t a, b;

	/* Both may ask while a place is free... */
	assert_int_equal(directory_suggest(f->t.db, &f->ana, 0, 10, &sl), 0);
	assert_int_equal(sl.n, 1);
	assert_string_equal(sl.v[0].person.display, "ruta");
	dir_suggestion_list_free(&sl);
	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas", &a).key);
	assert_null(directory_mentor_request(f->t.db, &f->ana,
	    f->ruta.account_id, "Laba diena", &b).key);
	/* ...but only one is accepted, */
	assert_null(directory_mentor_answer(f->t.db, &f->ruta, a, true,
	    NULL).key);
	assert_string_equal(directory_mentor_answer(f->t.db, &f->ruta, b, true,
	    NULL).key, "error.directory.mentor_full");
	assert_null(directory_mentor_answer(f->t.db, &f->ruta, b, false,
	    NULL).key);
	/* and a full mentor is neither asked nor suggested. */
	assert_string_equal(directory_mentor_request(f->t.db, &f->ana,
	    f->ruta.account_id, "Gal vis dėlto?", &b).key,
	    "error.directory.mentor_full");
	assert_int_equal(directory_suggest(f->t.db, &f->ana, 0, 10, &sl), 0);
	assert_int_equal(sl.n, 0);
	/* A place more, and she is back. */
	ruta_profile(f, 2);
	assert_int_equal(directory_suggest(f->t.db, &f->ana, 0, 10, &sl), 0);
	assert_int_equal(sl.n, 1);
	dir_suggestion_list_free(&sl);
	assert_null(directory_mentor_request(f->t.db, &f->ana,
	    f->ruta.account_id, "Gal vis dėlto?", &b).key);
}

/* Erasing an account takes its profile, its tags' uses and its
 * mentorships (both sides' record of them) and leaves the vocabulary. */
static void
test_erasure(void **state)
{
	struct fx *f = *state;
	struct dir_mentorship_list ml;
	struct dir_tag_list tl;
	int64_t id;

	assert_null(directory_mentor_request(f->t.db, &f->olena,
	    f->ruta.account_id, "Labas", &id).key);
	assert_null(directory_mentor_answer(f->t.db, &f->ruta, id, true,
	    NULL).key);
	assert_int_equal(dir_tag_list(f->t.db, "lietuvių", 0, 10, &tl), 0);
	assert_int_equal(tl.n, 1);
	assert_int_equal(tl.v[0].uses, 3);	/* Rūta, Olena, Ana */
	dir_tag_list_free(&tl);
	assert_int_equal(domain_erase(f->t.db, f->olena.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_int_equal(directory_mentorships(f->t.db, &f->ruta, 0, 10, &ml),
	    0);
	assert_int_equal(ml.n, 0);
	assert_int_equal(dir_tag_list(f->t.db, "lietuvių", 0, 10, &tl), 0);
	assert_int_equal(tl.n, 1);
	assert_int_equal(tl.v[0].uses, 2);
	dir_tag_list_free(&tl);
	/* Rūta has a place again. */
	assert_null(directory_mentor_request(f->t.db, &f->ana,
	    f->ruta.account_id, "Laba diena", &id).key);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_request_accept_end, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refusals_and_decline,
		    setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_mentor_limit, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erasure, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests_name("directory_mentor", tests,
	    ti18n_setup, ti18n_teardown);
}
