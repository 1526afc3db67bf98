/* The results and metrics screens (ui/survey-results-ui.h) without a
 * terminal, over the demo and a survey answered through survey_submit
 * (tests/unit/fixture-results.h), in both modes under the recording
 * renderer: the counts and shares core returns, with their bar (Unicode
 * blocks on the full screen, '#' in the plain mode and on a terminal
 * without UTF-8); the indicative mark under 30 responses and not at 30;
 * b breaks down by language, the small uk group hidden as too small and
 * en hidden beside it, lt shown; a member is refused both screens; the
 * metrics show the figures core computes (the members by language with
 * a hidden group, the survey's response rate), p moves the period and m
 * makes it longer; and at
 * 80x24 in all five languages no line of either screen is cut or
 * wrapped. */
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-results.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "ui/survey-results-ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/metrics.h"
#include "core/survey-results.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define FULL8	"\u2588"
#define NEXT	{ .screen = "metrics", .type = EV_PAGE, .index = 1 }
/* 5 of 13 answered "Every week": 38.46 % of 20 cells, 61.5 eighths: 7
 * full cells and 6/8 in Unicode, 8 '#' in ASCII. */
#define WEEKLY_UNICODE	FULL8 FULL8 FULL8 FULL8 FULL8 FULL8 FULL8 "\u258a"
#define WEEKLY_ASCII	"########"

static struct rec_fx *
fx_of(void **state)
{
	return *state;
}

/* The results of survey id as who (after the script), in lang. */
static void
run_results(struct rec *r, void **state, const char *who, const char *lang,
    int64_t *id, const struct rec_step *script, int n)
{
	rec_open(r, fx_of(state)->t.db, who, lang, fx_of(state)->mode,
	    REC_NO_DRAW);
	rec_run(r, &screen_survey_results, id, false, script, n);
}

/* The body of the item whose label holds s. */
static const char *
body_of(const struct rec_view *v, const char *s)
{
	int i = rec_find_item(v, s);

	assert_true(i >= 0);
	assert_non_null(v->items[i].body);
	return v->items[i].body;
}

