/* A sample survey for the surveys' unit tests: every kind of question,
 * texts in all five languages, and a chain of skip logic (why is shown
 * when visited is "yes", agree when why has "a"). */
#ifndef TINKLAS_TEST_SURVEY_SAMPLE_H
#define TINKLAS_TEST_SURVEY_SAMPLE_H

#include "core/survey-def.h"

/* Fills d (freed with survey_def_free); asserts memory. */
void survey_sample(struct survey_def *d);
/* A short survey as people would write it, in all five languages, for
 * the pictures and the fit checks (fixture-survey-kaunas.c): "learned"
 * (required), "kinds" (at most 2, asked when learned is "yes"),
 * "valued" (agreement), "recommend" (0-10, required), "age" (16-120),
 * "comment" (long); anonymous, for all members, closing at closes. */
void survey_sample_kaunas(struct survey_def *d, int64_t closes);

#endif
