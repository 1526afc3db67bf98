/* core/survey-results: a fixture survey of every kind of question,
 * answered through survey_submit by twelve members (anonymously) and an
 * identified one answered and changed; every figure below is counted by
 * hand from the table in the fixture. Also: who may read results, skip
 * logic counted as not asked, the small-group rule in breakdowns (too
 * small and complement, k from the caller), the CSV (RFC 4180 parsed
 * back, CRLF, quoting, a formula neutralised, hidden groups absent, the
 * same figures), the survey-ID.csv output refusing a member, and
 * `tinklas admin survey results` in text and CSV. */
#include "cli/admin-survey-results.h"
#include "core/accounts.h"
#include "core/directory.h"
#include "core/output.h"
#include "core/survey.h"
#include "core/survey-results.h"
#include "common/config.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#define EPS		1e-6
#define NRESP		12

/* The twelve respondents and their answers ("" or -1: none given).
 * Languages lt 7, en 3, uk 2; roles member 10, moderator 2; eldership
 * centras 6, none 6. */
static const struct respondent {
	const char	*name, *lang, *eldership;
	enum role	 role;
	const char	*often;		/* weekly, monthly, never */
	const char	*topics;	/* comma-separated */
	int		 agree;		/* shown only when often = weekly */
	int		 nps;
	int		 age;
	const char	*comment;
	const char	*better;	/* shown only when nps = 10; NULL none */
} resp[NRESP] = {
	{ "r01", "lt", "centras", ROLE_MEMBER, "weekly", "it,art", 5, 10, 30,
	  "=1+1", "More  evenings" },
	{ "r02", "lt", "centras", ROLE_MEMBER, "weekly", "it", 4, 9, 41,
	  "Puiku, ačiū!" },
	{ "r03", "lt", "centras", ROLE_MEMBER, "weekly", "lang", 4, 9, 25,
	  "Line one\nline two" },
	{ "r04", "lt", "centras", ROLE_MEMBER, "weekly", "it,lang", 3, 8, 60,
	  "Say \"hi\"" },
	{ "r05", "lt", "centras", ROLE_MEMBER, "weekly", "", 2, 7, -1, "" },
	{ "r06", "lt", "centras", ROLE_MEMBER, "weekly", "", -1, 6, -1, "" },
	/* r07 answers agree too, but it was not shown (often monthly). */
	{ "r07", "lt", "", ROLE_MEMBER, "monthly", "", 1, 5, -1, "" },
	/* r08's "better" was not shown either (nps 3). */
	{ "r08", "en", "", ROLE_MEMBER, "monthly", "", -1, 3, -1, "",
	  "Not asked" },
	{ "r09", "en", "", ROLE_MEMBER, "monthly", "art", -1, 10, -1, "" },
	{ "r10", "en", "", ROLE_MEMBER, "monthly", "", -1, 0, -1, "" },
	{ "r11", "uk", "", ROLE_MODERATOR, "never", "", -1, 9, -1, "" },
	{ "r12", "uk", "", ROLE_MODERATOR, "never", "", -1, 8, -1, "" },
};

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct actor	 mod, admin, member, guest;
	struct account	 mod_a, member_a;
	struct config	 cfg;
	int64_t		 id;	/* the anonymous survey */
	int64_t		 ident;	/* the identified one */
};

static char *
sdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

/* A question with its text in English (the survey's first language) and
 * options from a comma-separated list. */
static struct survey_question *
question(struct survey_def *d, const char *key, enum survey_qkind kind,
    const char *opts)
{
	struct survey_question *q = &d->questions[d->nquestions++];
	char buf[100], *tok, *save;

	snprintf(q->key, sizeof q->key, "%s", key);
	q->kind = kind;
	q->text.v[1] = sdup(key);
	if (opts == NULL)
		return q;
	assert_non_null(q->options = calloc(SURVEY_OPTIONS_MAX,
	    sizeof *q->options));
	snprintf(buf, sizeof buf, "%s", opts);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		snprintf(q->options[q->noptions].key, SURVEY_KEY_MAX + 1, "%s",
		    tok);
		q->options[q->noptions++].label.v[1] = sdup(tok);
	}
	return q;
}

