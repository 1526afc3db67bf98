/* The form widget: labelled fields, the focused one marked '>' with the
 * cursor in it, and the button. On the full screen one-line fields are
 * edited at the field's own cursor (forms/ changes a value and its cursor,
 * never this file) and a multi-line field in the editor (ui/editor.c);
 * the plain variant asks each field in turn, and again the wrong ones. */
#include "ui/widget-form.h"
#include "ui/widget.h"
#include "ui/render-full.h"
#include "ui/render-line.h"
#include "ui/editor.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BURST_MAX 65536	/* keys taken in one go before a draw */
#define KEEP_LINES	5	/* plain mode: a long text is kept as a draft
				 * this often */

/* The full screen's state of the form presented. */
struct form_edit {
	const struct form *form;	/* the form last presented */
	int		 form_focus;
	struct editor	*ed;		/* the focused multi-line field's */
	const struct field *ed_field;
	int		 item;		/* several of choices: the focused
					 * field's item the cursor is on */
};

/* A field's error under it, "! " first, wrapped under its own start. */
static void
add_error(struct body *b, const char *text, int width, attr_t attr)
{
	char **lines;
	int n, i;

	n = i18n_wrap(text, width - 6, &lines);
	for (i = 0; i < n; i++)
		body_add(b, xasprintf("    %s %s", i == 0 ? "!" : " ", lines[i]),
		    attr, -1);
	i18n_free_lines(lines, n);
}

/* Width of the first off bytes of s as shown: '*' per character for
 * passwords. */
static int
shown_width(const struct field *fld, size_t off)
{
	if (fld->type == FIELD_PASSWORD)
		return (int)utf8_count_n(fld->value, off);
	return full_prefix_width(fld->value, off);
}

/* Where a long one-line value starts to be shown so that the cursor (byte
 * cur of val) stays within room columns: steps back from the cursor one
 * grapheme at a time, so a long value costs only what is shown. Sets *col
 * to the cursor's column from that start. */
static size_t
scroll_start(const char *val, size_t cur, int room, int *col)
{
	size_t start = cur;
	int w = 0;

	while (start > 0) {
		size_t p = i18n_prev_grapheme(val, start);
		int gw = i18n_width_n(val + p, start - p);

		if (w + gw > room)
			break;
		w += gw;
		start = p;
	}
	if (start > 0)		/* begin at the start when it all fits */
		*col = w;
	else
		*col = full_prefix_width(val, cur);
	return start;
}

/* A scale in one row, "0  1 [2] 3", the chosen one in brackets; *col
 * gets the column of its number. Returns NULL when the row is wider than
 * room (then it turns as other choices do). */
static char *
scale_row(const struct field *fld, int room, int *col)
{
	struct strbuf sb = { 0 };
	int i;

	assert(field_is_scale(fld));
	for (i = 0; i < fld->nchoices; i++) {
		if (i == fld->chosen)
			*col = (int)sb.len + (i > 0) + 1;
		sb_printf(&sb, "%s%s%s%s", i > 0 ? " " : "", i == fld->chosen ?
		    "[" : " ", fld->choices[i].label, i == fld->chosen ? "]" : " ");
	}
	while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
		sb.s[--sb.len] = '\0';
	if ((int)sb.len > room) {
		sb_free(&sb);
		return NULL;
	}
	return sb_take(&sb);
}

static char *
shown_value(const struct field *fld)
{
	struct strbuf sb = { 0 };
	int i, n;

	if (fld->type == FIELD_CHOICE)
		return xasprintf("< %s >", fld->nchoices > 0 ?
		    fld->choices[fld->chosen].label : "");
	if (fld->type != FIELD_PASSWORD)
		return xstrdup(fld->value);
	n = shown_width(fld, strlen(fld->value));
	for (i = 0; i < n; i++)
		sb_putc(&sb, '*');
	return sb_take(&sb);
}

/* Lines of the editor area for a multi-line field: the focused one shows
 * the editor's window with the cursor; others their first lines. */
static void
add_textarea(struct body *b, struct form_edit *fs, const struct field *fld,
    bool focused, int width)
{
	int rows = LINES - 14 > 4 ? LINES - 14 : 4, i, row, col, top;
	char **lines;
	int n;

	if (!focused || fs->ed == NULL || fs->ed_field != fld) {
		n = i18n_wrap(fld->value, width - 4, &lines);
		for (i = 0; i < n && i < 3; i++)
			body_add(b, xasprintf("    %s%s", lines[i],
			    i == 2 && n > 3 ? " ..." : ""), A_NORMAL, -1);
		if (n == 0)
			body_add(b, xstrdup("    "), A_UNDERLINE, -1);
		i18n_free_lines(lines, n);
		return;
	}
	editor_layout(fs->ed, width - 4, rows);
	editor_cursor(fs->ed, &row, &col);
	top = editor_scroll(fs->ed);
	for (i = top; i < top + rows; i++) {
		const struct editor_line *el = i < editor_lines(fs->ed) ?
		    editor_line(fs->ed, i) : NULL;
		char *text = el != NULL ? xstrndup(editor_text(fs->ed) + el->start,
		    el->end - el->start) : xstrdup("");

		if (i == row)
			b->focus_line = b->n;
		body_add(b, xasprintf("    %s", text), el != NULL && el->quote ?
		    A_DIM : A_NORMAL, i == row ? 4 + col : -1);
		free(text);
	}
	body_add(b, TFA("form.editor_count", A_NUM(editor_length_cp(fs->ed)),
	    A_NUM(editor_max_cp(fs->ed))), A_DIM, -1);
}

