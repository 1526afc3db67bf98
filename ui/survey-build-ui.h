/* The moderators' survey builder (issue 10): every survey, one survey's
 * page (save, publish, close, delete, its editing language), its
 * settings' form, its questions and one question's form. A survey is
 * built in memory (struct survey_build, owned by its page) and stored
 * only when the whole definition passes core's check, so nothing typed
 * is lost to a refusal. Declared here, not in ui/screen.h: the surveys
 * add files, they do not change the house's. */
#ifndef TINKLAS_SURVEY_BUILD_UI_H
#define TINKLAS_SURVEY_BUILD_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"
#include "core/survey-def.h"

struct app;
struct screen_ops;

/* The screens. */
extern const struct screen_ops screen_survey_manage;	/* arg NULL: every
							 * survey */
extern const struct screen_ops screen_survey_edit;	/* arg struct
							 * survey_edit_req * */
extern const struct screen_ops screen_survey_settings;	/* arg struct
							 * survey_build * */
extern const struct screen_ops screen_survey_questions;	/* arg struct
							 * survey_build * */
extern const struct screen_ops screen_survey_question;	/* arg struct
							 * survey_question_req * */

/* What a survey's page opens: a stored survey (id), or a new one, blank
 * (template NULL) or from the built-in template of that name. */
struct survey_edit_req {
	int64_t		 id;
	const char	*template_name;
};

/* A survey being built: its definition as edited so far, the language
 * whose texts are edited (an index into i18n_langs), whether it has
 * answers (then its questions' keys, kinds, options, bounds and skip
 * logic stay as they are) and whether something changed since it was
 * stored. The last refusal of a save waits here for the settings' form
 * to show under its field. */
struct survey_build {
	struct survey_def	 def;
	int			 lang;
	bool			 locked;
	bool			 changed;
	struct core_error	 error;
};

/* One question's form: of question index of b, or a new one (-1) added
 * at the end. */
struct survey_question_req {
	struct survey_build	*b;
	int			 index;
};

/* Sets one language's text (a copy; "" removes it). */
void survey_build_text_set(struct survey_text *t, int lang, const char *s);
/* The text in language lang, "" when there is none. */
const char *survey_build_text(const struct survey_text *t, int lang);
/* The catalog key of a question kind's name ("survey.kind.single"). */
const char *survey_build_kind_key(enum survey_qkind k);
/* Who is asked, in words ("an event's attendees"); the state's word. */
const char *survey_build_audience_key(enum survey_audience a);
const char *survey_build_state_key(enum survey_state s);
/* A day in the site zone as typed in the forms, "2026-03-03": of opens,
 * and of closes (the last day it is open); "" for 0. */
void survey_build_day(int64_t t, bool closes, char buf[11]);
/* "opens 2026-03-03, closes 2026-03-31" (either part may be absent);
 * newly allocated, "" when neither is set. */
char *survey_build_dates(int64_t opens, int64_t closes);

#endif
