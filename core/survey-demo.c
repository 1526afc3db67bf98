/* Demo content of the surveys: "Learning in Kaunas" open to every member
 * for two months (so the demo logins find it waiting), and the feedback
 * on the calendar demo's event that has ended, closed, with 24 anonymous
 * answers: enough to show results, fewer than the 30 below which they are
 * indicative, and spread so that the language breakdown hides a small
 * group (2 answers in Ukrainian) and, by complementary suppression, one
 * more. The answers are written as responses with their breakdown
 * attributes (survey_response_add), as anonymous ones carry no account:
 * no logins are made for them. Both surveys are built from the built-in
 * templates by the moderator. */
#include "core/survey-internal.h"
#include "core/accounts.h"
#include "core/db-internal.h"
#include "core/survey-templates.h"
#include "core/calendar.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY	86400

/* One answer to the event feedback: the respondent's attributes, the
 * recommend score, the six agreement items (learned, organised, venue,
 * language, time, welcoming; 0 not answered), how they heard, and the
 * free texts (NULL none). A comment's language need not be the
 * respondent's interface language. */
struct demo_answer {
	const char	*lang, *eldership;
	int		 role;
	int		 recommend;
	int		 agree[6];
	const char	*heard;
	const char	*good, *improve;
};

static const char *const demo_agree_keys[6] = {
	"learned", "organised", "venue", "language", "time", "welcoming",
};

#define M	ROLE_MEMBER
#define O	ROLE_ORGANISER

/* lt 11, en 6, ru 5, uk 2; centras 9, sanciai 8, silainiai 7; 19
 * members and 5 organisers. */
static const struct demo_answer demo_answers[] = {
	{ "lt", "centras", M, 10, { 5, 5, 5, 5, 4, 5 }, "tinklas",
	  "Puikios kompiuterio dirbtuvės, viską paaiškino kantriai.", NULL },
	{ "lt", "centras", M, 9, { 4, 5, 5, 5, 4, 5 }, "friends", NULL, NULL },
	{ "lt", "sanciai", M, 9, { 4, 4, 5, 5, 3, 5 }, "organisation", NULL,
	  "Norėtųsi daugiau vietų dirbtuvėse vaikams." },
	{ "lt", "sanciai", O, 8, { 4, 4, 4, 5, 4, 4 }, "tinklas", NULL, NULL },
	{ "lt", "silainiai", M, 10, { 5, 5, 4, 5, 5, 5 }, "social_media",
	  "Malonūs savanoriai ir gera nuotaika.", NULL },
	{ "lt", "centras", M, 7, { 3, 4, 5, 5, 2, 4 }, "tinklas", NULL,
	  "Penkios valandos be pertraukos buvo per ilgai." },
	{ "lt", "silainiai", M, 9, { 4, 5, 0, 5, 4, 5 }, "friends", NULL,
	  NULL },
	{ "lt", "centras", O, 8, { 4, 4, 5, 5, 4, 4 }, "organisation", NULL,
	  NULL },
	{ "lt", "sanciai", M, 6, { 3, 3, 4, 5, 3, 4 }, "other", NULL,
	  "Trūko aiškios programos su laikais prie įėjimo." },
	{ "lt", "centras", M, 10, { 5, 5, 5, 5, 5, 5 }, "tinklas", NULL,
	  NULL },
	{ "lt", "silainiai", M, 9, { 5, 4, 4, 0, 4, 5 }, "social_media",
	  NULL, NULL },
	{ "en", "centras", M, 8, { 4, 4, 5, 3, 4, 5 }, "tinklas",
	  "Friendly people and a great language café.", NULL },
	{ "en", "centras", O, 9, { 4, 5, 5, 4, 4, 5 }, "organisation", NULL,
	  NULL },
	{ "en", "sanciai", M, 10, { 5, 5, 5, 4, 5, 5 }, "friends", NULL,
	  NULL },
	{ "en", "silainiai", M, 7, { 3, 4, 4, 2, 4, 4 }, "tinklas", NULL,
	  "More of the programme in English, please." },
	{ "en", "centras", M, 9, { 4, 4, 5, 4, 3, 5 }, "social_media", NULL,
	  NULL },
	{ "en", "sanciai", M, 5, { 2, 3, 4, 2, 3, 3 }, "other", NULL,
	  "Hard to follow without Lithuanian; signs in English would help." },
	{ "ru", "silainiai", M, 9, { 4, 5, 4, 4, 4, 5 }, "friends",
	  "Дякуємо за розмовний клуб, було дуже тепло.", NULL },
	{ "ru", "sanciai", O, 8, { 4, 4, 5, 4, 4, 4 }, "organisation",
	  "Хорошо организовано, всё вовремя.", NULL },
	{ "ru", "centras", M, 10, { 5, 5, 5, 4, 5, 5 }, "tinklas", NULL,
	  NULL },
	{ "ru", "silainiai", M, 7, { 4, 3, 3, 3, 4, 4 }, "friends", NULL,
	  "Было бы удобнее в субботу." },
	{ "ru", "sanciai", M, 9, { 4, 4, 5, 4, 4, 5 }, "tinklas", NULL, NULL },
	{ "uk", "silainiai", M, 10, { 5, 5, 4, 5, 4, 5 }, "organisation",
	  NULL, NULL },
	{ "uk", "sanciai", O, 8, { 4, 4, 5, 4, 4, 5 }, "tinklas", NULL,
	  NULL },
};