/* Several of choices: a "[x] label" line per item (long labels wrapped
 * under their start), the cursor on the box of the focused item. */
static void
add_multi(struct body *b, const struct form_edit *fs, const struct field *fld,
    bool focused, int width)
{
	int i, j, n;
	char **lines;

	for (i = 0; i < fld->nchoices; i++) {
		bool here = focused && i == fs->item;

		n = i18n_wrap(fld->choices[i].label, width - 8, &lines);
		if (here)
			b->focus_line = b->n;
		body_add(b, xasprintf("    [%c] %s", field_is_chosen(fld, i) ?
		    'x' : ' ', n > 0 ? lines[0] : ""), here ? A_UNDERLINE :
		    A_NORMAL, here ? 5 : -1);
		for (j = 1; j < n; j++)
			body_add(b, xasprintf("        %s", lines[j]), A_NORMAL, -1);
		i18n_free_lines(lines, n);
	}
	if (fld->nchoices == 0) {
		if (focused)
			b->focus_line = b->n;
		body_add(b, xstrdup("    "), A_UNDERLINE, focused ? 4 : -1);
	}
}

/* A field's label after its focus mark ("> " or "  "), wrapped under
 * its start: a survey's question may be long. */
static void
add_label(struct app *app, struct body *b, const char *label, bool focused,
    int width, attr_t attr)
{
	struct body lines = { .focus_line = -1 };
	int i;

	body_wrapped(app, &lines, label, width - 2, attr);
	if (lines.n == 0)
		body_add(&lines, xstrdup(""), attr, -1);
	for (i = 0; i < lines.n; i++)
		body_add(b, xasprintf("%s %s", i == 0 && focused ? ">" : " ",
		    lines.l[i].text), attr, -1);
	body_free(&lines);
}

static void
build_form(struct app *app, struct body *b, const struct form *f,
    struct form_edit *fs, int width)
{
	const struct full_style *sty = full_style(app);
	int i;

	for (i = 0; i < f->nfields; i++) {
		const struct field *fld = f->fields[i];
		bool focused = f->focus == i;
		char *label;
		char *val;
		int cursor = 4;

		if (!field_shown(f, fld))
			continue;
		label = xasprintf("%s%s", fld->label,
		    fld->required ? "" : T("form.optional_mark"));
		val = shown_value(fld);
		add_label(app, b, label, focused, width,
		    focused ? sty->strong : A_NORMAL);
		free(label);
		if (fld->type == FIELD_MULTI) {
			free(val);
			add_multi(b, fs, fld, focused, width);
			if (focused && fld->hint != NULL)
				body_wrapped(app, b, fld->hint, width - 4, A_NORMAL);
			if (focused && fld->max_chosen > 0 && fld->error == NULL) {
				char *lim = TFA("form.multi_limit",
				    A_NUM(fld->max_chosen));

				body_wrapped(app, b, lim, width - 4, A_DIM);
				free(lim);
			}
			if (fld->error != NULL)
				add_error(b, fld->error, width, sty->error);
			continue;
		}
		if (fld->type == FIELD_TEXTAREA) {
			free(val);
			add_textarea(b, fs, fld, focused, width);
			if (focused && fld->hint != NULL)
				body_wrapped(app, b, fld->hint, width - 4, A_DIM);
			if (fld->error != NULL)
				add_error(b, fld->error, width, sty->error);
			continue;
		}
		if (field_is_scale(fld)) {
			int col = 0;
			char *row = scale_row(fld, width - 4, &col);

			if (row != NULL) {
				free(val);
				val = row;
				cursor = 4 + col;
			}
		}
		if (focused && fld->type != FIELD_CHOICE) {
			size_t start = scroll_start(val, fld->type == FIELD_PASSWORD ?
			    (size_t)shown_width(fld, fld->cur) : fld->cur,
			    width - 6, &cursor);
			char *vis = xstrdup(val + start);

			cursor += 4;
			free(val);
			val = vis;
		}
		if (focused)
			b->focus_line = b->n;
		body_add(b, xasprintf("    %s", val), A_UNDERLINE,
		    focused ? cursor : -1);
		free(val);
		if (focused && fld->hint != NULL)
			body_wrapped(app, b, fld->hint, width - 4, A_NORMAL);
		if (fld->error != NULL)
			add_error(b, fld->error, width, sty->error);
	}
	body_add(b, xstrdup(""), A_NORMAL, -1);
	if (f->focus == f->nfields)
		b->focus_line = b->n;
	body_add(b, xasprintf("%s [ %s ]", f->focus == f->nfields ? ">" : " ",
	    f->submit_label), f->focus == f->nfields ? sty->strong : A_NORMAL,
	    f->focus == f->nfields ? 2 : -1);
}

