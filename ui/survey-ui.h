/* The surveys' screens for members (issue 10): the hub, taking one survey
 * and the review page before it is sent; and the form made from a
 * survey's questions (ui/survey-form.c) that taking and reviewing share.
 * The moderators' screens (building, results, metrics) have their own
 * headers. Declared here, not in ui/screen.h: surveys add files, they do
 * not change the house's. */
#ifndef TINKLAS_SURVEY_UI_H
#define TINKLAS_SURVEY_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/feature.h"	/* enum feature_who */

#include "core/survey.h"

struct app;
struct form;
struct screen_ops;
struct survey_shown;

/* The screens. */
extern const struct screen_ops screen_surveys;		/* arg NULL: the hub */
extern const struct screen_ops screen_survey_take;	/* arg int64_t *: a
							 * survey id */
extern const struct screen_ops screen_survey_review;	/* arg struct
							 * survey_take *: the
							 * survey being taken */

/* One part of the hub, as a feature is one line of the main menu: the
 * surveys of a list (rows: the waiting ones, the answered ones that can
 * still change), each said with label_key and its closing date; or,
 * without rows, one line label_key that opens screen (the moderators'
 * lines). survey_entries[] ends with a NULL label_key
 * (ui/screen-surveys.c). */
struct survey_entry {
	const char		*label_key;
	enum feature_who	 who;
	int			(*rows)(struct db *db, const struct actor *a,
				    const char *lang, struct survey_rows *out);
	const struct screen_ops	*screen;
};
extern const struct survey_entry survey_entries[];

/* A survey being taken, shared by the form and its review page: the
 * definition, the form of its questions and what became of it. */
struct survey_take {
	int64_t			 id;
	struct survey_def	 def;
	struct form		*form;
	struct survey_shown	*shown;		/* the fields' skip logic */
	bool			 changing;	/* identified, answered before */
	bool			 submitted;	/* nothing more to keep */
};

/* Pushes the screen that takes survey id (the inbox's Enter). */
void survey_open(struct app *app, int64_t id);
/* The surveys waiting for the member (0 for a guest or on error). */
int64_t survey_waiting_badge(struct app *app);

/* The form of survey st->def's questions in the current language, into
 * st->form and st->shown (ui/survey-form.c): one field per question, its
 * id the question's key. */
void survey_form_build(struct survey_take *st);
void survey_form_free(struct survey_take *st);
/* Sets the fields from answers. */
void survey_form_fill(struct survey_take *st, const struct survey_answers *ans);
/* The answers the form holds now (emptied first), pos the focused
 * question. Values that are not yet answers (a number out of its bounds)
 * are left out. */
void survey_form_answers(const struct survey_take *st,
    struct survey_answers *out);
/* What question qindex's field holds, in words, for the review ("no
 * answer" when none). Newly allocated. */
char *survey_form_said(const struct survey_take *st, size_t qindex);
/* Puts a core refusal (field: a question's key) under its field and
 * focuses it; says it as the notice. */
void survey_form_refuse(struct app *app, struct survey_take *st,
    struct core_error e);

#endif
