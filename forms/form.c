#include "forms/form.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
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
	free(fld->picked);
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
	if (fld->type == FIELD_MULTI) {
		assert(strchr(value, ',') == NULL);
		fld->picked = xrealloc(fld->picked,
		    sizeof *fld->picked * (size_t)fld->nchoices);
		fld->picked[fld->nchoices - 1] = false;
		return;
	}
	if (fld->nchoices == 1)
		field_choose(fld, 0);
}

void
field_choose(struct field *fld, int index)
{
	assert(fld->type == FIELD_CHOICE);
	if (index < 0 || index >= fld->nchoices)
		return;
	fld->chosen = index;
	free(fld->value);
	fld->value = xstrdup(fld->choices[index].value);
}

/* The value of several of choices from its picked items. */
static void
join_picked(struct field *fld)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < fld->nchoices; i++)
		if (fld->picked[i])
			sb_printf(&sb, "%s%s", sb.s != NULL ? "," : "",
			    fld->choices[i].value);
	free(fld->value);
	fld->value = sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

/* The index of the choice whose value (or, when by_label, label too) is
 * the n bytes at s, case-insensitive for labels; or -1. */
static int
find_choice(const struct field *fld, const char *s, size_t n, bool by_label)
{
	int i;

	for (i = 0; i < fld->nchoices; i++) {
		const struct field_choice *c = &fld->choices[i];

		if (strlen(c->value) == n && (by_label ?
		    strncasecmp(s, c->value, n) : strncmp(s, c->value, n)) == 0)
			return i;
		if (by_label && strlen(c->label) == n &&
		    strncasecmp(s, c->label, n) == 0)
			return i;
	}
	return -1;
}

