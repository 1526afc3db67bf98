/* Golden pictures of the members' survey screens (ui/survey-ui.h) over
 * the demo with the short "Learning in Kaunas" survey published for all
 * members (tests/unit/survey-sample.h), closing a month after the clock:
 * the hub with it waiting, its introduction, the form (the follow-up
 * shown after "yes") and the review page. The engine is
 * tests/unit/record-golden.c. */
#include "tests/unit/record-golden.h"
#include "tests/unit/survey-sample.h"
#include "ui/survey-ui.h"
#include "ui/ui.h"
#include "core/survey.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_HUB		OPEN("menu", "menu.surveys")
#define TO_INTRO	TO_HUB, { .screen = "surveys", .type = EV_SELECT }
#define TO_FORM		TO_INTRO, { .screen = "survey-take", .type = EV_SELECT }

/* A moderator publishes the survey. */
static void
add_survey(struct db *db)
{
	struct account mod;
	struct actor a;
	struct survey_def d;
	int64_t id;

	assert_int_equal(account_by_name(db, "moderatore", &mod), 0);
	a = actor_account(&mod, "en", 0);
	survey_sample_kaunas(&d, REC_CLOCK + 30 * 86400);
	assert_null(survey_create(db, &a, &d, &id).key);
	assert_null(survey_publish(db, &a, id).key);
	survey_def_free(&d);
}

static const struct golden goldens[] = {
	{ "surveys", "surveys", "olena", &screen_menu, false, { TO_HUB } },
	{ "survey-take", "survey-take", "olena", &screen_menu, false,
	    { TO_INTRO } },
	/* "Yes" chosen: what kind of learning is asked next. */
	{ "survey-take-form", "survey-take", "olena", &screen_menu, false,
	    { TO_FORM, SUBMIT("survey-take", "learned=yes") } },
	{ "survey-review", "survey-review", "olena", &screen_menu, false,
	    { TO_FORM, SUBMIT("survey-take", "learned=yes", "kinds=club,online",
	      "valued=4", "recommend=9") } },
};

int
main(void)
{
	/* The folder is shared with the results' and metrics' pictures. */
	static const char *const owns[] = { "survey-", "survey.", "surveys.",
	    NULL };
	static const struct golden_set surveys = {
	    .dir = "tests/golden/surveys", .header = "ui/survey-ui.h",
	    .owns = owns,
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_survey };

	return golden_main(&surveys);
}