static int64_t
make_survey(struct fixture *f, bool anonymous)
{
	struct survey_def d = { 0 };
	struct survey_question *q;
	int64_t id;

	d.first_lang = 1;	/* en */
	d.title.v[1] = sdup(anonymous ? "Learning in Kaunas" : "Tea or coffee");
	d.intro.v[1] = sdup("");
	d.anonymous = anonymous;
	d.audience = SA_ALL;
	d.state = SS_OPEN;
	assert_non_null(d.questions = calloc(8, sizeof *d.questions));
	if (anonymous) {
		question(&d, "often", SQ_SINGLE, "weekly,monthly,never")->
		    required = true;
		question(&d, "topics", SQ_MULTIPLE, "it,art,lang");
		q = question(&d, "agree", SQ_AGREE5, NULL);
		snprintf(q->show_if, sizeof q->show_if, "often");
		snprintf(q->show_value, sizeof q->show_value, "weekly");
		question(&d, "nps", SQ_SCALE10, NULL)->required = true;
		q = question(&d, "age", SQ_NUMBER, NULL);
		q->min = 0;
		q->max = 120;
		question(&d, "comment", SQ_LONG, NULL);
		q = question(&d, "better", SQ_SHORT, NULL);
		snprintf(q->show_if, sizeof q->show_if, "nps");
		snprintf(q->show_value, sizeof q->show_value, "10");
	} else
		question(&d, "drink", SQ_SINGLE, "tea,coffee")->required = true;
	assert_null(survey_create(f->t.db, &f->mod, &d, &id).key);
	survey_def_free(&d);
	return id;
}

static void
submit(struct fixture *f, const struct actor *a, const struct respondent *r)
{
	struct survey_answers ans = { 0 };
	struct survey_answer *x;
	char buf[64], *tok, *save;

	assert_non_null(x = survey_answer_put(&ans, "often"));
	assert_int_equal(survey_answer_choose(x, r->often), 0);
	if (r->topics[0] != '\0') {
		assert_non_null(x = survey_answer_put(&ans, "topics"));
		snprintf(buf, sizeof buf, "%s", r->topics);
		for (tok = strtok_r(buf, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			assert_int_equal(survey_answer_choose(x, tok), 0);
	}
	if (r->agree >= 0) {
		assert_non_null(x = survey_answer_put(&ans, "agree"));
		x->has_num = true;
		x->num = r->agree;
	}
	assert_non_null(x = survey_answer_put(&ans, "nps"));
	x->has_num = true;
	x->num = r->nps;
	if (r->age >= 0) {
		assert_non_null(x = survey_answer_put(&ans, "age"));
		x->has_num = true;
		x->num = r->age;
	}
	if (r->comment[0] != '\0') {
		assert_non_null(x = survey_answer_put(&ans, "comment"));
		assert_int_equal(survey_answer_set_text(x, r->comment), 0);
	}
	if (r->better != NULL) {
		assert_non_null(x = survey_answer_put(&ans, "better"));
		assert_int_equal(survey_answer_set_text(x, r->better), 0);
	}
	assert_null(survey_submit(f->t.db, a, f->id, &ans).key);
	survey_answers_free(&ans);
}

static void
drink(struct fixture *f, const struct actor *a, const char *what)
{
	struct survey_answers ans = { 0 };
	struct survey_answer *x;

	assert_non_null(x = survey_answer_put(&ans, "drink"));
	assert_int_equal(survey_answer_choose(x, what), 0);
	assert_null(survey_submit(f->t.db, a, f->ident, &ans).key);
	survey_answers_free(&ans);
}

static int
setup(void **state)
{
	struct fixture *f;

	if (ti18n_setup(state) != 0)
		return -1;
	f = tdb_new(sizeof *f, "survey-results");
	i18n_set_lang("en");
	config_defaults(&f->cfg);
	f->mod = tdb_viewer(&f->t, "moderatore", "en", ROLE_MODERATOR);
	f->admin = tdb_viewer(&f->t, "admine", "en", ROLE_ADMIN);
	f->member = tdb_viewer(&f->t, "narys", "lt", ROLE_MEMBER);
	f->guest = actor_guest("en");
	assert_int_equal(account_by_id(f->t.db, f->mod.account_id, &f->mod_a),
	    0);
	assert_int_equal(account_by_id(f->t.db, f->member.account_id,
	    &f->member_a), 0);
	f->id = make_survey(f, true);
	f->ident = make_survey(f, false);
	for (int i = 0; i < NRESP; i++) {
		struct actor a = tdb_viewer(&f->t, resp[i].name, resp[i].lang,
		    resp[i].role);

		if (resp[i].eldership[0] != '\0') {
			struct dir_profile_input in =
			    dir_profile_input_default();

			in.eldership = resp[i].eldership;
			assert_null(directory_profile_save(f->t.db, &a,
			    &in).key);
		}
		submit(f, &a, &resp[i]);
		/* r01 to r03 answer the identified one: tea, tea, coffee;
		 * r01 then changes to coffee. */
		if (i < 3)
			drink(f, &a, i < 2 ? "tea" : "coffee");
		if (i == 0)
			drink(f, &a, "coffee");
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	config_free(&f->cfg);
	tdb_teardown(state);
	return ti18n_teardown(state);
}

static const struct survey_qresult *
qres(const struct survey_results *r, const char *key)
{
	for (size_t i = 0; i < r->def.nquestions; i++)
		if (strcmp(r->q[i].q->key, key) == 0)
			return &r->q[i];
	fail_msg("no question %s", key);
	return NULL;
}

static const struct survey_count *
item(const struct survey_count *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].item, key) == 0)
			return &v[i];
	fail_msg("no item %s", key);
	return NULL;
}

