/* A survey file's error in words (core/survey-text.h): its catalog key
 * with {0} the word and {1} the number, for the admin command (English)
 * and the builder's screen (the user's language). */
#include "core/survey-text.h"

#include <assert.h>
#include <string.h>

#include "i18n/i18n.h"

char *
survey_text_error_message(const struct survey_text_error *err)
{
	struct i18n_arg args[2];

	assert(err->key != NULL);
	if (strncmp(err->key, "error.survey_text.", 18) != 0) {
		/* survey_def_check's, core/survey.h */
		args[0] = A_NUM(err->number);
		return TF(err->key, 1, args);
	}
	args[0] = A_STR(err->word);
	args[1] = A_NUM(err->number);
	return TF(err->key, 2, args);
}
