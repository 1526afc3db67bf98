/* `tinklas admin survey results ID [--csv]`: one command of the survey
 * group (cli/admin-survey.c lists it in its table). */
#ifndef TINKLAS_ADMIN_SURVEY_RESULTS_H
#define TINKLAS_ADMIN_SURVEY_RESULTS_H

#include "cli/admin-cmd.h"

/* Its row of the survey group's table, and what the row runs. */
#define SURVEY_RESULTS_CMD { "results", "ID [--csv]", "a survey's "	\
	"results: counts, shares, mean, median, recommend score, free "	\
	"texts and breakdowns (--csv: as CSV)", true, survey_results_exec }
int survey_results_exec(struct admin_ctx *ctx, int argc, char **argv);

#endif
