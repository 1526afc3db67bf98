/* The directory's profile, finding and mentorship screens
 * (ui/directory-ui.h, the dir_ ones) without a terminal, over the demo
 * (Olena is in an active mentorship with Rūta; Emma's request waits for
 * Jonas), in both modes under the recording renderer: my profile's form
 * refuses a bad language under its field with every other answer kept,
 * then saves; "at most N mentees" is asked only when mentoring; a guest
 * sees Rūta's public fields and a member the rest; a request is sent, or
 * refused in words with its text kept; a moderator hides a profile and
 * it is no longer found, and Enter on her notification of it opens her
 * own profile; Enter on a request's notification opens the
 * mentorship, where the mentor accepts it; an active one ended with a
 * reflection, a request withdrawn; the find form refuses a skill
 * nobody has under its field; an organisation's admin (and no plain
 * member) edits it from its page, and adds, promotes and removes its
 * members. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "ui/directory-ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define TO_PEOPLE	OPEN("menu", "menu.people")

/* Runs script as who from the main menu (first NULL) or from a profile
 * page of account id. */
static void
run(struct rec *r, void **state, const char *who, int64_t *profile,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;

	rec_open(r, fx->t.db, who, "en", fx->mode, REC_NO_DRAW);
	if (profile != NULL)
		rec_run(r, &screen_dir_profile, profile, false, script, n);
	else
		rec_run(r, &screen_menu, NULL, false, script, n);
}

/* How many listed people a viewer (NULL: a guest) finds with a query. */
static int
found(void **state, const char *viewer, const char *query)
{
	struct rec_fx *fx = *state;
	struct dir_filter f = { .query = query };
	struct dir_person_list l = { 0 };
	struct account a;
	struct actor v = actor_guest("en");
	int n;

	if (viewer != NULL) {
		assert_int_equal(account_by_name(fx->t.db, viewer, &a), 0);
		v = actor_account(&a, "en", 0);
	}
	assert_int_equal(directory_find(fx->t.db, &v, &f, 0, 20, &l), 0);
	n = (int)l.n;
	dir_person_list_free(&l);
	return n;
}

/* A language that is no "CODE LEVEL" is refused under its field, the bio
 * typed with it kept; fixed, the profile is saved and shows it. */
static void
test_edit_bad_language_keeps_text(void **state)
{
	static const struct rec_step bad[] = { TO_PEOPLE,
		OPEN("people", "people.profile"),
		SUBMIT("dir-edit", "bio=Mokausi lietuviškai.",
		    "languages=uk perfect") };
	static const struct rec_step good[] = { TO_PEOPLE,
		OPEN("people", "people.profile"),
		SUBMIT("dir-edit", "bio=Mokausi lietuviškai.",
		    "languages=uk native, lt good") };
	struct rec r;
	const struct rec_view *v;
	char *want;
	int64_t olena = rec_fx_id(state, "olena");
	struct dir_profile p;
	struct account a;
	struct actor me;

	run(&r, state, "olena", NULL, bad, NSTEPS(bad));
	want = TFA("error.directory.language", A_NUM(DIR_LANGS_MAX));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-edit");
	assert_string_equal(rec_field(v, "languages")->error, want);
	assert_string_equal(rec_field(v, "languages")->value, "uk perfect");
	assert_string_equal(rec_field(v, "bio")->value, "Mokausi lietuviškai.");
	assert_null(rec_field(v, "bio")->error);
	rec_close(&r);
	free(want);
	run(&r, state, "olena", NULL, good, NSTEPS(good));
	v = rec_last(&r);
	assert_string_equal(v->screen, "people");
	assert_string_equal(v->notice, T("directory.edit.saved"));
	rec_close(&r);
	assert_int_equal(account_by_id(((struct rec_fx *)*state)->t.db, olena, &a), 0);
	me = actor_account(&a, "en", 0);
	assert_false(core_failed(directory_profile_get(((struct rec_fx *)*state)->t.db,
	    &me, olena, &p)));
	assert_string_equal(p.bio, "Mokausi lietuviškai.");
	assert_int_equal(p.nlangs, 2);
	assert_string_equal(p.langs[1].code, "lt");
	assert_int_equal(p.langs[1].level, DIR_GOOD);
}

