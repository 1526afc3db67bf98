/* One question's form: its key, kind, whether it is required, its text
 * in the language being edited, its options for a choice (one a line,
 * "key: label", the label in that language; a line without a key gets
 * its number), how many may be chosen, a number's bounds, and when it is
 * shown (an earlier question's value, chosen from the values it can
 * have). Core checks the question when it is kept and the form names
 * the field at fault, keeping what was typed. Once the survey has
 * answers only the texts and labels are offered, the options' keys
 * staying as they are. */
#include "ui/survey-build-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/survey.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHOW_NUMBERS_MAX	20	/* a number's values offered for show-if */

struct question_state {
	struct survey_build	*b;
	int			 index;		/* -1: a new one */
	enum survey_qkind	 kind;		/* locked: the kind it has */
	struct form		*form;
};

static enum survey_qkind
kind_of(const struct form *f, const struct question_state *qs)
{
	int k;

	if (qs->b->locked)
		return qs->kind;
	k = survey_kind_parse(form_value(f, "kind"));
	return k < 0 ? SQ_SINGLE : (enum survey_qkind)k;
}

static bool
is_choice(const struct form *f, void *arg)
{
	enum survey_qkind k = kind_of(f, arg);

	return k == SQ_SINGLE || k == SQ_MULTIPLE;
}

static bool
is_multiple(const struct form *f, void *arg)
{
	return kind_of(f, arg) == SQ_MULTIPLE;
}

static bool
is_number(const struct form *f, void *arg)
{
	return kind_of(f, arg) == SQ_NUMBER;
}

/* "yes: Taip\nno: Ne" in language lang. Newly allocated. */
static char *
options_text(const struct survey_question *q, int lang)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < q->noptions; i++)
		sb_printf(&sb, "%s%s: %s", i > 0 ? "\n" : "", q->options[i].key,
		    survey_build_text(&q->options[i].label, lang));
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

static void
add_show_value(struct field *fld, size_t qn, const char *qkey,
    const char *value, const char *label)
{
	char id[2 * SURVEY_KEY_MAX + 2];
	char *text = TFA("survey.question.show_choice", A_NUM(qn + 1),
	    A_STR(qkey), A_STR(label));

	snprintf(id, sizeof id, "%s=%s", qkey, value);
	field_add_choice(fld, id, text);
	free(text);
}

/* Always, or one value of an earlier question that has values. */
static void
add_show(struct question_state *qs, const struct survey_question *cur)
{
	const struct survey_def *d = &qs->b->def;
	size_t n = qs->index < 0 ? d->nquestions : (size_t)qs->index, j;
	struct field *fld = form_add(qs->form, "show", FIELD_CHOICE,
	    T("survey.question.show"), false);
	char v[24], id[2 * SURVEY_KEY_MAX + 2];
	long long x;

	fld->hint = xstrdup(T("survey.question.show_hint"));
	field_add_choice(fld, "", T("survey.question.always"));
	for (j = 0; j < n; j++) {
		const struct survey_question *p = &d->questions[j];
		size_t o;

		switch (p->kind) {
		case SQ_SINGLE:
		case SQ_MULTIPLE:
			for (o = 0; o < p->noptions; o++)
				add_show_value(fld, j, p->key, p->options[o].key,
				    survey_build_text(&p->options[o].label,
				    qs->b->lang)[0] != '\0' ? survey_build_text(
				    &p->options[o].label, qs->b->lang) :
				    p->options[o].key);
			break;
		case SQ_AGREE5:
		case SQ_SCALE10:
		case SQ_NUMBER:
			for (x = p->kind == SQ_AGREE5 ? 1 : p->kind ==
			    SQ_SCALE10 ? 0 : p->min; x <= (p->kind == SQ_AGREE5 ?
			    5 : p->kind == SQ_SCALE10 ? 10 : p->max) &&
			    (p->kind != SQ_NUMBER || p->max - p->min <=
			    SHOW_NUMBERS_MAX); x++) {
				snprintf(v, sizeof v, "%lld", x);
				add_show_value(fld, j, p->key, v, v);
			}
			break;
		default:
			break;
		}
	}
	snprintf(id, sizeof id, "%s=%s", cur->show_if, cur->show_value);
	field_set(fld, cur->show_if[0] != '\0' ? id : "");
}

static struct field *
add_number(struct form *f, const char *id, const char *label_key,
    long long value, int min, int max)
{
	struct field *fld = form_add(f, id, FIELD_NUMBER, T(label_key), true);
	char n[24];

	fld->min = min;
	fld->max = max;
	snprintf(n, sizeof n, "%lld", value);
	field_set(fld, n);
	return fld;
}

