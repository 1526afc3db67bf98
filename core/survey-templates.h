/* The built-in survey templates (issue 10): event feedback, a mentorship
 * reflection and "Learning in Kaunas", each in all five languages. They
 * are the files etc/surveys/NAME.yaml, compiled in at build time
 * (core/survey-templates.mk), in the text format of core/survey-text.h. */
#ifndef TINKLAS_SURVEY_TEMPLATES_H
#define TINKLAS_SURVEY_TEMPLATES_H

#include <stddef.h>

#include "core/survey-def.h"

struct survey_template {
	const char	*name;		/* "event-feedback": the file's name */
	const char	*name_key;	/* "survey.template.event_feedback":
					 * its name in the menu */
	const char	*yaml;		/* the file's text */
};

/* The templates, in the order of the menu (by name); *n gets their
 * number. */
const struct survey_template *survey_templates(size_t *n);
/* The template called name, or NULL. */
const struct survey_template *survey_template_find(const char *name);
/* Parses template t into *out (survey_def_free frees it). A built-in
 * template always parses (the unit tests see to that): returns 0, or -1
 * only if one was broken by an edit. */
int survey_template_load(const struct survey_template *t,
    struct survey_def *out);

#endif
