/* The built-in survey templates' table (core/survey-templates.h). Their
 * texts are the files in etc/surveys, made into the C arrays of the
 * generated survey-templates.inc (core/survey-templates.mk); a new
 * template is a file there, a line here and its name in the catalogs. */
#include "core/survey-templates.h"

#include <string.h>

#include "core/survey-text.h"

#include "survey-templates.inc"

static const struct survey_template template_list[] = {
	{ "event-feedback", "survey.template.event_feedback",
	  survey_template_event_feedback },
	{ "learning-in-kaunas", "survey.template.learning_in_kaunas",
	  survey_template_learning_in_kaunas },
	{ "mentorship-reflection", "survey.template.mentorship_reflection",
	  survey_template_mentorship_reflection },
};
#define NTEMPLATES	(sizeof template_list / sizeof template_list[0])

const struct survey_template *
survey_templates(size_t *n)
{
	*n = NTEMPLATES;
	return template_list;
}

const struct survey_template *
survey_template_find(const char *name)
{
	size_t i;

	for (i = 0; i < NTEMPLATES; i++)
		if (strcmp(template_list[i].name, name) == 0)
			return &template_list[i];
	return NULL;
}

int
survey_template_load(const struct survey_template *t, struct survey_def *out)
{
	struct survey_text_error err;

	return survey_text_parse(t->yaml, strlen(t->yaml), out, &err);
}