static const struct survey_group *
group(const struct survey_breakdown *b, const char *label)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->v[i].label, label) == 0)
			return &b->v[i];
	fail_msg("no group %s", label);
	return NULL;
}

/* Moderators and admins read results; members and guests do not; an
 * unknown survey is not found. */
static void
test_who(void **state)
{
	struct fixture *f = *state;
	struct survey_results r;

	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 5, &r).key);
	assert_int_equal(r.responses, NRESP);
	survey_results_free(&r);
	assert_null(survey_results_get(f->t.db, &f->admin, f->id, 5, &r).key);
	survey_results_free(&r);
	assert_string_equal(survey_results_get(f->t.db, &f->member, f->id, 5,
	    &r).key, "error.survey.not_allowed");
	survey_results_free(&r);
	assert_string_equal(survey_results_get(f->t.db, &f->guest, f->id, 5,
	    &r).key, "error.survey.not_allowed");
	survey_results_free(&r);
	assert_string_equal(survey_results_get(f->t.db, &f->mod, 999999, 5,
	    &r).key, "error.survey.not_found");
	survey_results_free(&r);
}

/* The figures of each question, counted by hand from resp[]. */
static void
test_figures(void **state)
{
	struct fixture *f = *state;
	const struct survey_qresult *q;
	struct survey_results r;

	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 5, &r).key);
	assert_int_equal(r.responses, 12);
	assert_true(r.indicative);		/* 12 < 30 */
	assert_int_equal(r.min_group, 5);

	q = qres(&r, "often");
	assert_int_equal(q->asked, 12);
	assert_int_equal(q->not_asked, 0);
	assert_int_equal(q->answered, 12);
	assert_int_equal(q->nvalues, 3);
	assert_string_equal(q->values[0].item, "weekly");	/* in order */
	assert_int_equal(q->values[0].count, 6);
	assert_float_equal(q->values[0].share, 0.5, EPS);
	assert_int_equal(item(q->values, q->nvalues, "monthly")->count, 4);
	assert_int_equal(item(q->values, q->nvalues, "never")->count, 2);
	assert_false(q->has_mean);
	assert_int_equal(q->ntexts, 0);

	/* Multiple: 5 answered (r01-r04, r09); it 3, art 2, lang 2. */
	q = qres(&r, "topics");
	assert_int_equal(q->asked, 12);
	assert_int_equal(q->answered, 5);
	assert_int_equal(item(q->values, q->nvalues, "it")->count, 3);
	assert_float_equal(item(q->values, q->nvalues, "it")->share, 0.6, EPS);
	assert_int_equal(item(q->values, q->nvalues, "art")->count, 2);
	assert_float_equal(item(q->values, q->nvalues, "lang")->share, 0.4,
	    EPS);

	/* Shown to the 6 weekly ones; r06 left it; r07's answer was to a
	 * hidden question and is not counted. 5, 4, 4, 3, 2: mean 3.6,
	 * median 4. */
	q = qres(&r, "agree");
	assert_int_equal(q->asked, 6);
	assert_int_equal(q->not_asked, 6);
	assert_int_equal(q->answered, 5);
	assert_int_equal(q->nvalues, 5);
	assert_string_equal(q->values[0].item, "1");
	assert_int_equal(q->values[0].count, 0);		/* r07's 1 */
	assert_int_equal(item(q->values, q->nvalues, "4")->count, 2);
	assert_float_equal(item(q->values, q->nvalues, "4")->share, 0.4, EPS);
	assert_true(q->has_mean);
	assert_float_equal(q->mean, 3.6, EPS);
	assert_float_equal(q->median, 4, EPS);
	assert_false(q->has_recommend);

	/* 0 3 5 6 7 8 8 9 9 9 10 10: mean 7, median 8; promoters 5,
	 * detractors 4 of 12: 100 / 12 points. */
	q = qres(&r, "nps");
	assert_int_equal(q->nvalues, 11);
	assert_int_equal(item(q->values, q->nvalues, "9")->count, 3);
	assert_int_equal(item(q->values, q->nvalues, "1")->count, 0);
	assert_float_equal(q->mean, 7, EPS);
	assert_float_equal(q->median, 8, EPS);
	assert_true(q->has_recommend);
	assert_float_equal(q->recommend, 100.0 / 12, EPS);

	/* 30, 41, 25, 60: mean 39, median 35.5; no values, no breakdown. */
	q = qres(&r, "age");
	assert_int_equal(q->answered, 4);
	assert_int_equal(q->nvalues, 0);
	assert_float_equal(q->mean, 39, EPS);
	assert_float_equal(q->median, 35.5, EPS);
	assert_false(q->has_breakdowns);

	/* Free texts in text order, whatever order they came in; never
	 * broken down. */
	q = qres(&r, "comment");
	assert_int_equal(q->answered, 4);
	assert_int_equal(q->ntexts, 4);
	assert_string_equal(q->texts[0], "=1+1");
	assert_string_equal(q->texts[1], "Line one\nline two");
	assert_string_equal(q->texts[2], "Puiku, ačiū!");
	assert_string_equal(q->texts[3], "Say \"hi\"");
	assert_false(q->has_breakdowns);
	assert_int_equal(q->by[SD_LANG].n, 0);

	/* Shown when nps is 10 (r01, r09): a number as the skip value; r08's
	 * answer to it was dropped. */
	q = qres(&r, "better");
	assert_int_equal(q->asked, 2);
	assert_int_equal(q->not_asked, 10);
	assert_int_equal(q->answered, 1);
	assert_int_equal(q->ntexts, 1);
	assert_string_equal(q->texts[0], "More evenings");	/* one line */
	survey_results_free(&r);
}

