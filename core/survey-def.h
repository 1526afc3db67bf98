/* A survey's definition in memory (issue 10): what the store saves and
 * loads (core/survey-store.c), the text format reads and writes
 * (core/survey-text.c), the built-in templates are, and the UI asks. It
 * holds no answers. Texts are per language, in i18n_langs order; a text
 * absent in the reader's language falls back to the survey's first
 * language (survey_text_pick). */
#ifndef TINKLAS_SURVEY_DEF_H
#define TINKLAS_SURVEY_DEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "i18n/i18n.h"		/* I18N_NLANGS */

#define SURVEY_TITLE_MAX	120	/* characters */
#define SURVEY_INTRO_MAX	2000
#define SURVEY_QTEXT_MAX	500
#define SURVEY_OPTION_MAX	120
#define SURVEY_QUESTIONS_MAX	60
#define SURVEY_OPTIONS_MAX	20
#define SURVEY_KEY_MAX		32	/* a question's or option's key */
#define SURVEY_SHORT_MAX	200	/* characters of a short answer */
#define SURVEY_LONG_MAX		4000	/* of a long one */

/* One text in each language; NULL where absent. */
struct survey_text {
	char	*v[I18N_NLANGS];
};

/* Stored as these numbers and written as these words (survey_kind_name):
 * never renumber. */
enum survey_qkind {
	SQ_SINGLE,	/* "single": one option */
	SQ_MULTIPLE,	/* "multiple": up to max_choices options */
	SQ_AGREE5,	/* "agree5": 1 strongly disagree .. 5 strongly agree */
	SQ_SCALE10,	/* "scale10": 0 .. 10 */
	SQ_NUMBER,	/* "number": an integer from min to max */
	SQ_SHORT,	/* "short": one line */
	SQ_LONG,	/* "long": several lines */
};
#define SQ_NKINDS	7

struct survey_option {
	char			key[SURVEY_KEY_MAX + 1];	/* [a-z0-9_]+ */
	struct survey_text	label;
};

struct survey_question {
	char			 key[SURVEY_KEY_MAX + 1];	/* [a-z0-9_]+,
						 * unique in the survey */
	enum survey_qkind	 kind;
	bool			 required;
	struct survey_text	 text;
	struct survey_option	*options;	/* SQ_SINGLE, SQ_MULTIPLE */
	size_t			 noptions;
	int			 max_choices;	/* SQ_MULTIPLE; 0: any */
	long long		 min, max;	/* SQ_NUMBER */
	/* Skip logic: shown only when the earlier question show_if answered
	 * show_value (an option key, or a scale's or number's value in
	 * decimal; for SQ_MULTIPLE: among the chosen). "" : always shown. */
	char			 show_if[SURVEY_KEY_MAX + 1];
	char			 show_value[SURVEY_KEY_MAX + 1];
};

/* Who is asked. Stored as these numbers, written as these words. */
enum survey_audience {
	SA_ALL,		/* "all": every member */
	SA_ROLE,	/* "role": members of role audience_role and above */
	SA_EVENT,	/* "event": who answered "going" to event audience_id,
			 * offered once it has ended */
	SA_MENTORSHIPS,	/* "mentorships": both sides of each mentorship,
			 * offered when it ends */
	SA_ORG,		/* "organisation": members of organisation
			 * audience_id */
};

enum survey_state {
	SS_DRAFT,	/* being built; nobody is asked */
	SS_OPEN,	/* asked between opens and closes */
	SS_CLOSED,	/* closed early by a moderator */
};

struct survey_def {
	int64_t			 id;	/* 0 until stored */
	/* The language texts fall back to: an index into i18n_langs. */
	int			 first_lang;
	struct survey_text	 title;
	struct survey_text	 intro;
	bool			 anonymous;
	enum survey_audience	 audience;
	int			 audience_role;	/* enum role, SA_ROLE */
	int64_t			 audience_id;	/* SA_EVENT, SA_ORG */
	int64_t			 opens, closes;	/* Unix time; 0: not set */
	enum survey_state	 state;
	struct survey_question	*questions;
	size_t			 nquestions;
};

void survey_def_free(struct survey_def *d);
/* The text in language lang ("uk"), else in the survey's first language,
 * else the first one present; "" when none. */
const char *survey_text_pick(const struct survey_def *d,
    const struct survey_text *t, const char *lang);
/* "single", ... and back; -1 for an unknown word. */
const char *survey_kind_name(enum survey_qkind k);
int survey_kind_parse(const char *s);
const char *survey_audience_name(enum survey_audience a);
int survey_audience_parse(const char *s);

#endif