static void
build(struct question_state *qs)
{
	static const struct survey_question blank = { .kind = SQ_SINGLE };
	const struct survey_question *q = qs->index >= 0 ?
	    &qs->b->def.questions[qs->index] : &blank;
	const char *lang = i18n_lang_name(i18n_langs[qs->b->lang]);
	struct form *f = form_new(T("survey.question.done"));
	struct field *fld;
	char *s;
	int k;

	qs->form = f;
	qs->kind = q->kind;
	if (!qs->b->locked) {
		fld = form_add(f, "key", FIELD_TEXT, T("survey.question.key"),
		    true);
		fld->max_cp = SURVEY_KEY_MAX;
		fld->hint = xstrdup(T("survey.question.key_hint"));
		field_set(fld, q->key);
		fld = form_add(f, "kind", FIELD_CHOICE,
		    T("survey.question.kind"), true);
		for (k = 0; k < SQ_NKINDS; k++)
			field_add_choice(fld, survey_kind_name(k),
			    T(survey_build_kind_key(k)));
		field_set(fld, survey_kind_name(q->kind));
		fld = form_add(f, "required", FIELD_CHOICE,
		    T("survey.question.required"), true);
		field_add_choice(fld, "no", T("survey.settings.no"));
		field_add_choice(fld, "yes", T("survey.settings.yes"));
		field_set(fld, q->required ? "yes" : "no");
	}
	s = TFA("survey.question.text_in", A_STR(lang));
	fld = form_add(f, "text", FIELD_TEXT, s,
	    qs->b->lang == qs->b->def.first_lang);
	free(s);
	fld->max_cp = SURVEY_QTEXT_MAX;
	if (qs->b->locked)
		fld->hint = xstrdup(T("survey.question.locked"));
	field_set(fld, survey_build_text(&q->text, qs->b->lang));
	s = TFA("survey.question.options_in", A_STR(lang));
	fld = form_add(f, "options", FIELD_TEXTAREA, s, false);
	free(s);
	fld->hint = TFA(qs->b->locked ? "survey.question.options_locked" :
	    "survey.question.options_hint", A_NUM(SURVEY_OPTIONS_MAX));
	fld->shown = is_choice;
	fld->shown_arg = qs;
	s = options_text(q, qs->b->lang);
	field_set(fld, s);
	free(s);
	if (qs->b->locked)
		return;
	fld = add_number(f, "max_choices", "survey.question.max_choices",
	    q->max_choices, 0, SURVEY_OPTIONS_MAX);
	fld->hint = xstrdup(T("survey.question.max_choices_hint"));
	fld->shown = is_multiple;
	fld->shown_arg = qs;
	fld = add_number(f, "min", "survey.question.min", q->min, -1000000,
	    1000000);
	fld->shown = is_number;
	fld->shown_arg = qs;
	fld = add_number(f, "max", "survey.question.max", q->max, -1000000,
	    1000000);
	fld->shown = is_number;
	fld->shown_arg = qs;
	add_show(qs, q);
}

/* Core's refusal e under the field it names (the skip logic's two under
 * "show"; one not offered: under the text), focused. */
static struct field *
show_error(struct form *f, struct core_error e)
{
	const char *id = e.field == NULL ? "text" :
	    strncmp(e.field, "show", 4) == 0 ? "show" : e.field;
	struct field *fld = form_field(f, id);

	if (fld == NULL || !field_shown(f, fld))
		fld = form_field(f, "text");
	fld->error_arg = (double)e.arg;
	field_set_error_key(fld, e.key);
	f->focus = form_index(f, fld);
	return fld;
}

static void *
question_open(struct app *app, void *arg)
{
	const struct survey_question_req *req = arg;
	struct question_state *qs = xcalloc(1, sizeof *qs);

	(void)app;
	qs->b = req->b;
	qs->index = req->index;
	build(qs);
	/* The survey's save was refused for this question. */
	if (qs->b->error.key != NULL)
		show_error(qs->form, qs->b->error);
	qs->b->error = CORE_OK;
	return qs;
}

static void
question_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct question_state *)st)->form;
}

static void
text_copy(struct survey_text *to, const struct survey_text *from)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		to->v[i] = from->v[i] != NULL ? xstrdup(from->v[i]) : NULL;
}

static const struct survey_option *
option_find(const struct survey_question *q, const char *key)
{
	size_t i;

	for (i = 0; q != NULL && i < q->noptions; i++)
		if (strcmp(q->options[i].key, key) == 0)
			return &q->options[i];
	return NULL;
}

/* The options' lines into nq (labels in lang, the other languages' kept
 * from old by key): 0, or -1 when there are too many. */
static int
parse_options(const char *s, const struct survey_question *old, int lang,
    struct survey_question *nq)
{
	char *copy = xstrdup(s), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		struct survey_option *o;
		const struct survey_option *was;
		char *colon = strchr(line, ':'), *label = line;

		while (*label == ' ')
			label++;
		if (*label == '\0')
			continue;
		if (nq->noptions == SURVEY_OPTIONS_MAX) {
			free(copy);
			return -1;
		}
		o = &nq->options[nq->noptions++];
		if (colon != NULL) {
			*colon = '\0';
			snprintf(o->key, sizeof o->key, "%.*s",
			    (int)strcspn(label, " "), label);
			label = colon + 1;
			while (*label == ' ')
				label++;
		} else
			snprintf(o->key, sizeof o->key, "%zu", nq->noptions);
		if ((was = option_find(old, o->key)) != NULL)
			text_copy(&o->label, &was->label);
		survey_build_text_set(&o->label, lang, label);
	}
	free(copy);
	return 0;
}