/* An identified survey: r01 changed tea to coffee, so 3 responses, tea
 * 1, coffee 2. */
static void
test_identified(void **state)
{
	struct fixture *f = *state;
	const struct survey_qresult *q;
	struct survey_results r;

	assert_null(survey_results_get(f->t.db, &f->mod, f->ident, 5, &r).key);
	assert_int_equal(r.responses, 3);
	q = qres(&r, "drink");
	assert_int_equal(q->answered, 3);
	assert_int_equal(item(q->values, q->nvalues, "tea")->count, 1);
	assert_int_equal(item(q->values, q->nvalues, "coffee")->count, 2);
	/* 3 answers: every group is below 5 and the total too. */
	assert_int_equal(q->by[SD_LANG].hidden, q->by[SD_LANG].n);
	survey_results_free(&r);
}

/* Breakdowns with k = 5: language en 3 and uk 2 too small (5 together:
 * no complement), lt shown; role moderator 2 too small and member 10
 * hidden with it; eldership both 6, shown, with their own figures. */
static void
test_breakdowns(void **state)
{
	struct fixture *f = *state;
	const struct survey_qresult *q;
	const struct survey_group *g;
	struct survey_results r;

	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 5, &r).key);
	/* The survey's responses per group. */
	assert_int_equal(r.by[SD_LANG].n, 3);
	assert_int_equal(r.by[SD_LANG].hidden, 2);
	assert_int_equal(group(&r.by[SD_LANG], "lt")->count, 7);
	assert_int_equal(group(&r.by[SD_LANG], "en")->why, SG_TOO_SMALL);
	assert_int_equal(group(&r.by[SD_LANG], "en")->count, 0);  /* dropped */
	assert_int_equal(group(&r.by[SD_ROLE], "moderator")->why,
	    SG_TOO_SMALL);
	assert_int_equal(group(&r.by[SD_ROLE], "member")->why, SG_COMPLEMENT);
	assert_int_equal(group(&r.by[SD_ELDERSHIP], "")->count, 6);

	q = qres(&r, "often");
	g = group(&q->by[SD_LANG], "lt");
	assert_int_equal(g->why, SG_SHOWN);
	assert_int_equal(g->count, 7);
	assert_int_equal(item(g->values, q->nvalues, "weekly")->count, 6);
	assert_int_equal(item(g->values, q->nvalues, "monthly")->count, 1);
	assert_float_equal(item(g->values, q->nvalues, "weekly")->share,
	    6.0 / 7, EPS);
	g = group(&q->by[SD_LANG], "uk");
	assert_int_equal(g->why, SG_TOO_SMALL);
	assert_null(g->values);
	assert_int_equal(group(&q->by[SD_ROLE], "member")->why, SG_COMPLEMENT);
	assert_null(group(&q->by[SD_ROLE], "member")->values);
	assert_int_equal(q->by[SD_ROLE].hidden, 2);

	/* nps by eldership: centras 10 9 9 8 7 6 (mean 49/6, median 8.5,
	 * recommend (3 - 1) / 6); none 5 3 10 0 9 8 (mean 35/6, median 6.5,
	 * recommend (2 - 3) / 6). */
	q = qres(&r, "nps");
	assert_int_equal(q->by[SD_ELDERSHIP].hidden, 0);
	g = group(&q->by[SD_ELDERSHIP], "centras");
	assert_int_equal(g->count, 6);
	assert_true(g->has_mean);
	assert_float_equal(g->mean, 49.0 / 6, EPS);
	assert_float_equal(g->median, 8.5, EPS);
	assert_float_equal(g->recommend, 200.0 / 6, EPS);
	g = group(&q->by[SD_ELDERSHIP], "");
	assert_float_equal(g->mean, 35.0 / 6, EPS);
	assert_float_equal(g->median, 6.5, EPS);
	assert_float_equal(g->recommend, -100.0 / 6, EPS);
	assert_int_equal(item(g->values, q->nvalues, "10")->count, 1);

	/* agree: its 5 answerers are all lt, centras, members: shown. The
	 * rule runs over the question's answerers, not the survey's. */
	q = qres(&r, "agree");
	assert_int_equal(q->by[SD_LANG].n, 1);
	assert_int_equal(group(&q->by[SD_LANG], "lt")->count, 5);
	assert_int_equal(q->by[SD_ROLE].hidden, 0);

	/* topics: 5 answerers, lt 4 (too small) and en 1: hidden together. */
	q = qres(&r, "topics");
	assert_int_equal(q->by[SD_LANG].hidden, 2);
	assert_int_equal(group(&q->by[SD_LANG], "lt")->why, SG_TOO_SMALL);
	survey_results_free(&r);
}