/* Edits the focused one-line field with key; returns true when handled.
 * Typed text comes through insert_text. */
static bool
edit_text(struct field *fld, int type, wint_t ch)
{
	if (type == KEY_CODE_YES) {
		switch (ch) {
		case KEY_LEFT: field_cursor_step(fld, -1); return true;
		case KEY_RIGHT: field_cursor_step(fld, 1); return true;
		case KEY_HOME: field_cursor_home(fld); return true;
		case KEY_END: field_cursor_end(fld); return true;
		case KEY_BACKSPACE: field_delete_back(fld); return true;
		case KEY_DC: field_delete_forward(fld); return true;
		}
		return false;
	}
	if (ch == 127 || ch == 8) {
		field_delete_back(fld);
		return true;
	}
	if (ch == 21) {		/* Ctrl-U: clear the field */
		field_set(fld, "");
		return true;
	}
	return false;
}

/* Focuses field i, or the next shown one in direction dir (+1, -1). */
static void
focus_field(struct form_edit *fs, struct form *f, int i, int dir)
{
	i = form_shown_from(f, i, dir);
	f->focus = i;
	assert(f->focus >= 0 && f->focus <= f->nfields);
	fs->form_focus = i;
	if (i < f->nfields)
		field_cursor_end(f->fields[i]);
	/* Several of choices: coming from above on the first item, from
	 * below on the last. */
	fs->item = i < f->nfields && dir < 0 ? f->fields[i]->nchoices - 1 : 0;
	if (fs->item < 0)
		fs->item = 0;
	/* A new editor unless this one holds exactly the field's text (a form
	 * freed and another made at the same address must not share one). */
	if (i < f->nfields && f->fields[i]->type == FIELD_TEXTAREA &&
	    (fs->ed == NULL || fs->ed_field != f->fields[i] ||
	    strcmp(editor_text(fs->ed), f->fields[i]->value) != 0)) {
		editor_free(fs->ed);
		fs->ed = editor_new(f->fields[i]->value,
		    f->fields[i]->max_cp > 0 ? (size_t)f->fields[i]->max_cp : 0);
		fs->ed_field = f->fields[i];
	}
}

/* Keys of the multi-line editor; Tab, Ctrl-X, Esc and F1 stay the form's.
 * Returns true when the key was the editor's. */
static bool
textarea_key(struct form_edit *fs, struct field *fld, int type, wint_t ch)
{
	static const struct { int key; enum editor_key ek; } keys[] = {
		{ KEY_LEFT, ED_LEFT }, { KEY_RIGHT, ED_RIGHT }, { KEY_UP, ED_UP },
		{ KEY_DOWN, ED_DOWN }, { KEY_HOME, ED_HOME }, { KEY_END, ED_END },
		{ KEY_PPAGE, ED_PGUP }, { KEY_NPAGE, ED_PGDN },
		{ KEY_BACKSPACE, ED_BACKSPACE }, { KEY_DC, ED_DELETE },
		{ KEY_ENTER, ED_NEWLINE }, { KEY_CTRL_HOME, ED_TOP },
		{ KEY_CTRL_END, ED_BOTTOM },
	};
	enum editor_result r = ED_IGNORED;
	size_t i;

	if (type == KEY_CODE_YES) {
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if ((wint_t)keys[i].key == ch)
				break;
		if (i == sizeof keys / sizeof keys[0])
			return false;
		r = editor_key(fs->ed, keys[i].ek);
	} else if (ch == '\r' || ch == '\n')
		r = editor_key(fs->ed, ED_NEWLINE);
	else if (ch == 127 || ch == 8)
		r = editor_key(fs->ed, ED_BACKSPACE);
	else if (ch == '\t' || ch == 27 || ch == 24)
		return false;
	else if (ch >= 0x20)
		r = editor_insert_cp(fs->ed, (uint32_t)ch);
	else
		return true;	/* other control keys do nothing here */
	if (r == ED_LIMIT)
		field_set_error_key(fld, "form.editor_full");
	else if (fld->error != NULL && r == ED_OK)
		field_set_error(fld, NULL);
	field_set(fld, editor_text(fs->ed));
	return true;
}

/* Space on several of choices picks or unpicks the item at the cursor; at
 * the limit nothing changes and the field says why. Returns true when ev
 * was filled. */
