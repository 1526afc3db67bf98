/* Reading a survey definition file (core/survey-text.h). Two passes over
 * the text with libyaml: the event parser first, which refuses what the
 * format never has (anchors and aliases, so no billion laughs; tags; more
 * than one document) and reports libyaml's own errors with their line;
 * then the document loader, whose nodes keep their marks, walked field
 * by field against the format's tables. Every refusal carries the line
 * and column of the node at fault. Last, the definition check that the
 * store and the builder use (survey_def_check_at) judges the whole, and
 * its refusal is placed at the field it names. */
#include "core/survey-text.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common/utf8.h"
#include "common/xalloc.h"
#include "core/accounts.h"	/* role_parse */
#include "core/sanitize.h"
#include "core/survey.h"	/* survey_def_check_at */

/* The catalog keys of the refusals (core/survey-text.h). */
#define SE_ALIAS			"error.survey_text.alias"
#define SE_AUDIENCE			"error.survey_text.audience"
#define SE_DOCUMENTS			"error.survey_text.documents"
#define SE_DUPLICATE			"error.survey_text.duplicate"
#define SE_EMPTY			"error.survey_text.empty"
#define SE_EMPTY_FILE			"error.survey_text.empty_file"
#define SE_FORMAT			"error.survey_text.format"
#define SE_KEY_TOO_LONG			"error.survey_text.key_too_long"
#define SE_KIND				"error.survey_text.kind"
#define SE_LANGUAGE			"error.survey_text.language"
#define SE_MISSING			"error.survey_text.missing"
#define SE_NOT_FOR_KIND			"error.survey_text.not_for_kind"
#define SE_OUT_OF_RANGE			"error.survey_text.out_of_range"
#define SE_ROLE				"error.survey_text.role"
#define SE_ROLE_ONLY			"error.survey_text.role_only"
#define SE_TAG				"error.survey_text.tag"
#define SE_TOO_BIG			"error.survey_text.too_big"
#define SE_TOO_LONG			"error.survey_text.too_long"
#define SE_TOO_MANY_OPTIONS		"error.survey_text.too_many_options"
#define SE_TOO_MANY_QUESTIONS		"error.survey_text.too_many_questions"
#define SE_UNKNOWN_FIELD		"error.survey_text.unknown_field"
#define SE_WANT_BOOL			"error.survey_text.want_bool"
#define SE_WANT_LIST			"error.survey_text.want_list"
#define SE_WANT_MAPPING			"error.survey_text.want_mapping"
#define SE_WANT_NUMBER			"error.survey_text.want_number"
#define SE_WANT_TEXT			"error.survey_text.want_text"
#define SE_WANT_WORD			"error.survey_text.want_word"
#define SE_YAML				"error.survey_text.yaml"

struct ctx {
	yaml_document_t		*doc;
	struct survey_text_error *err;
	struct survey_def	*d;
};

/* Records the first error only; returns -1 for the caller to pass on. */
static int
fail_at(struct survey_text_error *err, yaml_mark_t m, const char *key,
    const char *word, long long number)
{
	if (err->key != NULL)
		return -1;
	err->line = (int)m.line + 1;
	err->column = (int)m.column + 1;
	err->key = key;
	snprintf(err->word, sizeof err->word, "%s", word ? word : "");
	err->number = number;
	return -1;
}

static int
fail(struct ctx *c, const yaml_node_t *n, const char *key, const char *word,
    long long number)
{
	return fail_at(c->err, n->start_mark, key, word, number);
}

static const char *
scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* libyaml's own error: for a reader error (bad UTF-8) only an offset is
 * known, so the line is counted here. */
static int
yaml_failed(const yaml_parser_t *p, const char *text, size_t len,
    struct survey_text_error *err)
{
	yaml_mark_t m = p->problem_mark;
	char what[sizeof err->word];

