/* A sample survey for the surveys' unit tests: every kind of question,
 * texts in all five languages, and a chain of skip logic (why is shown
 * when visited is "yes", agree when why has "a"). */
#ifndef TINKLAS_TEST_SURVEY_SAMPLE_H
#define TINKLAS_TEST_SURVEY_SAMPLE_H

#include "core/survey-def.h"

/* Fills d (freed with survey_def_free); asserts memory. */
void survey_sample(struct survey_def *d);

#endif
