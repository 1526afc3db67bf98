/* The reserved keys (see keys.h): the table, and the key bar, help lines
 * and plain letters made from it. The renderers' key handling takes these
 * keys first; view_action asserts that a screen's letter passes
 * keys_letter_ok, and test_keys_table walks every screen's letters. */
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* In the order of the key bar and the help. Key caps keep their English
 * names (they are printed on the keys), in ASCII for every terminal. */
const struct key_def keys_table[] = {
	/* The full screen: lists, the pager, text. */
	{ KS_OPEN, KM_FULL, KW_LIST, NULL, "Enter", "keys.help.open",
	    "Enter", "key.open", false, 0 },
	{ KS_PAGE, KM_FULL, KW_PAGER, " <>", "PgDn PgUp < >", "keys.help.pages",
	    "PgDn/PgUp", NULL, false, 0 },
	{ KS_MOVE, KM_FULL, KW_PAGER, "jk", "j k", "keys.help.units",
	    "j/k", NULL, false, 0 },
	{ KS_SCROLL, KM_FULL, KW_PAGER, NULL, "Down Up", "keys.help.lines",
	    NULL, NULL, false, 0 },
	{ KS_MOVE, KM_FULL, KW_LIST, "jk", "Down Up j k", "keys.help.move",
	    NULL, NULL, false, 0 },
	{ KS_PAGE, KM_FULL, KW_LIST, "<>", "PgUp PgDn < >", "keys.help.pages",
	    NULL, NULL, false, 0 },
	{ KS_BACK, KM_FULL, KW_BROWSE, "q", "q Esc", "keys.help.back",
	    "q", "key.back", true, 0 },
	{ KS_HELP, KM_FULL, KW_BROWSE, "?", "? F1", "keys.help.help",
	    "?", "key.help", true, 0 },
	/* The full screen: forms and the editor. */
	{ KS_FIELD, KM_FULL, KW_FORM, NULL, "Tab Down Up", "keys.help.fields",
	    "Tab", "key.next_field", false, 0 },
	/* In the editor the arrows move in the text. */
	{ KS_FIELD, KM_FULL, KW_EDITOR, NULL, "Tab", "keys.help.fields",
	    "Tab", "key.next_field", false, 0 },
	{ KS_SCROLL, KM_FULL, KW_EDITOR, NULL, "Left Right Up Down PgUp PgDn",
	    "keys.help.cursor", NULL, NULL, false, 0 },
	{ KS_TOGGLE, KM_FULL, KW_CHECKS, NULL, "Space", "keys.help.toggle",
	    "Space", "key.toggle", false, 0 },
	{ KS_CONFIRM, KM_FULL, KW_FORM, NULL, "Enter", "keys.help.confirm",
	    "Enter", "key.confirm", false, 0 },
	{ KS_NEWLINE, KM_FULL, KW_EDITOR, NULL, "Enter", "keys.help.newline",
	    NULL, NULL, false, 0 },
	/* Its label is the form's button (keys_bar). */
	{ KS_SUBMIT, KM_FULL, KW_EDITOR, NULL, "Ctrl-X", "keys.help.send",
	    "Ctrl-X", NULL, false, 0 },
	{ KS_BACK, KM_FULL, KW_FILL, NULL, "Esc", "keys.help.back",
	    "Esc", "key.back", true, 0 },
	{ KS_HELP, KM_FULL, KW_FILL, NULL, "F1", "keys.help.help",
	    "F1", "key.help", true, 0 },
	/* The plain mode's command words. */
	{ KS_NUMBER, KM_PLAIN, KW_LIST | KW_PAGER, NULL, "1 2 3",
	    "keys.help.number", NULL, NULL, false, 0 },
	{ KS_PAGE, KM_PLAIN, KW_LIST | KW_PAGER, "<>", "> <", "keys.help.pages",
	    NULL, NULL, false, 0 },
	{ KS_LIST, KM_PLAIN, KW_BROWSE, "l", "l", "keys.help.list",
	    NULL, NULL, false, 'k', "keys.prompt.list" },
	{ KS_BACK, KM_PLAIN, KW_BROWSE, "q", "q", "keys.help.back",
	    NULL, NULL, false, 0, "keys.prompt.back" },
	{ KS_HELP, KM_PLAIN, KW_BROWSE | KW_FORM, "?", "?", "keys.help.help",
	    NULL, NULL, false, 0, "keys.prompt.help" },
	{ KS_CANCEL, KM_PLAIN, KW_FILL, "!", "!", "keys.help.cancel",
	    NULL, NULL, false, 0 },
	/* Both modes: where there is something to search, the screen offers
	 * it among its letters (so it is in its bar and its help). */
	{ KS_SEARCH, KM_FULL | KM_PLAIN, KW_LIST | KW_PAGER, "/", "/", NULL,
	    NULL, NULL, false, 0 },
};

const int keys_count = (int)(sizeof keys_table / sizeof keys_table[0]);

