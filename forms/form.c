#include "forms/form.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct form *
form_new(const char *submit_label)
{
	struct form *f = xcalloc(1, sizeof *f);

	f->submit_label = xstrdup(submit_label);
	return f;
}

static void
field_free(struct field *fld)
{
	int i;

	free(fld->id);
	free(fld->label);
	free(fld->hint);
	free(fld->value);
	free(fld->error);
	for (i = 0; i < fld->nchoices; i++) {
		free(fld->choices[i].value);
		free(fld->choices[i].label);
	}
	free(fld->choices);
}

void
form_free(struct form *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nfields; i++) {
		field_free(f->fields[i]);
		free(f->fields[i]);
	}
	free(f->fields);
	free(f->submit_label);
	free(f);
}

struct field *
form_add(struct form *f, const char *id, enum field_type type,
    const char *label, bool required)
{
	struct field *fld;

	f->fields = xrealloc(f->fields, sizeof *f->fields * (size_t)(f->nfields + 1));
	fld = f->fields[f->nfields++] = xcalloc(1, sizeof *fld);
	fld->id = xstrdup(id);
	fld->label = xstrdup(label);
	fld->type = type;
	fld->required = required;
	fld->value = xstrdup("");
	fld->max = 1000000;
	return fld;
}

void
field_add_choice(struct field *fld, const char *value, const char *label)
{
	fld->choices = xrealloc(fld->choices,
	    sizeof *fld->choices * (size_t)(fld->nchoices + 1));
	fld->choices[fld->nchoices].value = xstrdup(value);
	fld->choices[fld->nchoices].label = xstrdup(label);
	fld->nchoices++;
	if (fld->nchoices == 1)
		field_choose(fld, 0);
}

void
field_choose(struct field *fld, int index)
{
	if (index < 0 || index >= fld->nchoices)
		return;
	fld->chosen = index;
	free(fld->value);
	fld->value = xstrdup(fld->choices[index].value);
}

void
field_set(struct field *fld, const char *value)
{
	int i;

	if (fld->type == FIELD_CHOICE) {
		for (i = 0; i < fld->nchoices; i++)
			if (strcmp(fld->choices[i].value, value) == 0)
				field_choose(fld, i);
		return;
	}
	free(fld->value);
	fld->value = xstrdup(value);
}

struct field *
form_field(struct form *f, const char *id)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i]->id, id) == 0)
			return f->fields[i];
	return NULL;
}

int
form_index(const struct form *f, const struct field *fld)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (f->fields[i] == fld)
			return i;
	return -1;
}

const char *
form_value(const struct form *f, const char *id)
{
	int i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i]->id, id) == 0)
			return f->fields[i]->value;
	return "";
}

/* Returns the catalog key of what is wrong with the field, or NULL. */
static char *
builtin_check(const struct field *fld)
{
	char *end;
	long n;

	if (fld->value[0] == '\0')
		return fld->required ? xstrdup(T("form.error.required")) : NULL;
	switch (fld->type) {
	case FIELD_NUMBER:
		errno = 0;
		n = strtol(fld->value, &end, 10);
		if (errno != 0 || *end != '\0' || n < fld->min || n > fld->max)
			return TFA("form.error.number", A_NUM(fld->min), A_NUM(fld->max));
		break;
	case FIELD_TEXT:
	case FIELD_PASSWORD:
	case FIELD_TEXTAREA:
		if (fld->max_cp > 0 && utf8_count(fld->value) > (size_t)fld->max_cp)
			return TFA("form.error.too_long", A_NUM(fld->max_cp));
		break;
	case FIELD_CHOICE:
		break;
	}
	return NULL;
}

void
field_set_error(struct field *fld, const char *text)
{
	free(fld->error);
	fld->error = text != NULL ? xstrdup(text) : NULL;
}

void
field_set_error_key(struct field *fld, const char *key)
{
	free(fld->error);
	fld->error = TFA(key, A_NUM(fld->error_arg));
}

bool
field_validate(struct form *f, struct field *fld)
{
	const char *key;

	free(fld->error);
	fld->error = builtin_check(fld);
	if (fld->error == NULL && fld->check != NULL &&
	    (key = fld->check(f, fld, fld->check_arg)) != NULL)
		field_set_error_key(fld, key);
	return fld->error == NULL;
}

bool
form_validate(struct form *f)
{
	int i, first_bad = -1;

	for (i = 0; i < f->nfields; i++)
		if (!field_validate(f, f->fields[i]) && first_bad < 0)
			first_bad = i;
	if (first_bad >= 0)
		f->focus = first_bad;
	return first_bad < 0;
}

int
field_parse_choice(const struct field *fld, const char *answer)
{
	char *end;
	long n;
	int i;

	errno = 0;
	n = strtol(answer, &end, 10);
	if (errno == 0 && end != answer && *end == '\0')
		return n >= 1 && n <= fld->nchoices ? (int)n - 1 : -1;
	for (i = 0; i < fld->nchoices; i++)
		if (strcasecmp(answer, fld->choices[i].label) == 0 ||
		    strcasecmp(answer, fld->choices[i].value) == 0)
			return i;
	return -1;
}