	/* A scanner's context is where the broken token began (an
	 * unclosed quote's opening quote): the place to look. */
	if (p->error == YAML_SCANNER_ERROR && p->context != NULL) {
		m = p->context_mark;
		snprintf(what, sizeof what, "%s: %s", p->context,
		    p->problem ? p->problem : "error");
	} else
		snprintf(what, sizeof what, "%s",
		    p->problem ? p->problem : "error");

	if (p->error == YAML_READER_ERROR) {
		size_t i, off = p->problem_offset;

		if (off > len)
			off = len;

		memset(&m, 0, sizeof m);
		for (i = 0; i < off; i++) {
			if (text[i] == '\n') {
				m.line++;
				m.column = 0;
			} else
				m.column++;
		}
	}
	return fail_at(err, m, SE_YAML, what, 0);
}

/* The first pass: libyaml's errors, anchors, aliases, tags, documents. */
static int
prescan(const char *text, size_t len, struct survey_text_error *err)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int docs = 0, rc = 0;
	bool done = false;

	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done && rc == 0) {
		const yaml_char_t *anchor = NULL, *tag = NULL;

		if (!yaml_parser_parse(&p, &ev)) {
			rc = yaml_failed(&p, text, len, err);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				rc = fail_at(err, ev.start_mark,
				    SE_DOCUMENTS, "", 0);
			break;
		case YAML_ALIAS_EVENT:
			rc = fail_at(err, ev.start_mark, SE_ALIAS,
			    (const char *)ev.data.alias.anchor, 0);
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			tag = ev.data.scalar.tag;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = ev.data.sequence_start.anchor;
			tag = ev.data.sequence_start.tag;
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = ev.data.mapping_start.anchor;
			tag = ev.data.mapping_start.tag;
			break;
		default:
			break;
		}
		if (rc == 0 && anchor != NULL)
			rc = fail_at(err, ev.start_mark, SE_ALIAS,
			    (const char *)anchor, 0);
		if (rc == 0 && tag != NULL)
			rc = fail_at(err, ev.start_mark, SE_TAG,
			    (const char *)tag, 0);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	if (rc == 0 && docs == 0) {
		yaml_mark_t m = { 0, 0, 0 };

		rc = fail_at(err, m, SE_EMPTY_FILE, "", 0);
	}
	return rc;
}

/* A mapping's fields against names[]: vals[i] is the value of names[i]
 * or NULL. Refuses a key that is not a plain word, an unknown field and a
 * field given twice. */
static int
fields(struct ctx *c, yaml_node_t *map, const char *what,
    const char *const *names, size_t n, yaml_node_t **vals)
{
	yaml_node_pair_t *pr;
	size_t i;

	if (map->type != YAML_MAPPING_NODE)
		return fail(c, map, SE_WANT_MAPPING, what, 0);
	for (i = 0; i < n; i++)
		vals[i] = NULL;
	for (pr = map->data.mapping.pairs.start;
	    pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);

		assert(k != NULL && v != NULL);
		if (k->type != YAML_SCALAR_NODE)
			return fail(c, k, SE_WANT_WORD, what, 0);
		for (i = 0; i < n; i++)
			if (strcmp(scalar(k), names[i]) == 0)
				break;
		if (i == n)
			return fail(c, k, SE_UNKNOWN_FIELD, scalar(k), 0);
		if (vals[i] != NULL)
			return fail(c, k, SE_DUPLICATE, scalar(k), 0);
		vals[i] = v;
	}
	return 0;
}

static int
need(struct ctx *c, yaml_node_t *map, yaml_node_t *v, const char *name)
{
	return v == NULL ? fail(c, map, SE_MISSING, name, 0) : 0;
}

static int
get_word(struct ctx *c, yaml_node_t *n, const char *name, const char **out)
{
	if (n->type != YAML_SCALAR_NODE)
		return fail(c, n, SE_WANT_TEXT, name, 0);
	*out = scalar(n);
	return 0;
}

