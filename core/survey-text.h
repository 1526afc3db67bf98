/* The survey definition text format (issue 10): a YAML file that sites
 * edit by hand and share between cities (etc/surveys/README.md has the
 * format for people). survey_text_parse reads one into a struct
 * survey_def, refusing with the line and column of what is wrong;
 * survey_text_emit writes a definition back as YAML that parses to the
 * same definition. The site's own parts (id, state, audience_id, dates)
 * are not in the file. libyaml does the reading and the quoting. */
#ifndef TINKLAS_SURVEY_TEXT_H
#define TINKLAS_SURVEY_TEXT_H

#include <stddef.h>

#include "core/survey-def.h"

#define SURVEY_TEXT_FILE_MAX	(256 * 1024)	/* bytes */
#define SURVEY_TEXT_FORMAT	"tinklas-survey 1"

/* Why a file was refused: where (1-based; line 0 for the whole file, as
 * when it is too big) and a catalog key. The format's own keys are
 * "error.survey_text.*", whose patterns take {0} = word (a field's name,
 * the word found, or libyaml's own English message) and {1} = number (a
 * limit); the definition check's are "error.survey.*" (core/survey.h),
 * whose {0} is number (the question's number from 1, or a limit) and
 * word its field. survey_text_error_message knows which is which. */
struct survey_text_error {
	int		 line, column;
	const char	*key;		/* NULL: no error */
	char		 word[128];
	long long	 number;
};

/* Parses the len bytes of text into *out (zeroed first; freed with
 * survey_def_free). Texts are sanitised (core/sanitize.h) and within
 * survey-def.h's limits. Returns 0, or -1 with *err filled and *out
 * empty. The format's rules are checked, then survey_def_check's (the
 * site's event or organisation, not in the file, counted as chosen). */
int survey_text_parse(const char *text, size_t len, struct survey_def *out,
    struct survey_text_error *err);

/* The definition as YAML text (newly allocated). */
char *survey_text_emit(const struct survey_def *d);

/* err's message in the current language, without the place (newly
 * allocated): "Unknown field “colour”." */
char *survey_text_error_message(const struct survey_text_error *err);

#endif