/* The line of body that begins (after blanks) with label. */
static char *
line_of(const char *body, const char *label)
{
	const char *p = body, *nl;

	while (*p != '\0') {
		const char *q = p;

		nl = strchr(p, '\n');
		while (*q == ' ')
			q++;
		if (strncmp(q, label, strlen(label)) == 0)
			return nl != NULL ? strndup(p, (size_t)(nl - p)) :
			    xstrdup(p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	fail_msg("no line %s in %s", label, body);
	return NULL;
}

/* The moderator sees the responses and, per option, the counts and
 * shares core returns, the bar of the mode. */
static void
test_counts_and_bar(void **state)
{
	struct rec_fx *fx = *state;
	int64_t id = fixture_results(fx->t.db, 13, "r");
	struct survey_results res;
	struct account m;
	struct actor mod;
	struct rec r;
	const struct rec_view *v;
	const char *b;
	char *line;

	assert_int_equal(account_by_name(fx->t.db, "moderatore", &m), 0);
	mod = actor_account(&m, "en", 0);
	assert_null(survey_results_get(fx->t.db, &mod, id, 5, &res).key);
	assert_int_equal(res.responses, 13);
	assert_string_equal(res.q[0].values[0].item, "weekly");
	assert_int_equal(res.q[0].values[0].count, 5);
	assert_int_equal(res.q[0].values[1].count, 4);
	survey_results_free(&res);

	run_results(&r, state, "moderatore", "en", &id, NULL, 0);
	v = rec_last(&r);
	assert_string_equal(v->screen, "survey-results");
	assert_string_equal(v->title, "Learning in Kaunas");
	b = body_of(v, "Summary");
	assert_non_null(strstr(b, "13 responses."));
	assert_non_null(strstr(b, "ssh "));
	assert_non_null(strstr(b, "survey-"));
	b = body_of(v, "How often do you learn");
	assert_non_null(strstr(b, "13 answers of 13 asked"));
	line = line_of(b, "Every week");
	assert_non_null(strstr(line, " 5 "));
	assert_non_null(strstr(line, "38%"));
	assert_non_null(strstr(line, fx->mode == UI_MODE_PLAIN ?
	    WEEKLY_ASCII : WEEKLY_UNICODE));
	assert_null(strstr(line, fx->mode == UI_MODE_PLAIN ?
	    FULL8 : "#"));
	free(line);
	line = line_of(b, "Every month");
	assert_non_null(strstr(line, " 4 "));
	assert_non_null(strstr(line, "31%"));
	free(line);
	/* The 0-10 scale: 0..10 once each, 11 and 12 again 0 and 1: mean
	 * 56/13, median 4, the recommend score (2 - 9) / 13. */
	b = body_of(v, "recommend Tinklas");
	assert_non_null(strstr(b, "Mean 4.31, median 4"));
	assert_non_null(strstr(b, "Recommend score: -53.8"));
	b = body_of(v, "What would you change");
	assert_non_null(strstr(b, "- More events in Šilainiai, please."));
	assert_non_null(strstr(b, "- Daugiau renginių vakarais."));
	assert_true(rec_has_action(v, 'b'));
	rec_close(&r);
}

/* The full screen on a terminal without UTF-8 draws '#' too. */
static void
test_ascii_terminal(void **state)
{
	struct rec_fx *fx = *state;
	int64_t id = fixture_results(fx->t.db, 13, "r");
	struct rec r;
	char *line;

	rec_open(&r, fx->t.db, "moderatore", "en", UI_MODE_FULL, REC_NO_DRAW);
	r.app.ascii = true;
	rec_run(&r, &screen_survey_results, &id, false, NULL, 0);
	line = line_of(body_of(rec_last(&r), "How often"), "Every week");
	assert_non_null(strstr(line, WEEKLY_ASCII));
	assert_null(strstr(line, FULL8));
	free(line);
	rec_close(&r);
}

/* Under 30 responses the results are marked indicative; at 30 not. */
static void
test_indicative(void **state)
{
	struct rec_fx *fx = *state;
	int64_t few = fixture_results(fx->t.db, 13, "r");
	int64_t enough = fixture_results(fx->t.db, SURVEY_INDICATIVE_BELOW,
	    "s");
	struct rec r;
	const char *b;

	run_results(&r, state, "moderatore", "en", &few, NULL, 0);
	b = body_of(rec_last(&r), "Summary");
	assert_non_null(strstr(b, "Indicative only: fewer than 30 responses."));
	rec_close(&r);
	run_results(&r, state, "moderatore", "en", &enough, NULL, 0);
	b = body_of(rec_last(&r), "Summary");
	assert_non_null(strstr(b, "30 responses."));
	assert_null(strstr(b, "Indicative"));
	rec_close(&r);
}

/* b: by language. lt (6) is shown with its figures; uk (2) is too small
 * and en (5) is hidden beside it, each said with its reason and the
 * minimum; a free text is said not to be broken down. A second b goes
 * on to the eldership. */
static void
test_breakdown_hides_small_group(void **state)
{
	static const struct rec_step by_lang[] = { ASK("survey-results", 'b') };
	static const struct rec_step by_eld[] = { ASK("survey-results", 'b'),
		ASK("survey-results", 'b') };
	struct rec_fx *fx = *state;
	int64_t id = fixture_results(fx->t.db, 13, "r");
	struct rec r;
	const struct rec_view *v;
	const char *b;

	run_results(&r, state, "moderatore", "en", &id, by_lang,
	    NSTEPS(by_lang));
	v = rec_last(&r);
	b = body_of(v, "Summary");
	assert_non_null(strstr(b, "Responses by language:"));
	assert_non_null(strstr(b, "Lithuanian: 6 responses"));
	assert_non_null(strstr(b, "Ukrainian: hidden, fewer than 5 answers."));
	assert_non_null(strstr(b, "English: hidden so that a small group "
	    "cannot be worked out from the total."));
	assert_null(strstr(b, "English: 5"));
	b = body_of(v, "How often");
	assert_non_null(strstr(b, "Lithuanian, 6 answers:"));
	assert_non_null(strstr(b, "Ukrainian: hidden, fewer than 5 answers."));
	assert_null(strstr(b, "Ukrainian, 2"));
	b = body_of(v, "What would you change");
	assert_non_null(strstr(b, T("survey_results.texts_whole")));
	assert_string_equal(v->action_labels[0], "By eldership");
	rec_close(&r);
	/* Nobody gave an eldership: one group, "none given", all 13. */
	run_results(&r, state, "moderatore", "en", &id, by_eld, NSTEPS(by_eld));
	b = body_of(rec_last(&r), "Summary");
	assert_non_null(strstr(b, "Responses by eldership:"));
	assert_non_null(strstr(b, "no eldership given: 13 responses"));
	rec_close(&r);
}

/* A member is refused both screens in words; the moderator's run above
 * is the control. A moderator asking for no survey is told so. */
static void
test_member_refused(void **state)
{
	struct rec_fx *fx = *state;
	int64_t id = fixture_results(fx->t.db, 13, "r");
	struct rec r;
	const struct rec_view *v;

	run_results(&r, state, "olena", "en", &id, NULL, 0);
	v = rec_last(&r);
	assert_int_equal(v->nitems, 0);
	assert_non_null(strstr(v->notice, T("error.survey.not_allowed")));
	assert_non_null(strstr(v->text, T("error.survey.not_allowed")));
	assert_string_equal(v->keys, "");
	rec_close(&r);
	/* A survey that is not there, to a moderator: said so. */
	id = 999999;
	run_results(&r, state, "moderatore", "en", &id, NULL, 0);
	v = rec_last(&r);
	assert_int_equal(v->nitems, 0);
	assert_non_null(strstr(v->text, T("error.survey.not_found")));
	rec_close(&r);
	rec_open(&r, fx->t.db, "olena", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, NULL, 0);
	v = rec_last(&r);
	assert_int_equal(v->nitems, 0);
	assert_non_null(strstr(v->text, T("error.metrics.not_allowed")));
	rec_close(&r);
}

/* The members by language as core groups them: each shown group with
 * its count, each hidden one with its reason and no count; at least one
 * of each (the fixture's two uk members are too few). */
static void
check_groups(const struct rec_view *v, const struct metrics_report *mr)
{
	const struct metrics_breakdown *b = &mr->by_lang;
	const char *body = body_of(v, "Members by language");
	size_t shown = 0, hidden = 0;
	char *word, *line;

	for (size_t i = 0; i < b->n; i++) {
		word = figures_group_word(SD_LANG, b->v[i].label);
		line = line_of(body, word);
		if (b->v[i].why == SG_SHOWN) {
			char n[32];

			snprintf(n, sizeof n, " %lld  ", b->v[i].count);
			assert_non_null(strstr(line, n));
			shown++;
		} else {
			assert_non_null(strstr(line, "hidden"));
			hidden++;
		}
		free(line);
		free(word);
	}
	assert_true(shown > 0);
	assert_true(hidden > 0);
	assert_non_null(strstr(body, "Ukrainian: hidden"));
}

/* The metrics of the last 12 months are those core computes: the members
 * at the end and this month's line; the page key goes to the forums, p
 * to the 12 months before. */
static void
test_metrics_figures(void **state)
{
	static const struct rec_step forums[] = { { .screen = "metrics",
		.type = EV_PAGE, .index = 1 } };
	static const struct rec_step earlier[] = { ASK("metrics", 'p') };
	static const struct rec_step longer[] = { ASK("metrics", 'm') };
	static const struct rec_step surveys[] = { NEXT, NEXT, NEXT, NEXT,
		NEXT };
	struct rec_fx *fx = *state;
	struct metrics_report mr = { 0 };
	struct metrics_period period = { 2025, 4, 12, clock_now(), 5, "en" };
	struct account m;
	struct actor mod;
	struct rec r;
	const struct rec_view *v;
	char want[64], *line;
	const char *b;
	int64_t id;
	size_t k;

	id = fixture_results(fx->t.db, 13, "r");
	assert_int_equal(account_by_name(fx->t.db, "moderatore", &m), 0);
	mod = actor_account(&m, "en", 0);
	assert_null(metrics_compute(fx->t.db, &mod, &period, &mr).key);
	assert_true(mr.total.members >= 13);
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, NULL, 0);
	v = rec_last(&r);
	assert_string_equal(v->title, "Metrics: members");
	assert_int_equal(rec_find_item(v, "April 2025 to March 2026, 12 months"),
	    0);
	assert_non_null(strstr(v->items[0].body, "tinklas admin metrics --csv"));
	snprintf(want, sizeof want, "Members: %lld",
	    (long long)mr.total.members);
	assert_int_equal(rec_find_item(v, want), 1);
	line = line_of(body_of(v, "Members:"), "2026-03");
	snprintf(want, sizeof want, " %lld  ",
	    (long long)mr.months[11].members);
	assert_non_null(strstr(line, want));
	assert_non_null(strstr(line, fx->mode == UI_MODE_PLAIN ? "#" : FULL8));
	free(line);
	snprintf(want, sizeof want, "New registrations: %lld",
	    (long long)mr.total.registrations);
	assert_true(rec_find_item(v, want) >= 0);
	assert_false(rec_has_action(v, 'n'));	/* nothing after now */
	check_groups(v, &mr);
	rec_close(&r);
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, forums, NSTEPS(forums));
	v = rec_last(&r);
	assert_string_equal(v->title, "Metrics: forums");
	snprintf(want, sizeof want, "Posts: %lld", (long long)mr.total.posts);
	assert_int_equal(rec_find_item(v, want), 1);
	rec_close(&r);
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, earlier, NSTEPS(earlier));
	v = rec_last(&r);
	assert_int_equal(rec_find_item(v, "April 2024 to March 2025, 12 months"),
	    0);
	assert_true(rec_has_action(v, 'n'));
	rec_close(&r);
	/* m: 24 months, ending with the same month. */
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, longer, NSTEPS(longer));
	v = rec_last(&r);
	assert_int_equal(rec_find_item(v, "April 2024 to March 2026, 24 months"),
	    0);
	assert_int_equal(rec_find_item(v, "2024-04"), -1);	/* in bodies */
	assert_non_null(strstr(body_of(v, "Members:"), "2024-04"));
	rec_close(&r);
	/* The last section: the fixture's survey, 13 of its audience of all
	 * members (those at its end, as core counts them), among the demo's
	 * two (whose open one has the same title, and no answers). */
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_metrics, NULL, false, surveys, NSTEPS(surveys));
	v = rec_last(&r);
	assert_string_equal(v->title, "Metrics: surveys");
	for (k = 0; k < mr.nsurveys && mr.surveys[k].id != id; k++)
		;
	assert_true(k < mr.nsurveys);
	assert_int_equal(mr.surveys[k].responses, 13);
	snprintf(want, sizeof want, "Survey response rates: %zu survey%s",
	    mr.nsurveys, mr.nsurveys == 1 ? "" : "s");
	b = body_of(v, want);
	snprintf(want, sizeof want, "13 of %lld",
	    (long long)mr.surveys[k].audience);
	/* Its line: one that begins with its title and holds its figures. */
	for (line = NULL; line == NULL || strstr(line, want) == NULL; ) {
		free(line);
		line = line_of(b, "Learning in Kaunas");
		b = strstr(b, line) + strlen(line);
	}
	free(line);
	rec_close(&r);
	metrics_report_free(&mr);
}

