/* A survey file's error in words (core/survey-text.h): its catalog key
 * with {0} the word and {1} the number, for the admin command (English)
 * and the builder's screen (the user's language). */
#include "core/survey-text.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/sanitize.h"

#include "i18n/i18n.h"

char *
survey_text_error_message(const struct survey_text_error *err)
{
	struct i18n_arg args[2];
	char *word, *msg;

	assert(err->key != NULL);
	if (strncmp(err->key, "error.survey_text.", 18) != 0) {
		/* survey_def_check's, core/survey.h */
		args[0] = A_NUM(err->number);
		return TF(err->key, 1, args);
	}
	/* The word comes from the file ("\e" in a quoted key is an escape
	 * code): sanitised, as every text bound for a terminal is. */
	word = sanitize(err->word, strlen(err->word), SANITIZE_LINE, 40, 0);
	args[0] = A_STR(word);
	args[1] = A_NUM(err->number);
	msg = TF(err->key, 2, args);
	free(word);
	return msg;
}