static bool
multi_key(struct form_edit *fs, struct form *f, struct field *fld, int type,
    wint_t ch, struct ui_event *ev)
{
	if (type != OK || ch != ' ' || fld->nchoices == 0)
		return false;
	assert(fs->item >= 0 && fs->item < fld->nchoices);
	if (field_toggle(fld, fs->item) == FIELD_TOGGLE_LIMIT) {
		char *msg = TFA("form.multi_full", A_NUM(fld->max_chosen));

		field_set_error(fld, msg);
		free(msg);
		return false;
	}
	field_set_error(fld, NULL);
	/* As a checked choice: it acts at once (see form_key). */
	if (fld->check != NULL) {
		field_validate(f, fld);
		ev->type = EV_CHANGED;
		return true;
	}
	return false;
}

/* Handles a key on a form. Returns true when ev was filled. */
static bool
form_key(struct form_edit *fs, struct form *f, int type, wint_t ch,
    struct ui_event *ev)
{
	struct field *fld = f->focus < f->nfields ? f->fields[f->focus] : NULL;
	bool enter = (type == OK && (ch == '\r' || ch == '\n')) ||
	    (type == KEY_CODE_YES && ch == KEY_ENTER);

	if (type == OK && ch == 27) {
		ev->type = EV_BACK;
		return true;
	}
	if (type == OK && ch == 24) {	/* Ctrl-X: send */
		if (form_validate(f)) {
			ev->type = EV_SUBMIT;
			return true;
		}
		focus_field(fs, f, f->focus, 1);
		return false;
	}
	if (fld != NULL && fld->type == FIELD_TEXTAREA && fs->ed_field == fld &&
	    textarea_key(fs, fld, type, ch))
		return false;
	if ((type == KEY_CODE_YES && ch == KEY_F(1)) ||
	    (type == OK && ch == '?' && (fld == NULL || fld->type == FIELD_CHOICE ||
	    fld->type == FIELD_MULTI))) {
		ev->type = EV_HELP;
		return true;
	}
	/* Several of choices: the arrows go through the items, then on. */
	if (fld != NULL && fld->type == FIELD_MULTI && type == KEY_CODE_YES &&
	    (ch == KEY_DOWN || ch == KEY_UP)) {
		int to = fs->item + (ch == KEY_DOWN ? 1 : -1);

		if (to >= 0 && to < fld->nchoices) {
			fs->item = to;
			return false;
		}
	}
	if ((type == OK && ch == '\t') || (type == KEY_CODE_YES && ch == KEY_DOWN)) {
		focus_field(fs, f, f->focus + 1, 1);
		return false;
	}
	if (type == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_BTAB)) {
		focus_field(fs, f, f->focus - 1, -1);
		return false;
	}
	if (type == OK && ch == 'q' && fld == NULL) {
		ev->type = EV_BACK;	/* on the button, as Esc */
		return true;
	}
	if (enter && (fld == NULL || (f->quick &&
	    fld->type != FIELD_TEXTAREA))) {
		if (form_validate(f)) {
			ev->type = EV_SUBMIT;
			return true;
		}
		focus_field(fs, f, f->focus, 1);
		return false;
	}
	if (enter) {
		if (field_validate(f, fld))
			focus_field(fs, f, f->focus + 1, 1);
		return false;
	}
	if (fld == NULL)
		return false;
	if (fld->type == FIELD_MULTI)
		return multi_key(fs, f, fld, type, ch, ev);
	if (fld->type == FIELD_CHOICE) {
		int was = fld->chosen;

		if (fld->nchoices == 0)
			;	/* nothing to move to; its error says so */
		else if (type == KEY_CODE_YES && ch == KEY_LEFT)
			field_choose(fld, (fld->chosen + fld->nchoices - 1) % fld->nchoices);
		else if ((type == KEY_CODE_YES && ch == KEY_RIGHT) || (type == OK && ch == ' '))
			field_choose(fld, (fld->chosen + 1) % fld->nchoices);
		/* A checked choice acts at once (the registration form's
		 * language re-translates the form): check it, and have the
		 * screen described again so title, text and key bar follow. */
		if (fld->chosen != was && fld->check != NULL) {
			field_validate(f, fld);
			ev->type = EV_CHANGED;
			return true;
		}
		return false;
	}
	edit_text(fld, type, ch);
	return false;
}

/* Whether key is typed text for the focused field: a printable character,
 * and for a multi-line field also Enter. */
static bool
is_text(int type, wint_t ch, bool multiline)
{
	if (type != OK)
		return false;
	if (ch >= 0x20 && ch != 0x7f && !(ch >= 0x80 && ch < 0xa0))
		return true;
	return multiline && (ch == '\r' || ch == '\n');
}

