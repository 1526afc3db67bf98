/* `tinklas admin survey results ID [--csv]`: one command of the survey
 * group (cli/admin-survey.c lists it in its table). */
#ifndef TINKLAS_ADMIN_SURVEY_RESULTS_H
#define TINKLAS_ADMIN_SURVEY_RESULTS_H

#include "cli/admin-cmd.h"

extern const struct admin_cmd survey_results_cmd;

#endif