/* s without the spaces at either end: *n bytes from the returned start. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && *s == ' ') {
		s++;
		(*n)--;
	}
	while (*n > 0 && s[*n - 1] == ' ')
		(*n)--;
	return s;
}

void
field_set(struct field *fld, const char *value)
{
	size_t len;
	int i;

	if (fld->type == FIELD_MULTI) {
		const char *p = value;

		for (i = 0; i < fld->nchoices; i++)
			fld->picked[i] = false;
		while (*p != '\0') {
			size_t n = strcspn(p, ",");
			const char *item = trim(p, &n);

			if ((i = find_choice(fld, item, n, false)) >= 0)
				fld->picked[i] = true;
			p += strcspn(p, ",");
			if (*p == ',')
				p++;
		}
		join_picked(fld);
		return;
	}
	if (fld->type == FIELD_CHOICE) {
		for (i = 0; i < fld->nchoices; i++)
			if (strcmp(fld->choices[i].value, value) == 0)
				field_choose(fld, i);
		return;
	}
	free(fld->value);
	fld->value = xstrdup(value);
	len = strlen(fld->value);
	if (fld->cur > len)
		fld->cur = len;
	assert(fld->cur <= len);
}

/* Bytes of the well-formed UTF-8 character at s (n bytes left), or 0. */
static size_t
char_len(const unsigned char *s, size_t n)
{
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 :
	    s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (len == 0 || len > n || (len == 3 && s[0] > 0xef))
		return 0;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((len == 3 && s[0] == 0xe0 && s[1] < 0xa0) ||
	    (len == 3 && s[0] == 0xed && s[1] >= 0xa0) ||
	    (len == 4 && s[0] == 0xf0 && s[1] < 0x90) ||
	    (len == 4 && s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return len;
}

enum field_edit
field_insert(struct field *fld, const char *text, size_t n)
{
	size_t len = strlen(fld->value), have, kept = 0, i, cl;
	size_t room = fld->max_cp > 0 ? (size_t)fld->max_cp : (size_t)-1;
	enum field_edit r = FIELD_EDIT_OK;
	char *clean, *v;

	assert(fld->cur <= len);
	have = utf8_count(fld->value);
	/* Keep whole, printable characters (C0, DEL and C1 are dropped)
	 * while they fit. */
	clean = xmalloc(n + 1);
	for (i = 0; i < n; i += cl) {
		const unsigned char *c = (const unsigned char *)text + i;

		if ((cl = char_len(c, n - i)) == 0) {
			cl = 1;		/* not UTF-8: skip the byte */
			continue;
		}
		if (c[0] < 0x20 || c[0] == 0x7f || (c[0] == 0xc2 && c[1] < 0xa0))
			continue;
		if (have >= room || len + kept + cl >= FIELD_VALUE_MAX) {
			r = FIELD_EDIT_FULL;
			break;
		}
		memcpy(clean + kept, c, cl);
		kept += cl;
		have++;
	}
	v = xmalloc(len + kept + 1);
	memcpy(v, fld->value, fld->cur);
	memcpy(v + fld->cur, clean, kept);
	memcpy(v + fld->cur + kept, fld->value + fld->cur, len - fld->cur + 1);
	free(fld->value);
	free(clean);
	fld->value = v;
	fld->cur += kept;
	return r;
}

void
field_delete_back(struct field *fld)
{
	size_t len = strlen(fld->value), p;

	assert(fld->cur <= len);
	if (fld->cur == 0)
		return;
	p = i18n_prev_grapheme(fld->value, fld->cur);
	memmove(fld->value + p, fld->value + fld->cur, len - fld->cur + 1);
	fld->cur = p;
}

void
field_delete_forward(struct field *fld)
{
	size_t len = strlen(fld->value), nx;

	assert(fld->cur <= len);
	if (fld->cur == len)
		return;
	nx = i18n_next_grapheme(fld->value, fld->cur);
	memmove(fld->value + fld->cur, fld->value + nx, len - nx + 1);
}

void
field_cursor_step(struct field *fld, int dir)
{
	assert(fld->cur <= strlen(fld->value));
	fld->cur = dir < 0 ? i18n_prev_grapheme(fld->value, fld->cur) :
	    i18n_next_grapheme(fld->value, fld->cur);
}

void
field_cursor_home(struct field *fld)
{
	fld->cur = 0;
}

void
field_cursor_end(struct field *fld)
{
	fld->cur = strlen(fld->value);
}

enum field_toggle
field_toggle(struct field *fld, int index)
{
	assert(fld->type == FIELD_MULTI);
	assert(index >= 0 && index < fld->nchoices);
	if (!fld->picked[index] && fld->max_chosen > 0 &&
	    field_chosen_count(fld) >= fld->max_chosen)
		return FIELD_TOGGLE_LIMIT;
	fld->picked[index] = !fld->picked[index];
	join_picked(fld);
	return FIELD_TOGGLE_OK;
}

bool
field_is_chosen(const struct field *fld, int index)
{
	assert(fld->type == FIELD_MULTI);
	assert(index >= 0 && index < fld->nchoices);
	return fld->picked[index];
}

int
field_chosen_count(const struct field *fld)
{
	int i, n = 0;

	assert(fld->type == FIELD_MULTI);
	for (i = 0; i < fld->nchoices; i++)
		n += fld->picked[i];
	return n;
}

#define NAMED_MAX	40	/* code points of a wrong item named back */

/* The reason an item typed as the n bytes at s is unknown: it is named,
 * cut to NAMED_MAX code points. */
static char *
unknown_item(const char *s, size_t n)
{
	size_t cut = 0, cp = 0;
	char *piece, *msg;

	while (cut < n && cp < NAMED_MAX) {
		cut++;
		while (cut < n && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut++;
		cp++;
	}
	piece = xasprintf("%.*s%s", (int)cut, s, cut < n ? "..." : "");
	msg = TFA("form.error.no_item", A_STR(piece));
	free(piece);
	return msg;
}

/* Picks in want the items that the n bytes at s name: a label or value,
 * or numbers separated by spaces. Returns NULL or the reason why not. */
static char *
parse_piece(const struct field *fld, const char *s, size_t n, bool *want)
{
	size_t i = 0;
	int c;

	if ((c = find_choice(fld, s, n, true)) >= 0) {
		want[c] = true;
		return NULL;
	}
	while (i < n) {
		size_t start = i;
		long num = 0;

		while (i < n && s[i] >= '0' && s[i] <= '9' && num <= fld->nchoices)
			num = num * 10 + (s[i++] - '0');
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start || (i < n && s[i] != ' ') || num < 1 ||
		    num > fld->nchoices) {
			while (i < n && s[i] != ' ')
				i++;
			/* Not a number of this list: named as typed (the
			 * whole piece when it is no number at all). */
			return i > start && s[start] >= '0' && s[start] <= '9' ?
			    unknown_item(s + start, i - start) : unknown_item(s, n);
		}
		want[num - 1] = true;
		while (i < n && s[i] == ' ')
			i++;
	}
	return NULL;
}

char *
field_parse_multi(struct field *fld, const char *answer)
{
	bool *want = xcalloc((size_t)fld->nchoices + 1, sizeof *want);
	size_t len = strlen(answer);
	const char *p = trim(answer, &len);
	char *err = NULL;
	int i, n = 0;

	assert(fld->type == FIELD_MULTI);
	if (len == 1 && p[0] == '-')
		p = "";		/* none */
	else if (len == 0)
		err = xstrdup(T("form.error.choice"));
	while (err == NULL && *p != '\0') {
		size_t plen = strcspn(p, ",");
		const char *piece = trim(p, &plen);

		if (plen > 0)
			err = parse_piece(fld, piece, plen, want);
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	for (i = 0; i < fld->nchoices; i++)
		n += want[i];
	if (err == NULL && fld->max_chosen > 0 && n > fld->max_chosen)
		err = TFA("form.multi_limit", A_NUM(fld->max_chosen));
	if (err == NULL) {
		memcpy(fld->picked, want, sizeof *want * (size_t)fld->nchoices);
		join_picked(fld);
	}
	free(want);
	return err;
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

	/* A choice field built from data may have nothing to choose from:
	 * required or not, it cannot be answered, and the form says so. */
	if ((fld->type == FIELD_CHOICE || fld->type == FIELD_MULTI) &&
	    fld->nchoices == 0)
		return xstrdup(T("form.error.no_choices"));
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
	case FIELD_MULTI:
		if (fld->max_chosen > 0 && field_chosen_count(fld) > fld->max_chosen)
			return TFA("form.multi_limit", A_NUM(fld->max_chosen));
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

	assert(form_index(f, fld) >= 0);
	assert(fld->type != FIELD_CHOICE || fld->nchoices == 0 ||
	    (fld->chosen >= 0 && fld->chosen < fld->nchoices));
	free(fld->error);
	fld->error = builtin_check(fld);
	if (fld->error == NULL && fld->check != NULL &&
	    (key = fld->check(f, fld, fld->check_arg)) != NULL)
		field_set_error_key(fld, key);
	return fld->error == NULL;
}

bool
field_shown(const struct form *f, const struct field *fld)
{
	return fld->shown == NULL || fld->shown(f, fld->shown_arg);
}

int
form_shown_from(const struct form *f, int i, int dir)
{
	assert(dir == 1 || dir == -1);
	if (i < 0)
		i = 0;
	if (i > f->nfields)
		i = f->nfields;
	while (i >= 0 && i < f->nfields && !field_shown(f, f->fields[i]))
		i += dir;
	if (i < 0)
		return form_shown_from(f, 0, 1);
	return i;
}

bool
form_validate(struct form *f)
{
	int i, first_bad = -1;

	/* The button counts as a place of focus: focus == nfields. */
	assert(f->focus >= 0 && f->focus <= f->nfields);
	for (i = 0; i < f->nfields; i++) {
		if (!field_shown(f, f->fields[i])) {
			field_set_error(f->fields[i], NULL);
			continue;
		}
		if (!field_validate(f, f->fields[i]) && first_bad < 0)
			first_bad = i;
	}
	if (first_bad >= 0)
		f->focus = first_bad;
	return first_bad < 0;
}

/* A scale may start with a choice of value "" (no answer yet), so that
 * nothing is chosen for the person: 1 when it does, else 0. */
static int
scale_first(const struct field *fld)
{
	return fld->nchoices > 0 && fld->choices[0].value[0] == '\0';
}

bool
field_is_scale(const struct field *fld)
{
	int i = scale_first(fld);

	if (fld->type != FIELD_CHOICE || fld->nchoices - i < 3)
		return false;
	for (; i < fld->nchoices; i++) {
		const char *l = fld->choices[i].label;
		size_t n = strspn(l, "0123456789");

		if (n == 0 || n > 2 || l[n] != '\0')
			return false;
	}
	return true;
}

int
field_parse_choice(const struct field *fld, const char *answer)
{
	char *end;
	long n;
	int i;

	errno = 0;
	n = strtol(answer, &end, 10);
	if (errno == 0 && end != answer && *end == '\0' && field_is_scale(fld)) {
		for (i = scale_first(fld); i < fld->nchoices; i++)
			if (atol(fld->choices[i].label) == n)
				return i;
		return -1;
	}
	if (errno == 0 && end != answer && *end == '\0')
		return n >= 1 && n <= fld->nchoices ? (int)n - 1 : -1;
	for (i = 0; i < fld->nchoices; i++)
		if (strcasecmp(answer, fld->choices[i].label) == 0 ||
		    strcasecmp(answer, fld->choices[i].value) == 0)
			return i;
	return -1;
}