/* The focused field that takes typed text, or NULL. */
static struct field *
text_field(const struct form_edit *fs, const struct form *f)
{
	struct field *fld;

	if (f->focus >= f->nfields)
		return NULL;
	fld = f->fields[f->focus];
	/* A number is typed as text; its range is checked as it leaves. */
	if (fld->type == FIELD_TEXT || fld->type == FIELD_PASSWORD ||
	    fld->type == FIELD_NUMBER)
		return fld;
	if (fld->type == FIELD_TEXTAREA && fs->ed != NULL && fs->ed_field == fld)
		return fld;
	return NULL;
}

/* Adds typed key ch as UTF-8 text to sb: Enter as a new line; a one-line
 * field keeps only what the sanitiser keeps. */
static void
add_key_text(struct strbuf *sb, bool multiline, wint_t ch)
{
	char mb[8];
	int len;

	if (ch == '\r' || ch == '\n')
		sb_putc(sb, '\n');
	else if ((multiline || sanitize_line_keeps((uint32_t)ch)) &&
	    (len = wctomb(mb, (wchar_t)ch)) > 0)
		sb_add(sb, mb, (size_t)len);
}

/* Takes the key in *type and *ch and the text keys that are already waiting
 * behind it (a paste arrives as one burst) into sb, at most BURST_MAX.
 * One-line fields keep only what the sanitiser keeps. Leaves the first
 * other key in *type and *ch and returns true when there is one. */
static bool
take_text(struct strbuf *sb, bool multiline, int *type, wint_t *ch)
{
	int n;

	for (n = 0; n < BURST_MAX; n++) {
		if (!is_text(*type, *ch, multiline))
			return true;
		add_key_text(sb, multiline, *ch);
		timeout(0);
		if ((*type = get_wch(ch)) == ERR)
			return false;
	}
	return false;
}

/* Puts a burst of typed text into fld as one edit. At its limit a one-line
 * field takes what fits and the editor refuses the burst whole ("nothing
 * was cut"); either says so once, whatever the burst's length. */
static void
insert_text(struct form_edit *fs, struct field *fld, const char *text,
    size_t n)
{
	bool full;

	if (n == 0)
		return;
	if (fld->type == FIELD_TEXTAREA) {
		enum editor_result r = editor_insert(fs->ed, text);

		full = r == ED_LIMIT;
		if (r == ED_OK)
			field_set(fld, editor_text(fs->ed));
	} else
		full = field_insert(fld, text, n) == FIELD_EDIT_FULL;
	if (full && fld->max_cp > 0 && fld->type != FIELD_TEXTAREA) {
		char *msg = TFA("form.error.too_long", A_NUM(fld->max_cp));

		field_set_error(fld, msg);
		free(msg);
	} else if (full)
		field_set_error_key(fld, "form.editor_full");
	else if (fld->error != NULL)
		field_set_error(fld, NULL);
}

/* Adds n bytes of text to sb while *cp stays within max code points (0:
 * no limit); the part that does not fit is dropped. Returns false when
 * something was dropped. */
static bool
add_capped(struct strbuf *sb, size_t *cp, size_t max, const char *text,
    size_t n)
{
	size_t i, room;

	if (max == 0) {
		sb_add(sb, text, n);
		return true;
	}
	room = *cp < max ? max - *cp : 0;
	for (i = 0; i < n; i++) {
		if (((unsigned char)text[i] & 0xc0) == 0x80)
			continue;
		if (room == 0)
			break;
		room--;
		(*cp)++;
	}
	sb_add(sb, text, i);
	return i == n;
}

/* Reads a multi-line text up to a line holding only ".". Lines are added
 * after the text already there (a quote, the post being edited); right
 * away, "." keeps that text as it is, "-" clears it and "!" cancels. What
 * passes the field's limit is not kept (and the user is told once), so
 * what is read stays small whatever is sent. Returns the read result;
 * *text gets the new text (NULL: keep); after a timeout or hang-up, the
 * text so far (NULL: nothing typed), so that it is kept as a draft. */
