/* Words and small helpers the survey builder's screens share
 * (ui/survey-build-ui.h): a language's text of a survey, the names of
 * kinds, audiences and states, and days as the forms type them. */
#include "ui/survey-build-ui.h"
#include "common/xalloc.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

void
survey_build_text_set(struct survey_text *t, int lang, const char *s)
{
	assert(lang >= 0 && lang < I18N_NLANGS);
	free(t->v[lang]);
	t->v[lang] = s != NULL && s[0] != '\0' ? xstrdup(s) : NULL;
}

const char *
survey_build_text(const struct survey_text *t, int lang)
{
	assert(lang >= 0 && lang < I18N_NLANGS);
	return t->v[lang] != NULL ? t->v[lang] : "";
}

const char *
survey_build_kind_key(enum survey_qkind k)
{
	static const char *const keys[SQ_NKINDS] = { "survey.kind.single",
		"survey.kind.multiple", "survey.kind.agree5",
		"survey.kind.scale10", "survey.kind.number",
		"survey.kind.short", "survey.kind.long" };

	assert((int)k >= 0 && k < SQ_NKINDS);
	return keys[k];
}

const char *
survey_build_audience_key(enum survey_audience a)
{
	static const char *const keys[] = { "survey.audience.all",
		"survey.audience.role", "survey.audience.event",
		"survey.audience.mentorships", "survey.audience.org" };

	assert((int)a >= SA_ALL && a <= SA_ORG);
	return keys[a];
}

const char *
survey_build_state_key(enum survey_state s)
{
	static const char *const keys[] = { "survey.state.draft",
		"survey.state.open", "survey.state.closed" };

	assert((int)s >= SS_DRAFT && s <= SS_CLOSED);
	return keys[s];
}

/* closes is the first instant it is closed: its day is the one before. */
void
survey_build_day(int64_t t, bool closes, char buf[11])
{
	struct i18n_wall w;

	buf[0] = '\0';
	if (t == 0)
		return;
	i18n_wall_from_utc(closes ? t - 1 : t, &w, NULL);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)w.year % 10000u,
	    (unsigned)w.month % 100u, (unsigned)w.day % 100u);
}

char *
survey_build_dates(int64_t opens, int64_t closes)
{
	char a[11], b[11];

	survey_build_day(opens, false, a);
	survey_build_day(closes, true, b);
	if (opens != 0 && closes != 0)
		return TFA("survey.build.dates_both", A_STR(a), A_STR(b));
	if (opens != 0)
		return TFA("survey.build.dates_opens", A_STR(a));
	if (closes != 0)
		return TFA("survey.build.dates_closes", A_STR(b));
	return xstrdup("");
}
