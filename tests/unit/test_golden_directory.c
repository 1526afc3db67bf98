/* Golden pictures of the directory's profiles, finding, suggestions,
 * mentorships and organisations (the dir_ screens of ui/directory-ui.h)
 * over the demo: Olena (who wants Lithuanian) finds the teachers of
 * "Lietuvių kalba", opens Rūta's profile, sees her suggestions with
 * their reasons, her own profile form; a guest sees Rūta's public
 * fields only; Jonas has Emma's request waiting and opens it to answer;
 * the organisations and the county library's page, and as its admin
 * (moderatore) the page with e and m, its form, its members, one member's
 * choices and adding one. The engine is
 * tests/unit/record-golden.c; the hub is test_golden_people.c's. */
#include "tests/unit/record-golden.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_PEOPLE	OPEN("menu", "menu.people")
#define TO_FIND		TO_PEOPLE, OPEN("people", "people.find")
#define FOUND		TO_FIND, { .screen = "dir-find", .type = EV_SUBMIT, \
			  .fill = { "skill=Lietuvių kalba" } }
#define TO_MS		TO_PEOPLE, OPEN("people", "people.mentorships")
#define TO_ORGS		TO_PEOPLE, OPEN("people", "people.orgs")

static const struct golden goldens[] = {
	{ "dir-find", "dir-find", "olena", &screen_menu, false, { TO_FIND } },
	{ "dir-results", "dir-results", "olena", &screen_menu, false,
	    { FOUND } },
	{ "dir-profile", "dir-profile", "olena", &screen_menu, false,
	    { FOUND, PICK("dir-results", "Rūta") } },
	/* A guest: only what Rūta shows to everyone, nothing of the rest. */
	{ "dir-profile-guest", "dir-profile", NULL, &screen_menu, false,
	    { TO_FIND, { .screen = "dir-find", .type = EV_SUBMIT },
	      PICK("dir-results", "Rūta") } },
	{ "dir-edit", "dir-edit", "olena", &screen_menu, false,
	    { TO_PEOPLE, OPEN("people", "people.profile") } },
	{ "dir-suggest", "dir-suggest", "olena", &screen_menu, false,
	    { TO_PEOPLE, OPEN("people", "people.suggest") } },
	{ "dir-mentorships", "dir-mentorships", "jonas", &screen_menu, false,
	    { TO_MS } },
	{ "dir-mentorship", "dir-mentorship", "jonas", &screen_menu, false,
	    { TO_MS, PICK("dir-mentorships", "Emma") } },
	{ "dir-message", "dir-message", "jonas", &screen_menu, false,
	    { TO_MS, PICK("dir-mentorships", "Emma"),
	      ASK("dir-mentorship", 'a') } },
	{ "dir-orgs", "dir-orgs", "olena", &screen_menu, false, { TO_ORGS } },
	{ "dir-org", "dir-org", "olena", &screen_menu, false,
	    { TO_ORGS, PICK("dir-orgs", "Kauno apskrities") } },
	/* The library's admin: its page with e and m, its form, its
	 * members, one of them, adding one. */
	{ "dir-org-admin", "dir-org", "moderatore", &screen_menu, false,
	    { TO_ORGS, PICK("dir-orgs", "Kauno apskrities") } },
	{ "dir-org-edit", "dir-org-edit", "moderatore", &screen_menu, false,
	    { TO_ORGS, PICK("dir-orgs", "Kauno apskrities"),
	      ASK("dir-org", 'e') } },
	{ "dir-org-members", "dir-org-members", "moderatore", &screen_menu,
	    false, { TO_ORGS, PICK("dir-orgs", "Kauno apskrities"),
	      ASK("dir-org", 'm') } },
	{ "dir-org-member", "dir-org-member", "moderatore", &screen_menu,
	    false, { TO_ORGS, PICK("dir-orgs", "Kauno apskrities"),
	      ASK("dir-org", 'm'), PICK("dir-org-members", "Rūta") } },
	{ "dir-org-add", "dir-org-add", "moderatore", &screen_menu, false,
	    { TO_ORGS, PICK("dir-orgs", "Kauno apskrities"),
	      ASK("dir-org", 'm'), ASK("dir-org-members", 'a') } },
	/* A moderator's: the vocabulary with each tag's uses. */
	{ "dir-tags", "dir-tags", "moderatore", &screen_menu, false,
	    { TO_PEOPLE, OPEN("people", "people.tags") } },
};

int
main(void)
{
	static const struct golden_set directory = {
	    .dir = "tests/golden/directory", .header = "ui/directory-ui.h",
	    .only = "dir_", .list = goldens,
	    .n = sizeof goldens / sizeof goldens[0] };

	return golden_main(&directory);
}