/* k from the caller: with 2 every language and role shows; with 1 nothing
 * is hidden anywhere. */
static void
test_min_group(void **state)
{
	struct fixture *f = *state;
	const struct survey_qresult *q;
	struct survey_results r;

	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 2, &r).key);
	q = qres(&r, "often");
	assert_int_equal(q->by[SD_LANG].hidden, 0);
	assert_int_equal(group(&q->by[SD_LANG], "uk")->count, 2);
	assert_int_equal(item(group(&q->by[SD_LANG], "uk")->values, q->nvalues,
	    "never")->count, 2);
	assert_int_equal(q->by[SD_ROLE].hidden, 0);
	/* topics by language: lt 4, en 1 (too small, and 1 < 2 alone: lt
	 * goes with it). */
	q = qres(&r, "topics");
	assert_int_equal(group(&q->by[SD_LANG], "en")->why, SG_TOO_SMALL);
	assert_int_equal(group(&q->by[SD_LANG], "lt")->why, SG_COMPLEMENT);
	survey_results_free(&r);
	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 1, &r).key);
	for (size_t i = 0; i < r.def.nquestions; i++)
		for (int d = 0; d < SD_NDIMS; d++)
			assert_int_equal(r.q[i].by[d].hidden, 0);
	survey_results_free(&r);
}