/* "At most N mentees" is shown only once "I can mentor" says yes. */
static void
test_max_mentees_only_when_mentoring(void **state)
{
	struct rec_fx *fx = *state;
	struct view v = { 0 };
	struct rec r;
	struct form *f;

	rec_open(&r, fx->t.db, "olena", "en", fx->mode, REC_NO_DRAW);
	app_push(&r.app, &screen_dir_edit, NULL);
	screen_dir_edit.describe(&r.app, r.app.stack[0].st, &v);
	f = v.form;
	assert_string_equal(form_value(f, "mentors"), "no");
	assert_false(field_shown(f, form_field(f, "max_mentees")));
	assert_true(field_shown(f, form_field(f, "mentors")));
	field_set(form_field(f, "mentors"), "yes");
	assert_true(field_shown(f, form_field(f, "max_mentees")));
	/* Listing is the first question; Olena's demo profile is listed,
	 * and the form starts from what she saved. */
	assert_string_equal(f->fields[0]->id, "listed");
	assert_string_equal(form_value(f, "listed"), "yes");
	view_clear(&v);
	rec_close(&r);
}

/* Rūta's bio, languages and skills offered are for everyone, the rest
 * for members: a guest sees those and nothing of the others; a member all; neither
 * page names a field it does not show. */
static void
test_profile_guest_and_member(void **state)
{
	static const struct rec_step none[] = { { .screen = "dir-profile",
		.type = EV_BACK } };
	int64_t ruta = rec_fx_id(state, "ruta");
	struct rec r;
	const struct rec_view *v;

	run(&r, state, NULL, &ruta, none, 0);
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-profile");
	assert_non_null(strstr(v->text, "Lietuvių kalbos mokytoja"));
	assert_non_null(strstr(v->text, "Languages: Lithuanian (native)"));
	assert_non_null(strstr(v->text, "Skills offered: Lietuvių kalba"));
	assert_null(strstr(v->text, T("directory.field.eldership")));
	assert_null(strstr(v->text, T("directory.field.wants")));
	assert_null(strstr(v->text, T("directory.field.interests")));
	assert_null(strstr(v->text, "Sodininkystė"));
	assert_string_equal(v->keys, "");
	rec_close(&r);
	run(&r, state, "jonas", &ruta, none, 0);
	v = rec_last(&r);
	assert_non_null(strstr(v->text, "Skills offered: "));
	assert_non_null(strstr(v->text, "Eldership: Šančiai"));
	assert_non_null(strstr(v->text, "Sodininkystė"));
	assert_non_null(strchr(v->keys, 'w'));
	assert_non_null(strchr(v->keys, 'r'));
	assert_null(strchr(v->keys, 'h'));	/* moderators only */
	rec_close(&r);
}

/* Jonas asks Rūta: sent (the control); suspended, the same is refused in
 * the words for it, his text kept. */