static enum read_result
read_text(struct app *app, struct field *fld, int timeout_ms,
    char **text, bool *cancel)
{
	char line[LINE_MAX_BYTES];
	struct strbuf sb = { 0 };
	enum read_result r;
	const char *base = fld->value;
	size_t max = fld->max_cp > 0 ? (size_t)fld->max_cp : 0, cp = 0, n;
	bool typed = false, whole = true, full = false, told = false;
	int lines = 0;

	*text = NULL;
	*cancel = false;
	if (base[0] != '\0') {
		n = strlen(base);
		while (n > 0 && base[n - 1] == '\n')
			n--;
		line_outf(app, xasprintf("%s\n%.*s\n%s\n", T("form.text_now"), (int)n,
		    base, T("form.text_add")));
	} else
		line_outf(app, xasprintf("%s\n", T("form.text_end")));
	for (;;) {
		r = line_read(app, line, timeout_ms, true);
		if (r == READ_TIMEOUT || r == READ_EOF) {
			/* The text so far is kept, so that a dropped
			 * connection leaves it as a draft. */
			if (typed)
				*text = sb_take(&sb);
			sb_free(&sb);
			return r;
		}
		if (r == READ_LINE && whole && strcmp(line, ".") == 0)
			break;
		if (r == READ_LINE && whole && !typed) {
			if (strcmp(line, "!") == 0) {
				*cancel = true;
				sb_free(&sb);
				return READ_LINE;
			}
			if (strcmp(line, "-") == 0 && base[0] != '\0') {
				base = "";
				line_out(app, T("form.text_cleared"));
				line_out(app, "\n");
				line_out(app, T("form.text_end"));
				line_out(app, "\n");
				continue;
			}
		}
		if (!typed) {
			/* What is kept of the text before: it counts too. */
			n = strlen(base);
			sb_puts(&sb, base);
			cp = utf8_count(base);
			if (n > 0 && base[n - 1] != '\n')
				add_capped(&sb, &cp, max, "\n", 1);
			typed = true;
		} else if (whole && !full)
			full = !add_capped(&sb, &cp, max, "\n", 1);
		if (!full && !add_capped(&sb, &cp, max, line, strlen(line)))
			full = true;
		if (full && !told) {
			char *s = TFA("form.text_cut", A_NUM((double)max));

			line_outf(app, xasprintf("%s\n", s));
			free(s);
			told = true;
		}
		whole = r == READ_LINE;
		/* Every few lines the text so far is kept as a draft (base,
		 * the field's old value, is not read once typing began). */
		if (whole && ++lines % KEEP_LINES == 0) {
			field_set(fld, sb.s);
			app_keep(app);
		}
	}
	if (typed || base[0] == '\0')
		*text = sb.s != NULL ? sb_take(&sb) : xstrdup("");
	sb_free(&sb);
	return READ_LINE;
}

/* Several of choices in the plain mode: the limit, and what is picked now
 * (Enter alone keeps it). */
static void
multi_now(struct strbuf *sb, const struct field *fld)
{
	struct strbuf picked = { 0 };
	int i;

	if (fld->max_chosen > 0) {
		char *lim = TFA("form.multi_limit", A_NUM(fld->max_chosen));

		sb_printf(sb, "%s\n", lim);
		free(lim);
	}
	for (i = 0; i < fld->nchoices; i++)
		if (field_is_chosen(fld, i))
			sb_printf(&picked, "%s%s", picked.s != NULL ? ", " : "",
			    fld->choices[i].label);
	if (picked.s != NULL) {
		char *now = TFA("form.value_now", A_STR(picked.s));

		sb_printf(sb, "%s\n%s\n", now, T("form.keep_hint"));
		free(now);
	}
	sb_free(&picked);
}

/* Asks one field until its answer is valid. Returns false when the user
 * cancelled (typed "!"), the line ended, or time ran out (ev filled). */
static bool
ask_field(struct app *app, const char *title, struct form *f,
    struct field *fld, int timeout_ms, struct ui_event *ev)
{
	char line[LINE_MAX_BYTES];
	enum read_result r;
	int i;

