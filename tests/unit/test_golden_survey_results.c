/* Golden pictures of the moderators' figures (ui/survey-results-ui.h)
 * over the demo and a survey answered by 13 new members
 * (tests/unit/fixture-results.h): the results at their summary and
 * first question, the same broken down by language (uk hidden as too
 * small, en hidden beside it), the metrics' members section and its
 * events section. The pictures share tests/golden/surveys with the
 * surveys' own screens (results-* and metrics-* are this set's). The
 * engine is tests/unit/record-golden.c. */
#include "tests/unit/fixture-results.h"
#include "tests/unit/record-golden.h"
#include "ui/survey-results-ui.h"
#include "ui/ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#define NEXT_SECTION	{ .screen = "metrics", .type = EV_PAGE, .index = 1 }

static int64_t survey_id;

static void
add_survey(struct db *db)
{
	survey_id = fixture_results(db, 13, "r");
}

static const struct golden goldens[] = {
	{ "results", "survey-results", "moderatore", &screen_survey_results,
	    false, { { NULL } }, false, &survey_id },
	{ "results-breakdown", "survey-results", "moderatore",
	    &screen_survey_results, false, { ASK("survey-results", 'b') },
	    false, &survey_id },
	{ "metrics", "metrics", "moderatore", &screen_metrics, false,
	    { { NULL } }, false, NULL },
	{ "metrics-events", "metrics", "moderatore", &screen_metrics, false,
	    { NEXT_SECTION, NEXT_SECTION }, false, NULL },
};

int
main(void)
{
	static const char *const owns[] = { "results-", "results.",
	    "metrics-", "metrics.", NULL };
	static const struct golden_set results = {
	    .dir = "tests/golden/surveys", .header = "ui/survey-results-ui.h",
	    .owns = owns,
	    .list = goldens, .n = sizeof goldens / sizeof goldens[0],
	    .add_content = add_survey };

	return golden_main(&results);
}