static void
test_request_sent_or_refused(void **state)
{
	static const struct rec_step s[] = { ASK("dir-profile", 'r'),
		SUBMIT("dir-message", "message=Gal padėtumėte su rašyba?") };
	int64_t ruta = rec_fx_id(state, "ruta");
	struct rec_fx *fx = *state;
	struct rec r;
	const struct rec_view *v;

	assert_int_equal(account_suspend(fx->t.db, rec_fx_id(state, "jonas"),
	    INT64_MAX, "test"), 0);
	run(&r, state, "jonas", &ruta, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-message");
	assert_string_equal(rec_field(v, "message")->value,
	    "Gal padėtumėte su rašyba?");
	assert_string_equal(rec_field(v, "message")->error,
	    T("error.directory.suspended"));
	rec_close(&r);
	assert_int_equal(account_unsuspend(fx->t.db, rec_fx_id(state, "jonas")), 0);
	run(&r, state, "jonas", &ruta, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-profile");
	assert_string_equal(v->notice, T("directory.request.sent"));
	assert_non_null(strstr(v->text, T("directory.profile.ms_requested")));
	assert_null(strchr(v->keys, 'r'));
	rec_close(&r);
}

/* A moderator hides Emma's profile with a reason: the page says so, and
 * nobody else finds her; Rūta is still found (the control). */
static void
test_moderator_hides(void **state)
{
	static const struct rec_step s[] = { ASK("dir-profile", 'h'),
		SUBMIT("reason", "reason=Bandymas") };
	int64_t emma = rec_fx_id(state, "emma");
	struct rec r;
	const struct rec_view *v;

	assert_int_equal(found(state, "olena", "Emma"), 1);
	run(&r, state, "moderatore", &emma, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-profile");
	assert_string_equal(v->notice, T("directory.hidden"));
	assert_non_null(strstr(v->text, T("directory.profile.hidden")));
	assert_non_null(strchr(v->keys, 'h'));
	assert_string_equal(v->action_labels[strchr(v->keys, 'h') - v->keys],
	    T("directory.show"));
	rec_close(&r);
	assert_int_equal(found(state, "olena", "Emma"), 0);
	assert_int_equal(found(state, NULL, "Emma"), 0);
	assert_int_equal(found(state, "olena", "Rūta"), 1);
}

/* Emma's "your profile was hidden" (subject "account", not the feature's
 * "mentorship"): Enter opens her own profile, which says it is hidden;
 * Jonas's mentorship notification still opens the mentorship
 * (test_notice_opens_and_accept). */
static void
test_hidden_notice_opens_profile(void **state)
{
	static const struct rec_step hide[] = { ASK("dir-profile", 'h'),
		SUBMIT("reason", "reason=Bandymas") };
	static const struct rec_step open[] = { OPEN("menu", "menu.notices"),
		PICK("notices", "Bandymas") };
	int64_t emma = rec_fx_id(state, "emma");
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "moderatore", &emma, hide, NSTEPS(hide));
	rec_close(&r);
	run(&r, state, "emma", NULL, open, NSTEPS(open));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-profile");
	assert_non_null(strstr(v->title, "Emma"));
	assert_non_null(strstr(v->text, T("directory.profile.hidden")));
	rec_close(&r);
}

/* Jonas: Enter on Emma's request in his notifications opens it; he
 * accepts it with no message, and it is active. */
static void
test_notice_opens_and_accept(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.notices"),
		PICK("notices", "Emma"), ASK("dir-mentorship", 'a'),
		SUBMIT("dir-message", "message=") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "jonas", NULL, s, NSTEPS(s));
	v = &r.views[r.nviews - 3];
	assert_string_equal(v->screen, "dir-mentorship");
	assert_non_null(strstr(v->title, "Emma Wilson"));
	assert_non_null(strstr(v->text, T("directory.ms.asks_you")));
	assert_non_null(strstr(v->text, "basics of Python"));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-mentorship");
	assert_string_equal(v->notice, T("directory.ms.accepted"));
	assert_non_null(strstr(v->text, T("directory.ms.you_mentor")));
	assert_non_null(strchr(v->keys, 'e'));
	assert_null(strchr(v->keys, 'a'));
	rec_close(&r);
}

/* Olena ends her mentorship with Rūta with a reflection; Emma withdraws
 * her request to Jonas: each is then ended, with no letters to do it
 * again. */
static void
test_end_and_withdraw(void **state)
{
	static const struct rec_step end[] = { TO_PEOPLE,
		OPEN("people", "people.mentorships"),
		PICK("dir-mentorships", "Rūta"), ASK("dir-mentorship", 'e'),
		SUBMIT("dir-message", "message=Ačiū už viską!") };
	static const struct rec_step withdraw[] = { TO_PEOPLE,
		OPEN("people", "people.mentorships"),
		PICK("dir-mentorships", "Jonas"), ASK("dir-mentorship", 'x') };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", NULL, end, NSTEPS(end));
	v = &r.views[r.nviews - 3];
	assert_non_null(strstr(v->text, T("directory.ms.mentors_you")));
	assert_non_null(strchr(v->keys, 'e'));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-mentorship");
	assert_string_equal(v->notice, T("directory.ms.ended_done"));
	assert_non_null(strstr(v->text, T("directory.ms.ended")));
	assert_null(strchr(v->keys, 'e'));
	rec_close(&r);
	run(&r, state, "emma", NULL, withdraw, NSTEPS(withdraw));
	v = &r.views[r.nviews - 2];
	assert_non_null(strstr(v->text, T("directory.ms.waiting_answer")));
	assert_non_null(strchr(v->keys, 'x'));
	v = rec_last(&r);
	assert_string_equal(v->notice, T("directory.ms.withdrawn"));
	assert_non_null(strstr(v->text, T("directory.ms.ended")));
	assert_null(strchr(v->keys, 'x'));
	rec_close(&r);
}

/* A skill nobody has: said under the skill, the form kept; one that
 * somebody offers finds them. */
static void
test_find_unknown_skill(void **state)
{
	static const struct rec_step bad[] = { TO_PEOPLE,
		OPEN("people", "people.find"),
		SUBMIT("dir-find", "skill=Nardymas", "query=ruta") };
	static const struct rec_step good[] = { TO_PEOPLE,
		OPEN("people", "people.find"),
		SUBMIT("dir-find", "skill=PYTHON") };
	struct rec r;
	const struct rec_view *v;

	run(&r, state, "olena", NULL, bad, NSTEPS(bad));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-find");
	assert_string_equal(rec_field(v, "skill")->error,
	    T("directory.find.no_skill"));
	assert_string_equal(rec_field(v, "query")->value, "ruta");
	rec_close(&r);
	run(&r, state, "olena", NULL, good, NSTEPS(good));
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-results");
	assert_int_equal(v->nitems, 1);
	assert_non_null(strstr(v->items[0].label, "Jonas"));
	rec_close(&r);
}

/* The county library's id (the demo: moderatore its admin, Rūta a
 * member). */
static int64_t
library(void **state)
{
	struct rec_fx *fx = *state;
	struct actor v = actor_guest("en");
	struct dir_org_list l = { 0 };
	int64_t id;

	assert_int_equal(directory_orgs(fx->t.db, &v, "Kauno apskrities", NULL,
	    NULL, 0, 2, &l), 0);
	assert_int_equal(l.n, 1);
	id = l.v[0].id;
	dir_org_list_free(&l);
	return id;
}

/* Runs script as who on the library's page. */
static struct rec *
run_org(struct rec *r, void **state, const char *who,
    const struct rec_step *script, int n)
{
	struct rec_fx *fx = *state;
	int64_t id = library(state);

	rec_open(r, fx->t.db, who, "en", fx->mode, REC_NO_DRAW);
	rec_run(r, &screen_dir_org, &id, false, script, n);
	return r;
}

/* The organisation's admin sees e and m on its page (the control); a
 * plain member of it and a guest see neither. */
static void
test_org_letters_for_admins(void **state)
{
	struct rec r;
	const struct rec_view *v;

	v = rec_last(run_org(&r, state, "moderatore", NULL, 0));
	assert_true(rec_has_action(v, 'e'));
	assert_true(rec_has_action(v, 'm'));
	rec_close(&r);
	v = rec_last(run_org(&r, state, "ruta", NULL, 0));
	assert_true(rec_find_item(v, "Rūta") >= 0);	/* a member of it */
	assert_false(rec_has_action(v, 'e'));
	assert_false(rec_has_action(v, 'm'));
	rec_close(&r);
	v = rec_last(run_org(&r, state, NULL, NULL, 0));
	assert_false(rec_has_action(v, 'e'));
	assert_false(rec_has_action(v, 'm'));
	rec_close(&r);
}

/* A name of spaces is refused by core under the name, the description
 * typed with it kept; a good one is saved and the page shows it. */
static void
test_org_edit(void **state)
{
	static const struct rec_step bad[] = { ASK("dir-org", 'e'),
		SUBMIT("dir-org-edit", "name=   ",
		    "description=Nauja skaitykla vaikams.") };
	static const struct rec_step good[] = { ASK("dir-org", 'e'),
		SUBMIT("dir-org-edit", "description=Nauja skaitykla vaikams.",
		    "contact=+370 37 000000") };
	struct rec r;
	const struct rec_view *v;
	char *want = TFA("error.directory.org_name", A_NUM(DIR_ORG_NAME_MAX));

	v = rec_last(run_org(&r, state, "moderatore", bad, NSTEPS(bad)));
	assert_string_equal(v->screen, "dir-org-edit");
	assert_string_equal(rec_field(v, "name")->error, want);
	assert_string_equal(rec_field(v, "description")->value,
	    "Nauja skaitykla vaikams.");
	assert_string_equal(rec_field(v, "kind")->value, "library");
	rec_close(&r);
	free(want);
	v = rec_last(run_org(&r, state, "moderatore", good, NSTEPS(good)));
	assert_string_equal(v->screen, "dir-org");
	assert_string_equal(v->notice, T("directory.org_edit.saved"));
	assert_non_null(strstr(v->text, "Nauja skaitykla vaikams."));
	assert_non_null(strstr(v->text, "+370 37 000000"));
	assert_non_null(strstr(v->title, "Kauno apskrities"));
	rec_close(&r);
}

/* The admin adds a member by user name: an unknown one is refused under
 * the name, kept as typed; Jonas is added and listed; made an admin;
 * removed after the question (No first keeps him). */
static void
test_org_members(void **state)
{
	static const struct rec_step unknown[] = { ASK("dir-org", 'm'),
		ASK("dir-org-members", 'a'),
		SUBMIT("dir-org-add", "name=niekas") };
	static const struct rec_step s[] = { ASK("dir-org", 'm'),
		ASK("dir-org-members", 'a'),
		SUBMIT("dir-org-add", "name=jonas"),
		PICK("dir-org-members", "Jonas"),
		{ .screen = "dir-org-member", .type = EV_SELECT, .index = 0 },
		PICK("dir-org-members", "Jonas"),
		{ .screen = "dir-org-member", .type = EV_SELECT, .index = 1 },
		{ .screen = "dir-org-member", .type = EV_SELECT, .index = 0 },
		{ .screen = "dir-org-member", .type = EV_SELECT, .index = 1 },
		{ .screen = "dir-org-member", .type = EV_SELECT, .index = 1 },
		BACK("dir-org-members") };
	struct rec r;
	const struct rec_view *v;
	int i, n;

	v = rec_last(run_org(&r, state, "moderatore", unknown,
	    NSTEPS(unknown)));
	assert_string_equal(v->screen, "dir-org-add");
	assert_string_equal(rec_field(v, "name")->error,
	    T("error.directory.no_user"));
	assert_string_equal(rec_field(v, "name")->value, "niekas");
	rec_close(&r);
	run_org(&r, state, "moderatore", s, NSTEPS(s));
	n = r.nviews;
	/* Added: listed as a member. */
	for (i = 0; i < n && strcmp(r.views[i].screen, "dir-org-members") != 0;
	    i++)
		;
	for (i++; i < n && strcmp(r.views[i].screen, "dir-org-members") != 0;
	    i++)
		;
	assert_true(i < n);
	v = &r.views[i];
	assert_non_null(strstr(v->notice, "Jonas"));
	assert_true(rec_find_item(v, "Jonas") >= 0);
	assert_non_null(strstr(v->items[rec_find_item(v, "Jonas")].status,
	    T("directory.org_members.member")));
	/* Made an admin. */
	v = &r.views[i + 2];
	assert_string_equal(v->screen, "dir-org-members");
	assert_string_equal(v->notice, T("directory.org_member.role_set"));
	assert_non_null(strstr(v->items[rec_find_item(v, "Jonas")].status,
	    T("directory.org.admin")));
	/* Remove asks; No goes back to the choices, Yes removes. */
	v = &r.views[i + 4];
	assert_string_equal(v->screen, "dir-org-member");
	assert_non_null(strstr(v->text, "Jonas"));
	assert_string_equal(v->items[1].label, T("confirm.yes"));
	v = &r.views[i + 5];
	assert_string_equal(v->items[1].label, T("directory.org_member.remove"));
	v = &r.views[i + 7];
	assert_string_equal(v->screen, "dir-org-members");
	assert_string_equal(v->notice, T("directory.org_member.removed"));
	assert_true(rec_find_item(v, "Jonas") < 0);
	assert_true(rec_find_item(v, "Rūta") >= 0);
	v = rec_last(&r);
	assert_string_equal(v->screen, "dir-org");
	assert_null(strstr(v->text, "Jonas"));
	rec_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_edit_bad_language_keeps_text),
		REC_BOTH(test_max_mentees_only_when_mentoring),
		REC_BOTH(test_profile_guest_and_member),
		REC_BOTH(test_request_sent_or_refused),
		REC_BOTH(test_moderator_hides),
		REC_BOTH(test_hidden_notice_opens_profile),
		REC_BOTH(test_notice_opens_and_accept),
		REC_BOTH(test_end_and_withdraw),
		REC_BOTH(test_find_unknown_skill),
		REC_BOTH(test_org_letters_for_admins),
		REC_BOTH(test_org_edit),
		REC_BOTH(test_org_members),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup, rec_suite_teardown);
}