#undef M
#undef O

/* The answers of d as a member would give them, checked against the
 * survey as a submission is. */
static struct core_error
demo_answer_fill(const struct survey_def *def, const struct demo_answer *d,
    struct survey_answers *ans)
{
	struct survey_answer *x;
	size_t i;

	if ((x = survey_answer_put(ans, "recommend")) == NULL)
		return CORE_ERR("error.internal", NULL);
	x->has_num = true;
	x->num = d->recommend;
	for (i = 0; i < 6; i++) {
		if (d->agree[i] == 0)
			continue;
		if ((x = survey_answer_put(ans, demo_agree_keys[i])) == NULL)
			return CORE_ERR("error.internal", NULL);
		x->has_num = true;
		x->num = d->agree[i];
	}
	if ((x = survey_answer_put(ans, "heard")) == NULL ||
	    survey_answer_choose(x, d->heard) != 0)
		return CORE_ERR("error.internal", NULL);
	if (d->good != NULL && ((x = survey_answer_put(ans, "good")) == NULL ||
	    survey_answer_set_text(x, d->good) != 0))
		return CORE_ERR("error.internal", NULL);
	if (d->improve != NULL && ((x = survey_answer_put(ans, "improve")) ==
	    NULL || survey_answer_set_text(x, d->improve) != 0))
		return CORE_ERR("error.internal", NULL);
	return survey_answers_check(def, ans);
}

/* Writes the demo's answers to survey id in one transaction. */
static const char *
demo_responses(struct db *db, const struct survey_def *def, int64_t id)
{
	const char *err;
	size_t i;

	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return err;
	for (i = 0; err == NULL && i < sizeof demo_answers /
	    sizeof demo_answers[0]; i++) {
		const struct demo_answer *d = &demo_answers[i];
		struct survey_respondent who = { .role = d->role };
		unsigned char rid[SURVEY_RESPONSE_ID];
		struct survey_answers ans = { 0 };

		snprintf(who.lang, sizeof who.lang, "%s", d->lang);
		snprintf(who.eldership, sizeof who.eldership, "%s",
		    d->eldership);
		err = demo_answer_fill(def, d, &ans).key;
		if (err == NULL && survey_response_add(db, id, &who, &ans,
		    rid) != 0)
			err = "error.internal";
		survey_answers_free(&ans);
	}
	return db_tx_end(db, err);
}

/* The built-in template name, into *def for the demo's audience, window
 * and state. */