/* No line of figures (one with a bar: U+2588 and the eighths all begin
 * E2 96) is wider than the pager leaves it (80 columns less its indent
 * of 5), so none wraps and breaks its columns (prose may wrap); and the full screen's picture has no
 * cut line ("…") below the status line. */
static void
check_fit(const struct rec_view *v, const char *lang)
{
	const char *p, *nl;
	char *row;
	int i, n;

	for (i = 0; i < v->nitems; i++) {
		for (p = v->items[i].body; p != NULL && *p != '\0'; p = nl + 1) {
			nl = strchr(p, '\n');
			n = nl != NULL ? (int)(nl - p) : (int)strlen(p);
			row = strndup(p, (size_t)n);
			if (strstr(row, "\xe2\x96") != NULL &&
			    i18n_width(row) > 75)
				fail_msg("%s: %d columns: %s", lang,
				    i18n_width(row), row);
			free(row);
			if (nl == NULL)
				break;
		}
		if (i18n_width(v->items[i].label) > 74)
			fail_msg("%s: label %s", lang, v->items[i].label);
	}
	assert_non_null(v->picture);
	p = strchr(v->picture, '\n');
	assert_non_null(p);
	if (strstr(p, "\u2026") != NULL)
		fail_msg("%s: cut:\n%s", lang, v->picture);
}

