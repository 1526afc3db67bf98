/* libFuzzer target for core/survey-text-parse.c, the survey definition
 * files that sites share: any file. A refusal must name a catalog key and
 * a place in the file; a definition it takes must be within survey-def.h's
 * limits and come back the same through survey_text_emit and a second
 * parse. Build: `make fuzz`. */
#include "core/survey-text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct survey_def d, again;
	struct survey_text_error err;
	char *y1, *y2;

	if (survey_text_parse((const char *)data, size, &d, &err) != 0) {
		if (err.key == NULL ||
		    strncmp(err.key, "error.survey_text.", 18) != 0 ||
		    err.line < 0 || err.column < 0 || d.questions != NULL)
			abort();
		return 0;
	}
	if (err.key != NULL || d.nquestions == 0 ||
	    d.nquestions > SURVEY_QUESTIONS_MAX)
		abort();
	y1 = survey_text_emit(&d);
	if (survey_text_parse(y1, strlen(y1), &again, &err) != 0)
		abort();
	y2 = survey_text_emit(&again);
	if (strcmp(y1, y2) != 0)
		abort();
	free(y1);
	free(y2);
	survey_def_free(&d);
	survey_def_free(&again);
	return 0;
}
