/* A survey with answers for the results and metrics screens' tests and
 * pictures (tests/unit/fixture-results.c): "Learning in Kaunas" (texts in
 * English and Lithuanian), made by the demo's moderator and answered
 * through survey_submit by n new members: respondent i answers often =
 * weekly, monthly, never by i % 3, agree = 1 + i % 5, nps = i % 11, and
 * the first two a comment. It opened a week before clock_now(). Languages: two uk, the rest half lt (rounded
 * up) and half en, so that with 13 the uk group is too small and en is
 * hidden beside it. */
#ifndef TINKLAS_FIXTURE_RESULTS_H
#define TINKLAS_FIXTURE_RESULTS_H

#include <stdint.h>

struct db;

#define FIXTURE_RESULTS_UK	2	/* the small group */

/* The id of the survey, answered by n (>= FIXTURE_RESULTS_UK) members
 * whose names start with prefix ("r" gives r00, r01...). */
int64_t fixture_results(struct db *db, int n, const char *prefix);

#endif