static const char *
demo_template(const char *name, struct survey_def *def)
{
	const struct survey_template *t = survey_template_find(name);

	if (t == NULL || survey_template_load(t, def) != 0)
		return "error.internal";
	return NULL;
}

/* The calendar demo's event that has ended and had people going, the
 * latest: its id (*end its end, title its title), or 0 when there is
 * none (the site's zone not loaded, so no demo events), or -1. */
static int64_t
demo_ended_event(struct db *db, int64_t now, int64_t *end, char *title,
    size_t titlesz)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int rc;

	if ((st = db_prepare(db, "SELECT e.id, e.end_utc, e.title FROM "
	    "cal_events e WHERE e.state = 1 AND e.end_utc <= ?1 AND EXISTS "
	    "(SELECT 1 FROM cal_answers c WHERE c.event_id = e.id AND "
	    "c.answer = 1 AND c.waitlist = 0) ORDER BY e.end_utc DESC, e.id "
	    "LIMIT 1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*end = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, title, titlesz);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? id : -1;
}

/* The template's title in each language with the event's after it. */
static void
demo_title_event(struct survey_def *def, const char *event)
{
	for (size_t i = 0; i < I18N_NLANGS; i++) {
		char *t;

		if (def->title.v[i] == NULL)
			continue;
		t = xasprintf("%s: %s", def->title.v[i], event);
		free(def->title.v[i]);
		def->title.v[i] = t;
	}
}

int
survey_demo_fill(struct db *db, FILE *out)
{
	struct survey_def def = { 0 };
	struct account mod;
	struct actor a;
	const char *err;
	char title[CAL_TITLE_MAX * 4 + 1];
	int64_t now = db_now(), open_id, closed_id, event, end;

	if (account_by_name(db, "moderatore", &mod) != 0) {
		fprintf(stderr, "demo: surveys: no account moderatore\n");
		return -1;
	}
	a = (struct actor){ mod.id, mod.role, mod.lang, 0, false };

	/* Learning in Kaunas: every member, for two months from now. */
	if ((err = demo_template("learning-in-kaunas", &def)) == NULL) {
		def.audience = SA_ALL;
		def.anonymous = true;
		def.opens = now;
		def.closes = now + 60 * DAY;
		def.state = SS_DRAFT;
		if ((err = survey_create(db, &a, &def, &open_id).key) == NULL)
			err = survey_publish(db, &a, open_id).key;
	}
	survey_def_free(&def);
	if (err != NULL) {
		fprintf(stderr, "demo: surveys: learning-in-kaunas: %s\n", err);
		return -1;
	}

	if ((event = demo_ended_event(db, now, &end, title,
	    sizeof title)) < 0) {
		fprintf(stderr, "demo: surveys: the calendar: error.internal\n");
		return -1;
	}
	if (event == 0) {
		fprintf(out, "surveys: 1 (Learning in Kaunas open; no "
		    "post-event survey, as the calendar has no event that "
		    "ended)\n");
		return 0;
	}
	/* The feedback: asked for two weeks after the event ended. */
	if ((err = demo_template("event-feedback", &def)) == NULL) {
		def.audience = SA_EVENT;
		def.audience_id = event;
		def.anonymous = true;
		def.opens = end;
		def.closes = end + 14 * DAY < now ? end + 14 * DAY : now;
		def.state = SS_CLOSED;
		demo_title_event(&def, title);
		if ((err = survey_create(db, &a, &def, &closed_id).key) ==
		    NULL)
			err = demo_responses(db, &def, closed_id);
	}
	survey_def_free(&def);
	if (err != NULL) {
		fprintf(stderr, "demo: surveys: event-feedback: %s\n", err);
		return -1;
	}
	fprintf(out, "surveys: 2 (Learning in Kaunas open; the post-event "
	    "survey closed with %zu answers)\n",
	    sizeof demo_answers / sizeof demo_answers[0]);
	return 0;
}
