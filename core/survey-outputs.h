/* The surveys' outputs (core/output.h): `ssh host survey-ID.csv`, a
 * survey's results as CSV (core/survey-results.h), for moderators and
 * admins only, and not a feed (results are read where the asker is
 * known). The table hangs on domain_surveys. */
#ifndef TINKLAS_SURVEY_OUTPUTS_H
#define TINKLAS_SURVEY_OUTPUTS_H

#include "core/output.h"

extern const struct output survey_outputs[];

#endif
