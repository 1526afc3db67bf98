/* The words of a breakdown's groups, shared by the survey results and the
 * metrics (ui/survey-results-ui.h): the codes core groups by are data,
 * their names the reader's. */
#include "ui/survey-results-ui.h"
#include "ui/directory-ui.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"

#include <stddef.h>
#include <string.h>

/* A group's label in the reader's words: a language's name, an
 * eldership's (or "none given"), a role's. */
char *
figures_group_word(enum survey_dim d, const char *label)
{
	static const struct { const char *code, *key; } roles[] = {
		{ "member", "survey_results.role.member" },
		{ "organiser", "survey_results.role.organiser" },
		{ "moderator", "survey_results.role.moderator" },
		{ "admin", "survey_results.role.admin" },
	};
	char *s;

	switch (d) {
	case SD_LANG:
		s = i18n_language_name(label);
		return s != NULL ? s : xstrdup(label);
	case SD_ELDERSHIP:
		if (label[0] == '\0')
			return xstrdup(T("survey_results.no_eldership"));
		return dir_eldership_text(label);
	case SD_ROLE:
		for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
			if (strcmp(label, roles[i].code) == 0)
				return xstrdup(T(roles[i].key));
		break;
	}
	return xstrdup(label);
}
