#include "ui/view.h"
#include "ui/widget.h"
#include "ui/keys.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const struct widget_ops *
view_widget(const struct view *v)
{
	/* A form decides the kind: screens hand theirs over as v->form. */
	assert(v->form == NULL || v->kind == VIEW_LIST || v->kind == VIEW_FORM);
	if (v->form != NULL)
		return &widget_form;
	switch (v->kind) {
	case VIEW_PAGER:
		assert(v->unit_label != NULL);	/* view_pager names it */
		return &widget_pager;
	case VIEW_WIDGET:
		assert(v->widget != NULL);
		return v->widget;
	case VIEW_FORM:		/* without v->form: the screen's mistake */
		assert(v->form != NULL);
		break;
	case VIEW_LIST:
		break;
	}
	return &widget_list;
}

void
view_pager(struct view *v, const char *unit)
{
	v->kind = VIEW_PAGER;
	free(v->unit_label);
	v->unit_label = xstrdup(unit);
}

void
view_own_widget(struct view *v, const struct widget_ops *w, void *data)
{
	/* Both renderers present it: each needs its variant. */
	assert(w != NULL && w->full_draw != NULL && w->full_key != NULL &&
	    w->line_present != NULL);
	v->kind = VIEW_WIDGET;
	v->widget = w;
	v->widget_data = data;
}

void
view_text(struct view *v, const char *text)
{
	free(v->text);
	v->text = xstrdup(text);
}

void
view_para(struct view *v, const char *text)
{
	struct strbuf sb = { 0 };

	if (v->text != NULL && v->text[0] != '\0') {
		sb_puts(&sb, v->text);
		sb_puts(&sb, "\n\n");
	}
	sb_puts(&sb, text);
	free(v->text);
	v->text = sb_take(&sb);
}

void
view_item(struct view *v, const char *label, const char *status,
    const char *unread_key)
{
	struct view_item *it;

	v->items = xrealloc(v->items, sizeof *v->items * (size_t)(v->nitems + 1));
	it = &v->items[v->nitems++];
	it->label = xstrdup(label);
	it->status = status != NULL ? xstrdup(status) : NULL;
	it->unread = unread_key;
	it->body = NULL;
	it->quotes = false;
	it->name = NULL;
	it->number = 0;
	it->nmarks = 0;
}

void
view_name(struct view *v, const char *name)
{
	if (v->nitems == 0)
		return;
	free(v->items[v->nitems - 1].name);
	v->items[v->nitems - 1].name = xstrdup(name);
}

void
view_number(struct view *v, long long number)
{
	if (v->nitems > 0)
		v->items[v->nitems - 1].number = number;
}

void
view_quotes(struct view *v)
{
	if (v->nitems > 0)
		v->items[v->nitems - 1].quotes = true;
}

void
view_body(struct view *v, const char *body)
{
	if (v->nitems == 0)
		return;
	free(v->items[v->nitems - 1].body);
	v->items[v->nitems - 1].body = xstrdup(body);
	v->items[v->nitems - 1].nmarks = 0;
}

void
view_mark(struct view *v, unsigned off, unsigned len)
{
	struct view_item *it;

	if (v->nitems == 0)
		return;
	it = &v->items[v->nitems - 1];
	assert(it->body != NULL && off + len <= strlen(it->body));
	if (it->nmarks < VIEW_MARKS_MAX) {
		it->marks[it->nmarks].off = off;
		it->marks[it->nmarks++].len = len;
	}
}

void
view_position(struct view *v, const char *text)
{
	free(v->position);
	v->position = xstrdup(text);
}

void
view_action(struct view *v, int key, const char *label)
{
	/* A lower-case letter that no reserved key shadows (keys.h), or the
	 * search key where there is something to search; a letter the
	 * renderers would take first could never be pressed. */
	assert(keys_letter_ok(key));
	assert(v->nactions <= v->actions_cap);
	if (v->nactions == v->actions_cap) {
		/* Doubling: a screen may offer any number of actions. */
		v->actions_cap = v->actions_cap == 0 ? 8 : v->actions_cap * 2;
		assert(v->actions_cap > v->nactions);
		v->actions = xreallocarray(v->actions, (size_t)v->actions_cap,
		    sizeof *v->actions);
	}
	v->actions[v->nactions].key = key;
	v->actions[v->nactions].label = xstrdup(label);
	v->nactions++;
}

void
view_clear(struct view *v)
{
	int i;

	free(v->unit_label);
	free(v->title);
	free(v->text);
	free(v->position);
	for (i = 0; i < v->nitems; i++) {
		free(v->items[i].label);
		free(v->items[i].status);
		free(v->items[i].body);
		free(v->items[i].name);
	}
	free(v->items);
	for (i = 0; i < v->nactions; i++)
		free(v->actions[i].label);
	free(v->actions);
	memset(v, 0, sizeof *v);
}