/* 30 responses are no longer indicative (29 were). */
static void
test_indicative(void **state)
{
	struct fixture *f = *state;
	struct survey_results r;
	char name[16];

	for (int i = 0; i < 18; i++) {
		struct actor a;
		struct respondent x = resp[7];

		snprintf(name, sizeof name, "extra%02d", i);
		a = tdb_viewer(&f->t, name, "pl", ROLE_MEMBER);
		x.name = name;
		if (i == 17) {
			assert_null(survey_results_get(f->t.db, &f->mod,
			    f->id, 5, &r).key);
			assert_int_equal(r.responses, 29);
			assert_true(r.indicative);
			survey_results_free(&r);
		}
		submit(f, &a, &x);
	}
	assert_null(survey_results_get(f->t.db, &f->mod, f->id, 5, &r).key);
	assert_int_equal(r.responses, 30);
	assert_false(r.indicative);
	survey_results_free(&r);
}

/* RFC 4180 back into rows of cells: quoted cells may hold commas, CR, LF
 * and doubled quotes; every line must end in CRLF. Returns the rows. */
struct csv {
	char	***rows;
	size_t	  *ncells;
	size_t	   n;
};

static void
csv_parse(const char *s, struct csv *out)
{
	struct strbuf cell = { 0 };
	char **cells = NULL;
	size_t n = 0;

	memset(out, 0, sizeof *out);
	while (*s != '\0') {
		bool quoted = *s == '"';

		sb_puts(&cell, "");
		if (quoted) {
			for (s++;; s++) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"')
					sb_putc(&cell, *s++);
				else if (*s == '"')
					break;
				else
					sb_putc(&cell, *s);
			}
			s++;
		} else
			for (; *s != ',' && *s != '\r' && *s != '\0'; s++) {
				assert_true(*s != '\n' && *s != '"');
				sb_putc(&cell, *s);
			}
		assert_non_null(cells = realloc(cells, (n + 1) * sizeof *cells));
		cells[n++] = sb_take(&cell);
		if (*s == ',') {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		s += 2;
		assert_non_null(out->rows = realloc(out->rows, (out->n + 1) *
		    sizeof *out->rows));
		assert_non_null(out->ncells = realloc(out->ncells, (out->n + 1) *
		    sizeof *out->ncells));
		out->rows[out->n] = cells;
		out->ncells[out->n++] = n;
		cells = NULL;
		n = 0;
	}
	assert_int_equal(n, 0);
}