	for (;;) {
		struct strbuf sb = { 0 };
		/* Said before the question, on lines of their own: an
		 * announcement that came meanwhile waits for nothing. */
		char *news = app_news(app);

		if (news != NULL)
			line_outf(app, xasprintf("%s\n", news));
		free(news);
		sb_printf(&sb, "%s", fld->label);
		if (!fld->required)
			sb_printf(&sb, " (%s)", T("form.optional"));
		sb_putc(&sb, '\n');
		if (fld->hint != NULL)
			sb_printf(&sb, "%s\n", fld->hint);
		if (field_is_scale(fld)) {
			char *row = scale_row(fld, LINE_MAX_BYTES, &i);

			sb_printf(&sb, "%s\n", row);
			free(row);
		}
		for (i = 0; i < fld->nchoices && !field_is_scale(fld); i++) {
			bool on = fld->type == FIELD_MULTI ?
			    field_is_chosen(fld, i) : i == fld->chosen;

			sb_printf(&sb, "%d. %s%s\n", i + 1, fld->choices[i].label,
			    !on ? "" : T(fld->type == FIELD_MULTI ?
			    "form.chosen_mark" : "form.current_mark"));
		}
		if (fld->type == FIELD_MULTI)
			multi_now(&sb, fld);
		/* What is there now, so that Enter alone keeps something the
		 * person can see (an event or a profile being edited). */
		if (fld->type != FIELD_PASSWORD && fld->type != FIELD_CHOICE &&
		    fld->type != FIELD_TEXTAREA && fld->type != FIELD_MULTI &&
		    fld->value[0] != '\0') {
			char *clean = sanitize(fld->value, strlen(fld->value),
			    SANITIZE_LINE, 0, 0);
			char *now = TFA("form.value_now", A_STR(clean));

			sb_printf(&sb, "%s\n%s\n", now, T("form.keep_hint"));
			free(now);
			free(clean);
		}
		if (fld->type == FIELD_TEXTAREA) {
			char *text;
			bool cancel;

			line_out(app, sb.s);
			sb_free(&sb);
			r = read_text(app, fld, timeout_ms, &text, &cancel);
			if (r != READ_LINE) {
				if (text != NULL)
					field_set(fld, text);
				free(text);
				ev->type = r == READ_TIMEOUT ? EV_TIMEOUT : EV_HANGUP;
				return false;
			}
			if (cancel) {
				ev->type = EV_BACK;
				return false;
			}
			if (text != NULL)
				field_set(fld, text);
			free(text);
			if (field_validate(f, fld))
				return true;
			line_outf(app, xasprintf("%s\n", fld->error));
			continue;
		}
		{
			/* "?" is a password's character, not a call for help. */
			char *prompt = TFA(fld->type == FIELD_PASSWORD ?
			    "line.secret_prompt" : fld->type == FIELD_MULTI ?
			    "line.multi_prompt" : "line.form_prompt", A_STR(title));

			sb_printf(&sb, "%s ", prompt);
			free(prompt);
		}
		line_out(app, sb.s);
		sb_free(&sb);
		r = fld->type == FIELD_PASSWORD ? line_read_secret(app, line, timeout_ms) :
		    line_read(app, line, timeout_ms, false);
		if (r != READ_LINE) {
			ev->type = r == READ_TIMEOUT ? EV_TIMEOUT : EV_HANGUP;
			return false;
		}
		if (strcmp(line, "!") == 0 || (f->quick &&
		    form_index(f, fld) == 0 && strcmp(line, "q") == 0)) {
			ev->type = EV_BACK;
			return false;
		}
		if (strcmp(line, "?") == 0 && fld->type != FIELD_PASSWORD) {
			ev->type = EV_HELP;
			return false;
		}
		if (fld->type == FIELD_MULTI) {
			char *err = line[0] != '\0' ?
			    field_parse_multi(fld, line) : NULL;

			if (err != NULL) {
				line_outf(app, xasprintf("%s\n", err));
				free(err);
				continue;
			}
		} else if (fld->type == FIELD_CHOICE) {
			if (line[0] != '\0') {
				int c = field_parse_choice(fld, line);

				if (c < 0) {
					line_out(app, T("form.error.choice"));
					line_out(app, "\n");
					continue;
				}
				field_choose(fld, c);
			}
		} else if (line[0] != '\0' || fld->type == FIELD_PASSWORD)
			field_set(fld, line);
		if (field_validate(f, fld))
			return true;
		line_outf(app, xasprintf("%s\n", fld->error));
	}
}

/* Plain mode forms: every field once, then only the ones found wrong (by
 * the fields' own checks or by the screen on submit). A field's error that
 * is also the notice is said once. */
static void
run_form(struct app *app, const char *title, const char *text, struct form *f,
    int timeout_ms, struct ui_event *ev)
{
	const char *key = app->stack[app->depth - 1].ops->title_key;
	bool again = false, warned = false;
	int i, start = f->resume;

	/* A title from the catalog is said in the language chosen meanwhile
	 * (registration's first question is the language). */
	if (key != NULL && strcmp(title, T(key)) != 0)
		key = NULL;
	/* Asked again with nothing wrong: the user came back to the form
	 * (from search results), so it asks every field again instead of
	 * sending the same answers at once. */
	for (i = 0; f->asked && i < f->nfields; i++)
		again = again || f->fields[i]->error != NULL;
	line_outf(app, xasprintf("\n%s\n", title));
	if (app->notice != NULL)
		line_outf(app, xasprintf("%s\n", app->notice));
	/* The screen's text above the form (what it is for: registration's
	 * privacy notice) once, not when only the wrong answers are asked
	 * again. */
	if (!again && text != NULL && text[0] != '\0')
		line_outf(app, xasprintf("%s\n", text));
	if (!again && start == 0)
		line_out(app, T("form.line_intro"));
	line_out(app, "\n");
	f->resume = 0;
	for (i = start; i < f->nfields; i++) {
		struct field *fld = f->fields[i];
		char *where, *lang;
		bool asked, relang;

		if ((again && fld->error == NULL) || !field_shown(f, fld))
			continue;
		if (again && (app->notice == NULL ||
		    strcmp(app->notice, fld->error) != 0))
			line_outf(app, xasprintf("%s\n", fld->error));
		if (fld->type == FIELD_PASSWORD && !app->tty && !warned) {
			/* Without a pty (ssh -T) the client's own terminal
			 * echoes, and nothing here can stop it: say so before
			 * the question, and offer the ways round. */
			line_outf(app, xasprintf("%s\n", T("line.echo_warning")));
			warned = true;
		}
		where = xstrdup(key != NULL ? T(key) : title);
		lang = xstrdup(i18n_lang());
		asked = ask_field(app, where, f, fld, timeout_ms, ev);
		free(where);
		relang = strcmp(lang, i18n_lang()) != 0;
		free(lang);
		if (!asked)
			return;
		/* The answer changed the language (registration's first
		 * question): the screen is described again, so its title and
		 * text (the privacy notice) are said in the chosen language
		 * before the next question, as the full screen re-translates
		 * them at once. */
		if (relang && !again && i + 1 < f->nfields) {
			f->resume = i + 1;
			ev->type = EV_CHANGED;
			return;
		}
	}
	f->asked = true;
	if (!form_validate(f)) {
		ev->type = EV_REDRAW;
		return;
	}
	ev->type = EV_SUBMIT;
}