static void
test_fits_80x24(void **state)
{
	static const struct rec_step by_lang[] = { ASK("survey-results", 'b') };
	static const struct rec_step pages[] = { NEXT, NEXT, NEXT, NEXT,
		NEXT };
	struct rec_fx *fx = *state;
	int64_t id = fixture_results(fx->t.db, 13, "r");
	struct rec r;
	int l, s;

	for (l = 0; l < I18N_NLANGS; l++) {
		for (s = 0; s < 2 + 6; s++) {
			rec_open(&r, fx->t.db, "moderatore", i18n_langs[l],
			    UI_MODE_FULL, REC_DRAW);
			if (s < 2)
				rec_run(&r, &screen_survey_results, &id, false,
				    by_lang, s);
			else
				rec_run(&r, &screen_metrics, NULL, false,
				    pages, s - 2);
			check_fit(rec_last(&r), i18n_langs[l]);
			rec_close(&r);
		}
	}
	i18n_set_lang("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_counts_and_bar),
		cmocka_unit_test_prestate_setup_teardown(test_ascii_terminal,
		    rec_fx_setup, tdb_teardown, (void *)&rec_full),
		REC_BOTH(test_indicative),
		REC_BOTH(test_breakdown_hides_small_group),
		REC_BOTH(test_member_refused),
		REC_BOTH(test_metrics_figures),
		cmocka_unit_test_prestate_setup_teardown(test_fits_80x24,
		    rec_fx_setup, tdb_teardown, (void *)&rec_full),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup,
	    rec_suite_teardown);
}