static void
csv_free(struct csv *c)
{
	for (size_t i = 0; i < c->n; i++) {
		for (size_t j = 0; j < c->ncells[i]; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	free(c->ncells);
}

/* The row whose first five cells are these, or NULL. */
static char **
csv_row(const struct csv *c, const char *row, const char *question,
    const char *breakdown, const char *grp, const char *it)
{
	const char *want[] = { row, question, breakdown, grp, it };

	for (size_t i = 0; i < c->n; i++) {
		size_t j;

		for (j = 0; j < 5; j++)
			if (strcmp(c->rows[i][j], want[j]) != 0)
				break;
		if (j == 5)
			return c->rows[i];
	}
	return NULL;
}

static void
test_csv(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = { 0 };
	struct csv c;
	char **row;

	assert_string_equal(survey_results_csv(f->t.db, &f->member, f->id, 5,
	    &out).key, "error.survey.not_allowed");
	assert_int_equal(out.len, 0);
	assert_null(survey_results_csv(f->t.db, &f->mod, f->id, 5, &out).key);
	/* Quoting on the wire: the text with a newline, the doubled quotes,
	 * the formula with its apostrophe. */
	assert_non_null(strstr(out.s, "\r\ntext,comment,,,,,,\"Line one\n"
	    "line two\"\r\n"));
	assert_non_null(strstr(out.s, "\r\ntext,comment,,,,,,\"Say \"\"hi"
	    "\"\"\"\r\n"));
	assert_non_null(strstr(out.s, "\r\ntext,comment,,,,,,'=1+1\r\n"));
	assert_null(strstr(out.s, ",=1+1"));
	csv_parse(out.s, &c);
	for (size_t i = 0; i < c.n; i++)
		assert_int_equal(c.ncells[i], 8);
	assert_string_equal(c.rows[0][0], "row");
	assert_string_equal(c.rows[0][7], "value");
	assert_non_null(row = csv_row(&c, "responses", "", "", "", ""));
	assert_string_equal(row[5], "12");
	assert_non_null(row = csv_row(&c, "indicative", "", "", "", ""));
	assert_string_equal(row[7], "yes");
	assert_non_null(row = csv_row(&c, "min_group", "", "", "", ""));
	assert_string_equal(row[7], "5");
	assert_non_null(row = csv_row(&c, "option", "often", "", "", "weekly"));
	assert_string_equal(row[5], "6");
	assert_string_equal(row[6], "0.5000");
	assert_non_null(row = csv_row(&c, "option", "topics", "", "", "it"));
	assert_string_equal(row[6], "0.6000");
	assert_non_null(row = csv_row(&c, "not_asked", "agree", "", "", ""));
	assert_string_equal(row[5], "6");
	assert_non_null(row = csv_row(&c, "scale", "agree", "", "", "4"));
	assert_string_equal(row[5], "2");
	assert_non_null(row = csv_row(&c, "mean", "agree", "", "", ""));
	assert_string_equal(row[7], "3.60");
	assert_non_null(row = csv_row(&c, "median", "age", "", "", ""));
	assert_string_equal(row[7], "35.50");
	assert_non_null(row = csv_row(&c, "recommend", "nps", "", "", ""));
	assert_string_equal(row[7], "8.33");
	assert_non_null(csv_row(&c, "text", "comment", "", "", ""));
	assert_non_null(row = csv_row(&c, "option", "often", "language", "lt",
	    "weekly"));
	assert_string_equal(row[5], "6");
	assert_string_equal(row[6], "0.8571");
	assert_non_null(row = csv_row(&c, "recommend", "nps", "eldership", "",
	    ""));
	assert_string_equal(row[7], "-16.67");
	assert_non_null(row = csv_row(&c, "responses", "", "language", "lt",
	    ""));
	assert_string_equal(row[5], "7");
	/* Hidden groups are never written, at any level: en and uk, and
	 * members beside moderators (often, nps and the survey's
	 * responses). */
	for (size_t i = 0; i < c.n; i++) {
		if (strcmp(c.rows[i][2], "language") == 0)
			assert_string_equal(c.rows[i][3], "lt");
		/* Members are shown only where no moderator answered. */
		if (strcmp(c.rows[i][2], "role") == 0) {
			assert_string_equal(c.rows[i][3], "member");
			assert_true(strcmp(c.rows[i][1], "agree") == 0 ||
			    strcmp(c.rows[i][1], "topics") == 0);
		}
		/* Free texts carry no group. */
		if (strcmp(c.rows[i][0], "text") == 0)
			assert_string_equal(c.rows[i][2], "");
	}
	assert_non_null(row = csv_row(&c, "answered", "agree", "role",
	    "member", ""));
	assert_string_equal(row[5], "5");
	/* Positive control: with k = 2 they are there. */
	csv_free(&c);
	sb_free(&out);
	assert_null(survey_results_csv(f->t.db, &f->mod, f->id, 2, &out).key);
	csv_parse(out.s, &c);
	assert_non_null(row = csv_row(&c, "option", "often", "role",
	    "moderator", "never"));
	assert_string_equal(row[5], "2");
	assert_string_equal(row[6], "1.0000");
	csv_free(&c);
	sb_free(&out);
}

/* survey-ID.csv: moderators only (the connection asks output_allowed);
 * the writer itself refuses a member too, and a survey that is not. */
static void
test_output(void **state)
{
	struct fixture *f = *state;
	const struct output *o;
	char name[32], *text = NULL;
	struct output_ctx x = { .db = f->t.db, .cfg = &f->cfg };
	size_t len;

	snprintf(name, sizeof name, "survey-%lld.csv", (long long)f->id);
	assert_non_null(o = output_find(name));
	assert_int_equal(o->who, OUTPUT_MODERATORS);
	assert_false(o->feed);
	assert_false(output_allowed(o, &f->member_a));
	assert_false(output_allowed(o, NULL));
	assert_true(output_allowed(o, &f->mod_a));
	x.name = name;
	x.actor = &f->member;
	x.account = &f->member_a;
	assert_non_null(x.out = open_memstream(&text, &len));
	assert_int_equal(o->write(&x), OUTPUT_REFUSED);
	fclose(x.out);
	assert_null(strstr(text, "row,question"));
	free(text);
	x.actor = &f->mod;
	x.account = &f->mod_a;
	assert_non_null(x.out = open_memstream(&text, &len));
	assert_int_equal(o->write(&x), 0);
	fclose(x.out);
	{
		const char *head = "row,question,breakdown,group,item,count,"
		    "share,value\r\nresponses,,,,,12,,\r\n";

		assert_true(strncmp(text, head, strlen(head)) == 0);
	}
	free(text);
	/* No such survey, and an id in a second spelling. */
	x.name = "survey-999999.csv";
	assert_non_null(x.out = open_memstream(&text, &len));
	assert_int_equal(o->write(&x), OUTPUT_REFUSED);
	fclose(x.out);
	free(text);
	snprintf(name, sizeof name, "survey-0%lld.csv", (long long)f->id);
	x.name = name;
	assert_non_null(output_find(name));
	assert_non_null(x.out = open_memstream(&text, &len));
	assert_int_equal(o->write(&x), OUTPUT_REFUSED);
	fclose(x.out);
	assert_string_equal(text, "There is no such survey.\n");
	free(text);
	assert_null(output_find("survey-1.ics"));
}

/* Runs `tinklas admin survey results ARGS` and returns what it printed. */
static char *
admin(struct fixture *f, int *rc, const char *a1, const char *a2)
{
	char *argv[] = { "results", (char *)a1, (char *)a2, NULL };
	struct admin_ctx ctx = { .cfg = &f->cfg, .db = f->t.db };
	char path[] = "/tmp/tinklas-survey-results-XXXXXX", *text;
	int fd = mkstemp(path), saved;
	FILE *fp;
	long n;

	assert_true(fd >= 0);
	fflush(stdout);
	saved = dup(1);
	dup2(fd, 1);
	optind = 0;
	*rc = survey_results_cmd.exec(&ctx, a2 != NULL ? 3 : 2, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(fd);
	assert_non_null(fp = fopen(path, "rb"));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	assert_non_null(text = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(text, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	unlink(path);
	return text;
}

static void
test_admin_command(void **state)
{
	struct fixture *f = *state;
	struct actor a = actor_admin_command("en");
	struct strbuf want = { 0 };
	char id[24], *text;
	int rc;

	snprintf(id, sizeof id, "%lld", (long long)f->id);
	text = admin(f, &rc, id, "--csv");
	assert_int_equal(rc, 0);
	assert_null(survey_results_csv(f->t.db, &a, f->id,
	    f->cfg.survey_min_group, &want).key);
	assert_string_equal(text, want.s);
	sb_free(&want);
	free(text);
	text = admin(f, &rc, id, NULL);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(text, "Learning in Kaunas"));
	assert_non_null(strstr(text, "responses: 12 (indicative"));
	assert_non_null(strstr(text, "  asked 6, not asked 6, answered 5\n"));
	assert_non_null(strstr(text, "  mean 3.60, median 4.00\n"));
	assert_non_null(strstr(text, "  recommend score +8.3 points\n"));
	assert_non_null(strstr(text, "      uk: hidden, too small\n"));
	assert_non_null(strstr(text, "      member: hidden, hidden so that a "
	    "small group cannot be worked out\n"));
	assert_non_null(strstr(text, "  - =1+1\n"));
	/* A long answer's newline becomes a space on one line. */
	assert_null(strstr(text, "Line one\n"));
	free(text);
	text = admin(f, &rc, "999999", NULL);
	assert_int_equal(rc, 1);
	free(text);
	text = admin(f, &rc, "x", NULL);
	assert_int_equal(rc, 2);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_identified),
		cmocka_unit_test(test_breakdowns),
		cmocka_unit_test(test_min_group),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_output),
		cmocka_unit_test(test_admin_command),
		cmocka_unit_test(test_indicative),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
