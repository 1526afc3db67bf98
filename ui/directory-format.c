/* Words for the directory's codes, shared by its screens: elderships
 * (the calendar's list and "outside Kaunas"), languages with their levels
 * (the names from ICU, i18n/langname.h), tags and availability, and the
 * typed form of languages the profile form reads back ("uk native, lt
 * good"): codes and levels are data; only the words are the reader's. */
#include "ui/directory-ui.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *
dir_eldership_text(const char *code)
{
	int i;

	if (code == NULL || code[0] == '\0')
		return xstrdup("");
	if (strcmp(code, DIR_OUTSIDE) == 0)
		return xstrdup(T(dir_outside_key));
	i = cal_eldership_find(code);
	return xstrdup(i >= 0 ? T(cal_elderships[i].key) : code);
}

/* A language's name, or its code when ICU has none. */
static char *
lang_name(const char *code)
{
	char *name = i18n_language_name(code);

	return name != NULL ? name : xstrdup(code);
}

char *
dir_langs_text(const struct dir_lang *l, int n)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		char *name = lang_name(l[i].code);
		char *s = TFA("directory.lang_level", A_STR(name),
		    A_STR(T(dir_levels[l[i].level].key)));

		sb_printf(&sb, "%s%s", i > 0 ? ", " : "", s);
		free(s);
		free(name);
	}
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

char *
dir_tags_text(const struct dir_tag *t, int n)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < n; i++)
		sb_printf(&sb, "%s%s", i > 0 ? ", " : "", t[i].display);
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

char *
dir_avail_text(unsigned avail)
{
	struct strbuf sb = { 0 };
	int b;

	for (b = 0; dir_availability[b].code != NULL; b++)
		if (avail & (1u << b))
			sb_printf(&sb, "%s%s", sb.s != NULL ? ", " : "",
			    T(dir_availability[b].key));
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

char *
dir_langs_typed(const struct dir_lang *l, int n)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < n; i++)
		sb_printf(&sb, "%s%s %s", i > 0 ? ", " : "", l[i].code,
		    dir_levels[l[i].level].code);
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

/* The level named by word: a code ("native") or its name in the current
 * language ("gimtoji"), case- and accent-blind; -1 when neither. */
static int
level_of(const char *word)
{
	char *w = i18n_fold(word), *name;
	int i, found = -1;

	for (i = 0; found < 0 && dir_levels[i].code != NULL; i++) {
		name = i18n_fold(T(dir_levels[i].key));
		if (strcmp(w, dir_levels[i].code) == 0 || strcmp(w, name) == 0)
			found = i;
		free(name);
	}
	free(w);
	return found;
}

int
dir_langs_parse(const char *s, struct dir_lang *out, int max, int *n)
{
	char **parts = xcalloc((size_t)max + 1, sizeof *parts);
	int np = dir_split_tags(s, parts, max + 1), i, rc = 0;

	*n = 0;
	for (i = 0; i < np; i++) {
		char *p = parts[i], *sp = strchr(p, ' ');
		size_t len = sp != NULL ? (size_t)(sp - p) : strlen(p);
		int level = DIR_GOOD;

		if (sp != NULL) {
			while (*sp == ' ')
				sp++;
			level = level_of(sp);
		}
		if (len < 2 || len > 3 || level < 0 || *n >= max) {
			rc = -1;
			continue;
		}
		for (size_t k = 0; k < len; k++)
			out[*n].code[k] = (char)tolower((unsigned char)p[k]);
		out[*n].code[len] = '\0';
		out[*n].level = (enum dir_level)level;
		(*n)++;
	}
	if (np < 0)
		rc = -1;
	for (i = 0; i <= max; i++)
		free(parts[i]);
	free(parts);
	return rc;
}

int
dir_split_tags(const char *s, char **out, int max)
{
	int n = 0;

	while (*s != '\0') {
		const char *end = strchr(s, ','), *a = s, *b;

		if (end == NULL)
			end = s + strlen(s);
		b = end;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			if (n >= max)
				return -1;
			out[n++] = xstrndup(a, (size_t)(b - a));
		}
		s = *end != '\0' ? end + 1 : end;
	}
	return n;
}