static int
get_bool(struct ctx *c, yaml_node_t *n, const char *name, bool *out)
{
	if (n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		if (strcmp(scalar(n), "true") == 0) {
			*out = true;
			return 0;
		}
		if (strcmp(scalar(n), "false") == 0) {
			*out = false;
			return 0;
		}
	}
	return fail(c, n, SE_WANT_BOOL, name, 0);
}

static int
get_int(struct ctx *c, yaml_node_t *n, const char *name, long long *out)
{
	const char *s;
	char *end;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return fail(c, n, SE_WANT_NUMBER, name, 0);
	s = scalar(n);
	errno = 0;
	*out = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 ||
	    !(*s == '-' || (*s >= '0' && *s <= '9')))
		return fail(c, n, SE_WANT_NUMBER, name, 0);
	return 0;
}

/* A key (of a question or an option): a word that fits the buffer; its
 * spelling is the definition check's rule. */
static int
get_key(struct ctx *c, yaml_node_t *n, const char *name, char *out)
{
	const char *s;

	if (get_word(c, n, name, &s) < 0)
		return -1;
	if (*s == '\0')
		return fail(c, n, SE_EMPTY, name, 0);
	if (strlen(s) > SURVEY_KEY_MAX)
		return fail(c, n, SE_KEY_TOO_LONG, s, SURVEY_KEY_MAX);
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

static int
lang_index(const char *s)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (strcmp(s, i18n_langs[i]) == 0)
			return i;
	return -1;
}

static int
one_text(struct ctx *c, yaml_node_t *n, const char *name, size_t max,
    enum sanitize_kind kind, char **out)
{
	const char *s;

	if (get_word(c, n, name, &s) < 0)
		return -1;
	if (utf8_count(s) > max)
		return fail(c, n, SE_TOO_LONG, name, (long long)max);
	*out = sanitize(s, strlen(s), kind, 0, 0);
	if (**out == '\0')
		return fail(c, n, SE_EMPTY, name, 0);
	return 0;
}

/* A text: a mapping of language codes to texts, or one text, which is
 * then in the survey's first language. */
static int
get_text(struct ctx *c, yaml_node_t *n, const char *name, size_t max,
    enum sanitize_kind kind, struct survey_text *t)
{
	yaml_node_pair_t *pr;

	if (n->type == YAML_SCALAR_NODE)
		return one_text(c, n, name, max, kind, &t->v[c->d->first_lang]);
	if (n->type != YAML_MAPPING_NODE)
		return fail(c, n, SE_WANT_TEXT, name, 0);
	if (n->data.mapping.pairs.start == n->data.mapping.pairs.top)
		return fail(c, n, SE_EMPTY, name, 0);
	for (pr = n->data.mapping.pairs.start;
	    pr < n->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);
		yaml_node_t *v = yaml_document_get_node(c->doc, pr->value);
		int li;

		if (k->type != YAML_SCALAR_NODE)
			return fail(c, k, SE_WANT_WORD, name, 0);
		if ((li = lang_index(scalar(k))) < 0)
			return fail(c, k, SE_LANGUAGE, scalar(k), 0);
		if (t->v[li] != NULL)
			return fail(c, k, SE_DUPLICATE, scalar(k), 0);
		if (one_text(c, v, name, max, kind, &t->v[li]) < 0)
			return -1;
	}
	return 0;
}

enum { O_KEY, O_LABEL, O_N };
static const char *const option_fields[O_N] = { "key", "label" };

static int
parse_option(struct ctx *c, yaml_node_t *n, struct survey_option *o)
{
	yaml_node_t *v[O_N];

	if (fields(c, n, "options", option_fields, O_N, v) < 0 ||
	    need(c, n, v[O_KEY], "key") < 0 ||
	    need(c, n, v[O_LABEL], "label") < 0 ||
	    get_key(c, v[O_KEY], "key", o->key) < 0)
		return -1;
	return get_text(c, v[O_LABEL], "label", SURVEY_OPTION_MAX,
	    SANITIZE_LINE, &o->label);
}