/* The question as the form says, from old (NULL: new). */
static int
from_form(struct question_state *qs, const struct survey_question *old,
    struct survey_question *nq)
{
	struct form *f = qs->form;
	const char *show;
	const char *eq;

	memset(nq, 0, sizeof *nq);
	if (old != NULL) {
		snprintf(nq->key, sizeof nq->key, "%s", old->key);
		nq->kind = old->kind;
		nq->required = old->required;
		nq->max_choices = old->max_choices;
		nq->min = old->min;
		nq->max = old->max;
		snprintf(nq->show_if, sizeof nq->show_if, "%s", old->show_if);
		snprintf(nq->show_value, sizeof nq->show_value, "%s",
		    old->show_value);
		text_copy(&nq->text, &old->text);
	}
	survey_build_text_set(&nq->text, qs->b->lang, form_value(f, "text"));
	if (!qs->b->locked) {
		snprintf(nq->key, sizeof nq->key, "%s", form_value(f, "key"));
		nq->kind = kind_of(f, qs);
		nq->required = strcmp(form_value(f, "required"), "yes") == 0;
		nq->max_choices = nq->kind == SQ_MULTIPLE ?
		    atoi(form_value(f, "max_choices")) : 0;
		nq->min = nq->kind == SQ_NUMBER ?
		    atoll(form_value(f, "min")) : 0;
		nq->max = nq->kind == SQ_NUMBER ?
		    atoll(form_value(f, "max")) : 0;
		show = form_value(f, "show");
		eq = strchr(show, '=');
		nq->show_if[0] = nq->show_value[0] = '\0';
		if (eq != NULL) {
			snprintf(nq->show_if, sizeof nq->show_if, "%.*s",
			    (int)(eq - show), show);
			snprintf(nq->show_value, sizeof nq->show_value, "%s",
			    eq + 1);
		}
	}
	nq->options = xcalloc(SURVEY_OPTIONS_MAX, sizeof *nq->options);
	if (nq->kind != SQ_SINGLE && nq->kind != SQ_MULTIPLE)
		return 0;
	return parse_options(form_value(f, "options"), old, qs->b->lang, nq);
}

static void
question_free(struct survey_question *q)
{
	struct survey_def one = { .nquestions = 1 };

	one.questions = xmalloc(sizeof *q);
	one.questions[0] = *q;
	survey_def_free(&one);
}

/* Core's word on the questions alone (the settings are checked when
 * the survey is saved): a copy of d with settings that pass. */
static struct core_error
check_questions(const struct survey_def *d, int *qi)
{
	struct survey_def t = *d;
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		t.title.v[i] = t.intro.v[i] = NULL;
	t.title.v[t.first_lang] = (char *)"-";
	t.audience = SA_ALL;
	t.audience_role = 0;
	t.audience_id = 0;
	t.opens = t.closes = 0;
	t.state = SS_DRAFT;
	*qi = -1;
	return survey_def_check_at(&t, qi);
}

static void
refuse(struct app *app, struct form *f, struct core_error e)
{
	app_notice(app, show_error(f, e)->error);
}

static int
question_submit(struct app *app, void *st, struct form *unused)
{
	struct question_state *qs = st;
	struct survey_def *d = &qs->b->def;
	struct survey_question nq, old;
	struct core_error e;
	size_t at;
	int qi;

	(void)unused;
	if (from_form(qs, qs->index >= 0 ? &d->questions[qs->index] : NULL,
	    &nq) != 0) {
		question_free(&nq);
		refuse(app, qs->form, CORE_ERR("error.survey.options",
		    "options"));
		return SR_STAY;
	}
	if (qs->index < 0) {
		d->questions = xreallocarray(d->questions, d->nquestions + 1,
		    sizeof *d->questions);
		at = d->nquestions++;
	} else {
		at = (size_t)qs->index;
		old = d->questions[at];
	}
	d->questions[at] = nq;
	e = check_questions(d, &qi);
	if (core_failed(e) && qi == (int)at) {
		question_free(&d->questions[at]);
		if (qs->index < 0)
			d->nquestions--;
		else
			d->questions[at] = old;
		refuse(app, qs->form, e);
		return SR_STAY;
	}
	if (qs->index >= 0)
		question_free(&old);
	qs->b->changed = true;
	app_notice(app, T("survey.question.kept"));
	return SR_POP;
}

static void
question_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct question_state *)st)->form);
	free(st);
}

const struct screen_ops screen_survey_question = {
	.name = "survey-question",
	.title_key = "survey.question.title",
	.help_key = "help.survey_question",
	.open = question_open,
	.describe = question_describe,
	.submit = question_submit,
	.close = question_close,
};
