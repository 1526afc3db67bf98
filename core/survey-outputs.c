/* `ssh host survey-ID.csv` (see core/survey-outputs.h): the model writes
 * the CSV and decides who may read it; this parses the id, takes the
 * site's minimum group and says no in the asker's language. */
#include "core/survey-outputs.h"
#include "core/survey-results.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

static int	results_write(const struct output_ctx *);

const struct output survey_outputs[] = {
	{ .name = "survey-*.csv", .who = OUTPUT_MODERATORS,
	  .help_key = "exec.survey_csv.about",
	  .media_type = "text/csv; charset=utf-8", .write = results_write },
	{ .name = NULL },
};

static int
results_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	struct core_error e;
	int64_t id;

	assert(x->cfg != NULL);
	if (output_name_id(x->name, "survey-", ".csv", &id) != 0) {
		fprintf(x->out, "%s\n", T("error.survey.not_found"));
		return OUTPUT_REFUSED;
	}
	e = survey_results_csv(x->db, x->actor, id, x->cfg->survey_min_group,
	    &sb);
	if (core_failed(e)) {
		sb_free(&sb);
		fprintf(x->out, "%s\n", T(e.key));
		return strcmp(e.key, "error.internal") == 0 ? OUTPUT_FAILED :
		    OUTPUT_REFUSED;
	}
	fwrite(sb.s, 1, sb.len, x->out);
	sb_free(&sb);
	return 0;
}