/* The number of items of list n, the value of key what, in *count: -1
 * (the error recorded) when n is no list, an empty one, or longer than
 * max (the error too_many). */
static int
list_items(struct ctx *c, yaml_node_t *n, const char *what,
    const char *too_many, size_t max, size_t *count)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(c, n, SE_WANT_LIST, what, 0);
	*count = (size_t)(n->data.sequence.items.top -
	    n->data.sequence.items.start);
	if (*count == 0)
		return fail(c, n, SE_EMPTY, what, 0);
	if (*count > max)
		return fail(c, n, too_many, "", (long long)max);
	return 0;
}

static int
parse_options(struct ctx *c, yaml_node_t *n, struct survey_question *q)
{
	yaml_node_item_t *it;
	size_t count;

	if (list_items(c, n, "options", SE_TOO_MANY_OPTIONS,
	    SURVEY_OPTIONS_MAX, &count) < 0)
		return -1;
	q->options = xcalloc(count, sizeof *q->options);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		if (parse_option(c, yaml_document_get_node(c->doc, *it),
		    &q->options[q->noptions++]) < 0)
			return -1;
	}
	return 0;
}

enum { SI_QUESTION, SI_VALUE, SI_N };
static const char *const show_if_fields[SI_N] = { "question", "value" };

static int
parse_show_if(struct ctx *c, yaml_node_t *n, struct survey_question *q)
{
	yaml_node_t *v[SI_N];

	if (fields(c, n, "show_if", show_if_fields, SI_N, v) < 0 ||
	    need(c, n, v[SI_QUESTION], "question") < 0 ||
	    need(c, n, v[SI_VALUE], "value") < 0 ||
	    get_key(c, v[SI_QUESTION], "question", q->show_if) < 0)
		return -1;
	return get_key(c, v[SI_VALUE], "value", q->show_value);
}

enum { Q_KEY, Q_KIND, Q_REQUIRED, Q_TEXT, Q_OPTIONS, Q_MAX_CHOICES, Q_MIN,
	Q_MAX, Q_SHOW_IF, Q_N };
static const char *const question_fields[Q_N] = {
	"key", "kind", "required", "text", "options", "max_choices", "min",
	"max", "show_if",
};

/* A field that the question's kind has no use for. */
static int
not_for_kind(struct ctx *c, yaml_node_t *const *v, int field, bool allowed)
{
	if (v[field] == NULL || allowed)
		return 0;
	return fail(c, v[field], SE_NOT_FOR_KIND, question_fields[field], 0);
}

static int
parse_question(struct ctx *c, yaml_node_t *n, struct survey_question *q)
{
	yaml_node_t *v[Q_N];
	const char *kind;
	long long num;
	int k;
	bool choice;

	if (fields(c, n, "questions", question_fields, Q_N, v) < 0 ||
	    need(c, n, v[Q_KEY], "key") < 0 ||
	    need(c, n, v[Q_KIND], "kind") < 0 ||
	    need(c, n, v[Q_TEXT], "text") < 0 ||
	    get_key(c, v[Q_KEY], "key", q->key) < 0 ||
	    get_word(c, v[Q_KIND], "kind", &kind) < 0)
		return -1;
	if ((k = survey_kind_parse(kind)) < 0)
		return fail(c, v[Q_KIND], SE_KIND, kind, 0);
	q->kind = (enum survey_qkind)k;
	choice = q->kind == SQ_SINGLE || q->kind == SQ_MULTIPLE;
	if (not_for_kind(c, v, Q_OPTIONS, choice) < 0 ||
	    not_for_kind(c, v, Q_MAX_CHOICES, q->kind == SQ_MULTIPLE) < 0 ||
	    not_for_kind(c, v, Q_MIN, q->kind == SQ_NUMBER) < 0 ||
	    not_for_kind(c, v, Q_MAX, q->kind == SQ_NUMBER) < 0)
		return -1;
	if (v[Q_REQUIRED] != NULL &&
	    get_bool(c, v[Q_REQUIRED], "required", &q->required) < 0)
		return -1;
	if (get_text(c, v[Q_TEXT], "text", SURVEY_QTEXT_MAX, SANITIZE_BODY,
	    &q->text) < 0)
		return -1;
	if (choice && (need(c, n, v[Q_OPTIONS], "options") < 0 ||
	    parse_options(c, v[Q_OPTIONS], q) < 0))
		return -1;
	if (v[Q_MAX_CHOICES] != NULL) {
		if (get_int(c, v[Q_MAX_CHOICES], "max_choices", &num) < 0)
			return -1;
		if (num < 0 || num > SURVEY_OPTIONS_MAX)
			return fail(c, v[Q_MAX_CHOICES], SE_OUT_OF_RANGE,
			    "max_choices", SURVEY_OPTIONS_MAX);
		q->max_choices = (int)num;
	}
	if (q->kind == SQ_NUMBER &&
	    (need(c, n, v[Q_MIN], "min") < 0 ||
	    need(c, n, v[Q_MAX], "max") < 0 ||
	    get_int(c, v[Q_MIN], "min", &q->min) < 0 ||
	    get_int(c, v[Q_MAX], "max", &q->max) < 0))
		return -1;
	if (v[Q_SHOW_IF] != NULL && parse_show_if(c, v[Q_SHOW_IF], q) < 0)
		return -1;
	return 0;
}