unsigned
keys_where(const struct view *v)
{
	const struct form *f = v->form;

	if (f != NULL && f->focus < f->nfields &&
	    f->fields[f->focus]->type == FIELD_TEXTAREA)
		return KW_EDITOR;
	if (f != NULL && f->focus < f->nfields &&
	    f->fields[f->focus]->type == FIELD_MULTI)
		return KW_FORM | KW_CHECKS;
	if (f != NULL)
		return KW_FORM;
	if (v->kind == VIEW_PAGER && v->nitems > 0)
		return KW_PAGER;
	return v->nitems > 0 ? KW_LIST : KW_TEXT;
}

static bool
takes(const struct key_def *d, int key)
{
	return d->letters != NULL && key > 0 && key < 0x80 &&
	    strchr(d->letters, key) != NULL;
}

const struct key_def *
keys_find(int key, unsigned mode, unsigned where)
{
	int i;

	for (i = 0; i < keys_count; i++)
		if ((keys_table[i].modes & mode) &&
		    (keys_table[i].where & where) && takes(&keys_table[i], key))
			return &keys_table[i];
	return NULL;
}

const struct key_def *
keys_collision(int key)
{
	int i;

	for (i = 0; i < keys_count; i++) {
		const struct key_def *d = &keys_table[i];

		/* A plain word that moves the letter elsewhere, and the
		 * search that the screen itself does, take nothing. */
		if (takes(d, key) && d->plain_as == 0 && d->sem != KS_SEARCH)
			return d;
		/* The letter the plain mode moves one to is taken too. */
		if (d->plain_as != 0 && d->plain_as == key)
			return d;
	}
	return NULL;
}

bool
keys_letter_ok(int key)
{
	const struct key_def *d = keys_find(key, KM_FULL | KM_PLAIN, KW_BROWSE);

	return ((key >= 'a' && key <= 'z') || (d != NULL && d->sem == KS_SEARCH)) &&
	    keys_collision(key) == NULL;
}

int
line_key(int key)
{
	int i;

	for (i = 0; i < keys_count; i++)
		if ((keys_table[i].modes & KM_PLAIN) && keys_table[i].plain_as != 0 &&
		    takes(&keys_table[i], key))
			return keys_table[i].plain_as;
	return key;
}

/* The label of d on v: the form's button for Ctrl-X, "Log out" for q on
 * the main menu; NULL: d has no entry in v's bar (Enter on an empty list). */
static const char *
bar_label(const struct key_def *d, const struct view *v)
{
	if (d->sem == KS_OPEN && v->nitems == 0)
		return NULL;
	if (d->sem == KS_SUBMIT) {
		assert(v->form != NULL);	/* the editor is a form's */
		return v->form->submit_label;
	}
	if (d->sem == KS_BACK && v->q_logs_out)
		return T("menu.logout");
	/* The pager moves by the unit its screen names (view_pager). */
	if (d->sem == KS_MOVE && (d->where & KW_PAGER))
		return v->unit_label;
	return d->bar_key != NULL ? T(d->bar_key) : "";
}

int
keys_bar(const struct view *v, bool tail, char **out, int max)
{
	unsigned where = keys_where(v);
	const char *label;
	int i, n = 0;

	for (i = 0; i < keys_count && n < max; i++) {
		const struct key_def *d = &keys_table[i];

		if (!(d->modes & KM_FULL) || !(d->where & where) ||
		    d->bar == NULL || d->bar_tail != tail ||
		    (label = bar_label(d, v)) == NULL)
			continue;
		out[n++] = label[0] != '\0' ? xasprintf("%s %s", d->bar, label) :
		    xstrdup(d->bar);
	}
	return n;
}

char *
keys_prompt(const struct view *v)
{
	unsigned where = keys_where(v);
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < keys_count; i++) {
		const struct key_def *d = &keys_table[i];

		if (!(d->modes & KM_PLAIN) || !(d->where & where) ||
		    d->prompt_key == NULL)
			continue;
		sb_printf(&sb, "%s%s %s", sb.s != NULL ? ", " : "", d->names,
		    T(d->sem == KS_BACK && v->q_logs_out ? "keys.prompt.logout" :
		    d->prompt_key));
	}
	sb_putc(&sb, ':');
	return sb_take(&sb);
}

char *
keys_help(const struct view *v, unsigned mode)
{
	unsigned where = keys_where(v);
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < keys_count; i++) {
		const struct key_def *d = &keys_table[i];

		if (!(d->modes & mode) || !(d->where & where) || d->help_key == NULL)
			continue;
		if (d->sem == KS_MOVE && (d->where & KW_PAGER)) {
			char *text = TFA(d->help_key, A_STR(v->unit_label));

			sb_printf(&sb, "%s%s: %s", sb.s != NULL ? "\n" : "",
			    d->names, text);
			free(text);
			continue;
		}
		sb_printf(&sb, "%s%s: %s", sb.s != NULL ? "\n" : "", d->names,
		    T(d->sem == KS_BACK && v->q_logs_out ? "keys.help.logout" :
		    d->help_key));
	}
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}
