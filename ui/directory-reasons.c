/* Why someone was suggested, in the reader's words: core gives each
 * reason as data (a kind and a tag, language, eldership or availability
 * code, core/directory.h); each kind has its catalog pattern, so the words
 * and their order of cases are the language's ("teaches Lithuanian",
 * "moko: Lietuvių kalba"); reasons of one kind are said together
 * ("speaks Lithuanian, Ukrainian") and the kinds are parted by
 * semicolons. */
#include "ui/directory-ui.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The words of a run of reasons of one kind: the tags, languages or
 * availabilities joined by commas inside the kind's pattern ("speaks
 * Lithuanian, Ukrainian"), so a kind is said once. */
static char *
run_text(const struct dir_reason *r, int n)
{
	struct strbuf sb = { 0 };
	char *s, *name;
	int i, b;

	for (i = 0; i < n; i++) {
		switch (r[i].kind) {
		case DIR_R_SPEAKS:
			name = i18n_language_name(r[i].code);
			s = name != NULL ? name : xstrdup(r[i].code);
			break;
		case DIR_R_ELDERSHIP:
			s = dir_eldership_text(r[i].code);
			break;
		case DIR_R_AVAILABLE:
			/* The availability's own words read as a reason
			 * ("evenings", "vakarais"). */
			for (b = 0; dir_availability[b].code != NULL; b++)
				if (strcmp(dir_availability[b].code,
				    r[i].code) == 0)
					break;
			assert(dir_availability[b].code != NULL);
			s = xstrdup(T(dir_availability[b].key));
			break;
		case DIR_R_MENTORS:
			s = xstrdup("");
			break;
		default:
			s = xstrdup(r[i].code);	/* a tag's display */
			break;
		}
		sb_printf(&sb, "%s%s", i > 0 ? ", " : "", s);
		free(s);
	}
	s = sb.s != NULL ? sb_take(&sb) : xstrdup("");
	switch (r[0].kind) {
	case DIR_R_TEACHES:
		name = TFA("directory.reason.teaches", A_STR(s));
		break;
	case DIR_R_INTEREST:
		name = TFA("directory.reason.interest", A_STR(s));
		break;
	case DIR_R_SPEAKS:
		name = TFA("directory.reason.speaks", A_STR(s));
		break;
	case DIR_R_MENTORS:
		name = xstrdup(T("directory.reason.mentors"));
		break;
	default:
		return s;
	}
	free(s);
	return name;
}

char *
dir_reasons_text(const struct dir_reason *r, int n)
{
	struct strbuf sb = { 0 };
	int i, j;

	for (i = 0; i < n; i = j) {
		char *s;

		for (j = i + 1; j < n && r[j].kind == r[i].kind; j++)
			;
		s = run_text(r + i, j - i);
		sb_printf(&sb, "%s%s", i > 0 ? "; " : "", s);
		free(s);
	}
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}