static int
parse_questions(struct ctx *c, yaml_node_t *n)
{
	struct survey_def *d = c->d;
	yaml_node_item_t *it;
	size_t count;

	if (list_items(c, n, "questions", SE_TOO_MANY_QUESTIONS,
	    SURVEY_QUESTIONS_MAX, &count) < 0)
		return -1;
	d->questions = xcalloc(count, sizeof *d->questions);
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		if (parse_question(c, yaml_document_get_node(c->doc, *it),
		    &d->questions[d->nquestions++]) < 0)
			return -1;
	}
	return 0;
}

enum { S_FORMAT, S_FIRST_LANGUAGE, S_ANONYMOUS, S_AUDIENCE, S_ROLE, S_TITLE,
	S_INTRO, S_QUESTIONS, S_N };
static const char *const survey_fields[S_N] = {
	"format", "first_language", "anonymous", "audience", "role", "title",
	"intro", "questions",
};

static int
parse_survey(struct ctx *c, yaml_node_t *root)
{
	struct survey_def *d = c->d;
	yaml_node_t *v[S_N];
	const char *w;
	enum role role;
	int i;

	if (fields(c, root, "survey", survey_fields, S_N, v) < 0 ||
	    need(c, root, v[S_FORMAT], "format") < 0 ||
	    get_word(c, v[S_FORMAT], "format", &w) < 0)
		return -1;
	if (strcmp(w, SURVEY_TEXT_FORMAT) != 0)
		return fail(c, v[S_FORMAT], SE_FORMAT, w, 0);
	if (need(c, root, v[S_FIRST_LANGUAGE], "first_language") < 0 ||
	    need(c, root, v[S_TITLE], "title") < 0 ||
	    need(c, root, v[S_QUESTIONS], "questions") < 0 ||
	    get_word(c, v[S_FIRST_LANGUAGE], "first_language", &w) < 0)
		return -1;
	if ((d->first_lang = lang_index(w)) < 0)
		return fail(c, v[S_FIRST_LANGUAGE], SE_LANGUAGE, w, 0);
	d->anonymous = true;
	if (v[S_ANONYMOUS] != NULL &&
	    get_bool(c, v[S_ANONYMOUS], "anonymous", &d->anonymous) < 0)
		return -1;
	if (v[S_AUDIENCE] != NULL) {
		if (get_word(c, v[S_AUDIENCE], "audience", &w) < 0)
			return -1;
		if ((i = survey_audience_parse(w)) < 0)
			return fail(c, v[S_AUDIENCE], SE_AUDIENCE, w, 0);
		d->audience = (enum survey_audience)i;
	}
	if (v[S_ROLE] != NULL) {
		if (d->audience != SA_ROLE)
			return fail(c, v[S_ROLE], SE_ROLE_ONLY, "role", 0);
		if (get_word(c, v[S_ROLE], "role", &w) < 0)
			return -1;
		if (role_parse(w, &role) < 0)
			return fail(c, v[S_ROLE], SE_ROLE, w, 0);
		d->audience_role = (int)role;
	}
	if (get_text(c, v[S_TITLE], "title", SURVEY_TITLE_MAX, SANITIZE_LINE,
	    &d->title) < 0)
		return -1;
	if (v[S_INTRO] != NULL && get_text(c, v[S_INTRO], "intro",
	    SURVEY_INTRO_MAX, SANITIZE_BODY, &d->intro) < 0)
		return -1;
	return parse_questions(c, v[S_QUESTIONS]);
}

