/* Golden pictures of the moderators' survey builder
 * (ui/survey-build-ui.h) over the demo and one survey a moderator built
 * for the attendees of an event, with three questions (the second shown
 * only after a "yes"), published: the list of every survey, its page,
 * its settings, its questions and the question with the skip logic. The
 * engine is tests/unit/record-golden.c; the pictures are in their own
 * folder, beside the other survey screens'. */
#include "tests/unit/record-golden.h"
#include "ui/survey-build-ui.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define TO_EDIT		PICK("survey-manage", "After the coding class")

static void
add_survey(struct db *db)
{
	static const struct rec_step build[] = {
		ASK("survey-manage", 'n'),
		{ .screen = "choice", .type = EV_SELECT, .index = 0 },
		OPEN("survey-edit", "survey.build.settings"),
		SUBMIT("survey-settings", "title=After the coding class",
		    "audience=event", "anonymous=yes", "closes=2026-04-30"),
		OPEN("survey-edit", "survey.build.questions"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=liked", "kind=single",
		    "text=Did you like it?", "options=yes: Yes\nno: No"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=why", "kind=long",
		    "text=What did you like most?", "show=liked=yes"),
		ASK("survey-questions", 'a'),
		SUBMIT("survey-question", "key=score", "kind=scale10",
		    "text=Would you recommend it?", "required=yes"),
		BACK("survey-questions"),
		ASK("survey-edit", 'p'),
		{ .screen = "confirm", .type = EV_SELECT, .index = 1 },
	};
	struct rec r;

	rec_open(&r, db, "moderatore", "en", UI_MODE_FULL, REC_NO_DRAW);
	rec_run(&r, &screen_survey_manage, NULL, false, build,
	    NSTEPS(build));
	assert_string_equal(rec_last(&r)->screen, "survey-edit");
	rec_close(&r);
}

static const struct golden goldens[] = {
	{ "build-manage", "survey-manage", "moderatore", &screen_survey_manage,
	    false, { { 0 } } },
	{ "build-edit", "survey-edit", "moderatore", &screen_survey_manage,
	    false, { TO_EDIT } },
	{ "build-settings", "survey-settings", "moderatore",
	    &screen_survey_manage, false,
	    { TO_EDIT, OPEN("survey-edit", "survey.build.settings") } },
	{ "build-questions", "survey-questions", "moderatore",
	    &screen_survey_manage, false,
	    { TO_EDIT, OPEN("survey-edit", "survey.build.questions") } },
	{ "build-question", "survey-question", "moderatore",
	    &screen_survey_manage, false,
	    { TO_EDIT, OPEN("survey-edit", "survey.build.questions"),
	      PICK("survey-questions", "What did you like most?") } },
};

int
main(void)
{
	static const struct golden_set build = {
	    .dir = "tests/golden/surveys/build",
	    .header = "ui/survey-build-ui.h",
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_survey };

	return golden_main(&build);
}