struct form_edit *
form_edit_new(void)
{
	return xcalloc(1, sizeof(struct form_edit));
}

static void
form_free_state(void *st)
{
	struct form_edit *fs = st;

	editor_free(fs->ed);
	fs->ed = NULL;
	fs->ed_field = NULL;
}

void
form_edit_free(struct form_edit *fs)
{
	if (fs == NULL)
		return;
	form_free_state(fs);
	free(fs);
}

void
form_edit_enter(struct form_edit *fs, struct form *f)
{
	const struct field *fld = f->focus < f->nfields ? f->fields[f->focus] :
	    NULL;

	assert(f->focus >= 0 && f->focus <= f->nfields);
	/* The same form, focused where it was, keeps its editor only while
	 * the editor holds the focused field's text: a form freed and a new
	 * one made at the same address (the next reply), or a value the
	 * screen set (a draft taken back), gets a new one, or the keys typed
	 * would go to the old text. */
	if (fs->form == f && fs->form_focus == f->focus &&
	    (fld == NULL || fld->type != FIELD_TEXTAREA ||
	    (fs->ed != NULL && fs->ed_field == fld &&
	    strcmp(editor_text(fs->ed), fld->value) == 0)))
		return;
	if (fs->form != f)
		form_free_state(fs);
	fs->form = f;
	focus_field(fs, f, f->focus, 1);
}

enum widget_key
form_edit_key(struct form_edit *fs, struct form *f, int type, wint_t ch,
    struct ui_event *ev)
{
	struct field *fld = text_field(fs, f);

	assert(fs->form == f);
	if (fld != NULL && is_text(type, ch, fld->type == FIELD_TEXTAREA)) {
		struct strbuf sb = { 0 };

		add_key_text(&sb, fld->type == FIELD_TEXTAREA, ch);
		insert_text(fs, fld, sb.s != NULL ? sb.s : "", sb.len);
		sb_free(&sb);
		return WIDGET_KEY_DONE;
	}
	return form_key(fs, f, type, ch, ev) ? WIDGET_KEY_EVENT :
	    WIDGET_KEY_DONE;
}

static void
form_enter(struct app *app, void *st, struct view *v)
{
	(void)app;
	form_edit_enter(st, v->form);
}

static void
form_draw(struct app *app, void *st, struct body *b, const struct view *v,
    int focus, int width)
{
	(void)focus;
	build_form(app, b, v->form, st, width);
}

/* A burst of typed text (a paste) is one edit; other keys one by one. */
static enum widget_key
form_full_key(struct app *app, void *st, struct view *v, int *focus,
    int *type, wint_t *ch, struct ui_event *ev)
{
	struct form_edit *fs = st;
	struct field *fld = text_field(fs, v->form);

	(void)focus;
	if (fld != NULL && is_text(*type, *ch, fld->type == FIELD_TEXTAREA)) {
		struct strbuf sb = { 0 };
		bool more = take_text(&sb, fld->type == FIELD_TEXTAREA, type, ch);
		/* The message line repeating the field's error ("that is not
		 * your password") goes with it once the field is retyped. */
		bool told = fld->error != NULL && app->notice != NULL &&
		    strcmp(app->notice, fld->error) == 0;

		insert_text(fs, fld, sb.s != NULL ? sb.s : "", sb.len);
		sb_free(&sb);
		if (told && fld->error == NULL)
			app_notice(app, NULL);
		return more ? WIDGET_KEY_NEXT : WIDGET_KEY_END;
	}
	return form_edit_key(fs, v->form, *type, *ch, ev);
}

static void
form_line_present(struct app *app, const char *title, struct view *v,
    int *focus, int timeout_ms, struct ui_event *ev)
{
	(void)focus;
	run_form(app, title, v->text, v->form, timeout_ms, ev);
}

const struct widget_ops widget_form = {
	.name = "form",
	.full_state_size = sizeof(struct form_edit),
	.full_free = form_free_state,
	.full_enter = form_enter,
	.full_draw = form_draw,
	.full_key = form_full_key,
	.typing = true,
	.line_present = form_line_present,
};