/* The value of field name in mapping map, or NULL. */
static yaml_node_t *
field_value(struct ctx *c, yaml_node_t *map, const char *name)
{
	yaml_node_pair_t *pr;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (pr = map->data.mapping.pairs.start;
	    pr < map->data.mapping.pairs.top; pr++) {
		yaml_node_t *k = yaml_document_get_node(c->doc, pr->key);

		if (strcmp(scalar(k), name) == 0)
			return yaml_document_get_node(c->doc, pr->value);
	}
	return NULL;
}

/* Where survey_def_check_at's field (of question qi, or of the survey
 * when qi < 0) is in the file: its value, else the question, else the
 * top. */
static yaml_node_t *
check_place(struct ctx *c, yaml_node_t *root, int qi, const char *field)
{
	yaml_node_t *at = root, *n;

	if (qi >= 0) {
		n = field_value(c, root, "questions");
		assert(n != NULL && n->type == YAML_SEQUENCE_NODE &&
		    qi < n->data.sequence.items.top -
		    n->data.sequence.items.start);
		at = yaml_document_get_node(c->doc,
		    n->data.sequence.items.start[qi]);
	}
	if (field == NULL)
		return at;
	if (strcmp(field, "first_lang") == 0)
		field = "first_language";
	if (strcmp(field, "show_value") == 0) {
		n = field_value(c, field_value(c, at, "show_if"), "value");
		return n != NULL ? n : at;
	}
	n = field_value(c, at, field);
	return n != NULL ? n : at;
}

/* The definition check. The event or organisation asked is the site's,
 * chosen after the import, so the check sees a stand-in id for it. */
static int
check_def(struct ctx *c, yaml_node_t *root)
{
	struct survey_def *d = c->d;
	struct core_error e;
	int qi;

	assert(d->audience_id == 0);
	if (d->audience == SA_EVENT || d->audience == SA_ORG)
		d->audience_id = 1;
	e = survey_def_check_at(d, &qi);
	d->audience_id = 0;
	if (!core_failed(e))
		return 0;
	return fail(c, check_place(c, root, qi, e.field), e.key,
	    e.field, e.arg);
}

int
survey_text_parse(const char *text, size_t len, struct survey_def *out,
    struct survey_text_error *err)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	struct ctx c = { &doc, err, out };
	int rc;

	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	if (len > SURVEY_TEXT_FILE_MAX) {	/* the whole file: line 0 */
		err->key = SE_TOO_BIG;
		err->number = SURVEY_TEXT_FILE_MAX / 1024;
		return -1;
	}
	if (prescan(text, len, err) < 0)
		return -1;
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		rc = yaml_failed(&p, text, len, err);
		yaml_parser_delete(&p);
		return rc;
	}
	root = yaml_document_get_root_node(&doc);
	assert(root != NULL);	/* prescan saw a document */
	rc = parse_survey(&c, root);
	if (rc == 0)
		rc = check_def(&c, root);
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	if (rc < 0)
		survey_def_free(out);
	return rc;
}
