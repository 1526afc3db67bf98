/* Writing a survey definition as the text format (core/survey-text.h)
 * through libyaml's emitter, so that quoting and escapes are always
 * right: texts double-quoted (or as a literal block when they hold line
 * breaks), words plain, fields in the order etc/surveys/README.md gives. */
#include "core/survey-text.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common/strbuf.h"
#include "core/accounts.h"	/* role_name */
#include "i18n/i18n.h"

static int
to_strbuf(void *data, unsigned char *buf, size_t size)
{
	sb_add(data, (const char *)buf, size);
	return 1;
}

/* libyaml fails only on a broken event sequence or no memory: both are
 * this file's bugs or fatal. */
static void
emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "survey-text: yaml emitter: %s\n",
		    em->problem ? em->problem : "error");
		abort();
	}
}

static void
scalar(yaml_emitter_t *em, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)s, (int)strlen(s), 1, 1, style))
		abort();
	emit(em, &ev);
}

static void
word(yaml_emitter_t *em, const char *s)
{
	scalar(em, s, YAML_PLAIN_SCALAR_STYLE);
}

static void
text_scalar(yaml_emitter_t *em, const char *s)
{
	scalar(em, s, strchr(s, '\n') != NULL ? YAML_LITERAL_SCALAR_STYLE :
	    YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void
map_start(yaml_emitter_t *em, bool flow)
{
	yaml_event_t ev;

	if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE))
		abort();
	emit(em, &ev);
}

static void
map_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
}

static void
seq_start(yaml_emitter_t *em)
{
	yaml_event_t ev;

	if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_SEQUENCE_STYLE))
		abort();
	emit(em, &ev);
}

static void
seq_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

static void
field_word(yaml_emitter_t *em, const char *name, const char *value)
{
	word(em, name);
	word(em, value);
}

static void
field_num(yaml_emitter_t *em, const char *name, long long n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", n);
	field_word(em, name, buf);
}

static void
field_text(yaml_emitter_t *em, const char *name, const struct survey_text *t)
{
	size_t i;

	word(em, name);
	map_start(em, false);
	for (i = 0; i < I18N_NLANGS; i++) {
		if (t->v[i] == NULL)
			continue;
		word(em, i18n_langs[i]);
		text_scalar(em, t->v[i]);
	}
	map_end(em);
}

static bool
text_empty(const struct survey_text *t)
{
	size_t i;

	for (i = 0; i < I18N_NLANGS; i++)
		if (t->v[i] != NULL)
			return false;
	return true;
}

static void
question(yaml_emitter_t *em, const struct survey_question *q)
{
	size_t i;

	map_start(em, false);
	field_word(em, "key", q->key);
	field_word(em, "kind", survey_kind_name(q->kind));
	field_word(em, "required", q->required ? "true" : "false");
	field_text(em, "text", &q->text);
	if (q->kind == SQ_MULTIPLE && q->max_choices > 0)
		field_num(em, "max_choices", q->max_choices);
	if (q->kind == SQ_NUMBER) {
		field_num(em, "min", q->min);
		field_num(em, "max", q->max);
	}
	if (q->kind == SQ_SINGLE || q->kind == SQ_MULTIPLE) {
		word(em, "options");
		seq_start(em);
		for (i = 0; i < q->noptions; i++) {
			map_start(em, false);
			field_word(em, "key", q->options[i].key);
			field_text(em, "label", &q->options[i].label);
			map_end(em);
		}
		seq_end(em);
	}
	if (q->show_if[0] != '\0') {
		word(em, "show_if");
		map_start(em, true);
		field_word(em, "question", q->show_if);
		word(em, "value");
		scalar(em, q->show_value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
		map_end(em);
	}
	map_end(em);
}

char *
survey_text_emit(const struct survey_def *d)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	struct strbuf sb = { 0 };
	size_t i;

	assert(d->first_lang >= 0 && d->first_lang < I18N_NLANGS);
	if (!yaml_emitter_initialize(&em))
		abort();
	yaml_emitter_set_output(&em, to_strbuf, &sb);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);	/* no folding of long texts */
	yaml_emitter_set_indent(&em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&em, &ev);
	map_start(&em, false);
	field_word(&em, "format", SURVEY_TEXT_FORMAT);
	field_word(&em, "first_language", i18n_langs[d->first_lang]);
	field_word(&em, "anonymous", d->anonymous ? "true" : "false");
	field_word(&em, "audience", survey_audience_name(d->audience));
	if (d->audience == SA_ROLE)
		field_word(&em, "role", role_name((enum role)d->audience_role));
	field_text(&em, "title", &d->title);
	if (!text_empty(&d->intro))
		field_text(&em, "intro", &d->intro);
	word(&em, "questions");
	seq_start(&em);
	for (i = 0; i < d->nquestions; i++)
		question(&em, &d->questions[i]);
	seq_end(&em);
	map_end(&em);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&em, &ev);
	yaml_emitter_delete(&em);
	return sb_take(&sb);
}
