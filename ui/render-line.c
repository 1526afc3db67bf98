/* The plain line renderer: numbered items, one question at a time, no
 * escape codes at all, so screen readers and braille displays can follow.
 * Everything written goes through the sanitiser (and transliteration for
 * ASCII terminals); the prompt always says where the user is and how to
 * get help. */
#include "ui/ui.h"
#include "ui/line-answer.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define LINE_MAX_BYTES 4096
#define KEEP_LINES	5	/* a long text is kept as a draft this often */

struct line_state {
	char		 buf[LINE_MAX_BYTES];
	size_t		 len;		/* bytes buffered, not yet a line */
	bool		 discarding;	/* the current line is too long */
};

static int
line_start(struct app *app)
{
	if (app->rstate == NULL)
		app->rstate = xcalloc(1, sizeof(struct line_state));
	return 0;
}

static void
line_stop(struct app *app)
{
	free(app->rstate);
	app->rstate = NULL;
}

/* Writes text as it may reach the terminal: sanitised, ASCII if needed. */
static void
out(struct app *app, const char *text)
{
	char *clean = sanitize(text, strlen(text), SANITIZE_BODY, 0, 0);
	size_t off = 0, len;

	if (app->ascii) {
		char *a = i18n_to_ascii(clean);

		free(clean);
		clean = a;
	}
	len = strlen(clean);
	while (off < len) {
		ssize_t n = write(app->p->out_fd, clean + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	free(clean);
}

void
line_say(struct app *app, const char *text)
{
	out(app, text);
}

static void
outf(struct app *app, char *owned)
{
	out(app, owned);
	free(owned);
}

/* READ_PART: a piece of a line too long for the buffer (multi-line text
 * keeps it; the rest of the line follows). */
enum read_result { READ_LINE, READ_PART, READ_TIMEOUT, READ_EOF };

/* Reads one line (without its end) into line (size LINE_MAX_BYTES). A
 * line longer than that is dropped whole, unless pieces is set: then it
 * comes as READ_PARTs (each ending on a whole UTF-8 sequence) and a last
 * READ_LINE. */
static enum read_result
read_line(struct app *app, char *line, int timeout_ms, bool pieces)
{
	struct line_state *ls = app->rstate;

	for (;;) {
		char *nl = memchr(ls->buf, '\n', ls->len);
		struct pollfd pfd = { .fd = app->p->in_fd, .events = POLLIN };
		ssize_t n;

		if (nl != NULL) {
			size_t l = (size_t)(nl - ls->buf);
			bool drop = ls->discarding;

			memcpy(line, ls->buf, l);
			line[l] = '\0';
			if (l > 0 && line[l - 1] == '\r')
				line[l - 1] = '\0';
			memmove(ls->buf, nl + 1, ls->len - l - 1);
			ls->len -= l + 1;
			ls->discarding = false;
			if (drop)
				line[0] = '\0';
			return READ_LINE;
		}
		if (ls->len == sizeof ls->buf && pieces) {
			size_t l = ls->len - 1;	/* room for the '\0' */
			int back;

			/* Never split a character: the piece ends before a
			 * byte that starts one (at most 3 continuation bytes
			 * are stepped over), the rest waits for the next. */
			for (back = 0; back < 3 && l > 0 &&
			    ((unsigned char)ls->buf[l] & 0xc0) == 0x80; back++)
				l--;
			assert(l < LINE_MAX_BYTES);
			memcpy(line, ls->buf, l);
			line[l] = '\0';
			memmove(ls->buf, ls->buf + l, ls->len - l);
			ls->len -= l;
			return READ_PART;
		}
		if (ls->len == sizeof ls->buf) {
			/* Too long for one answer: keep reading to its end. */
			ls->discarding = true;
			ls->len = 0;
		}
		n = poll(&pfd, 1, timeout_ms);
		if (ui_hangup)
			return READ_EOF;
		if (n == 0)
			return READ_TIMEOUT;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return READ_EOF;
		}
		n = read(app->p->in_fd, ls->buf + ls->len, sizeof ls->buf - ls->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return READ_EOF;
		/* Ctrl-D on a terminal in canonical mode arrives as EOF (0). */
		ls->len += (size_t)n;
	}
}

/* Reads a line with echo off (passwords) when the input is a terminal. */
static enum read_result
read_secret(struct app *app, char *line, int timeout_ms)
{
	struct termios old, quiet;
	enum read_result r;
	bool restore = false;

	if (app->tty && tcgetattr(app->p->in_fd, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		restore = tcsetattr(app->p->in_fd, TCSAFLUSH, &quiet) == 0;
	}
	r = read_line(app, line, timeout_ms, false);
	if (restore) {
		tcsetattr(app->p->in_fd, TCSAFLUSH, &old);
		out(app, "\n");
	}
	return r;
}

static void
print_item(struct strbuf *sb, const struct view *v, int i, bool body)
{
	const struct view_item *it = &v->items[i];

	sb_printf(sb, "%lld. %s", line_item_number(v, i), it->label);
	if (it->status != NULL && it->status[0] != '\0')
		sb_printf(sb, " (%s)", it->status);
	if (it->unread != NULL)
		sb_printf(sb, " [%s]", T(it->unread));
	sb_putc(sb, '\n');
	if (body && it->body != NULL)
		sb_printf(sb, "%s\n\n", it->body);
}

/* The whole screen: title, where, notice (unless said already), text,
 * items, actions, pages. */
static void
print_view(struct app *app, const char *title, const struct view *v,
    bool notice)
{
	struct strbuf sb = { 0 };
	int i;

	sb_printf(&sb, "\n%s\n", title);
	if (v->position != NULL)
		sb_printf(&sb, "%s\n", v->position);
	if (notice && app->notice != NULL)
		sb_printf(&sb, "%s\n", app->notice);
	if (v->text != NULL && v->text[0] != '\0')
		sb_printf(&sb, "%s\n", v->text);
	for (i = 0; i < v->nitems; i++)
		print_item(&sb, v, i, true);
	for (i = 0; i < v->nactions; i++)
		sb_printf(&sb, "%c = %s\n", line_key(v->actions[i].key),
		    v->actions[i].label);
	if (v->more_before)
		sb_printf(&sb, "< = %s\n", T("list.page_before"));
	if (v->more_after)
		sb_printf(&sb, "> = %s\n", T("list.page_after"));
	out(app, sb.s);
	sb_free(&sb);
}

/* After an action on a screen already printed: only what changed, the
 * item asked for (a chosen or new post) and the notice. */
static void
print_changes(struct app *app, const struct view *v, int focus)
{
	struct strbuf sb = { 0 };

	/* A blank line first, as before a whole page. */
	if (app->notice != NULL || app->show_focus != SHOW_NONE)
		sb_putc(&sb, '\n');
	if (app->show_focus != SHOW_NONE && focus >= 0 && focus < v->nitems)
		print_item(&sb, v, focus, app->show_focus == SHOW_WHOLE);
	if (app->notice != NULL)
		sb_printf(&sb, "%s\n", app->notice);
	if (sb.s != NULL)
		out(app, sb.s);
	sb_free(&sb);
}

/* "[Where, posts 1-10 of 12] Chosen: post 8 by Jonas. Type a number..." */
static void
print_prompt(struct app *app, const char *title, const struct view *v,
    int focus)
{
	struct strbuf sb = { 0 };

	sb_printf(&sb, "[%s", title);
	if (v->position != NULL)
		sb_printf(&sb, ", %s", v->position);
	sb_puts(&sb, "] ");
	if (focus >= 0 && focus < v->nitems && v->items[focus].name != NULL) {
		const char *name = v->items[focus].name;
		size_t n = strlen(name);
		/* A title that ends in its own ? or ! takes no period after
		 * it ("Chosen: Who are you?." reads as a typo). */
		char *s = TFA(n > 0 && (name[n - 1] == '?' || name[n - 1] == '!' ||
		    name[n - 1] == '.') ? "line.chosen_ends" : "line.chosen",
		    A_STR(name));

		sb_printf(&sb, "%s ", s);
		free(s);
	}
	if (v->nitems > 0 || v->nactions > 0)
		sb_printf(&sb, "%s ", T(v->nitems == 0 ? "line.ask_letter" :
		    v->nactions == 0 ? "line.ask_number" : "line.ask_number_letter"));
	sb_printf(&sb, "%s ", T(v->q_logs_out ? "line.keys_logout" :
	    "line.keys_back"));
	out(app, sb.s);
	sb_free(&sb);
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
		outf(app, xasprintf("%s\n%.*s\n%s\n", T("form.text_now"), (int)n,
		    base, T("form.text_add")));
	} else
		outf(app, xasprintf("%s\n", T("form.text_end")));
	for (;;) {
		r = read_line(app, line, timeout_ms, true);
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
				out(app, T("form.text_cleared"));
				out(app, "\n");
				out(app, T("form.text_end"));
				out(app, "\n");
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

			outf(app, xasprintf("%s\n", s));
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

		sb_printf(&sb, "%s", fld->label);
		if (!fld->required)
			sb_printf(&sb, " (%s)", T("form.optional"));
		sb_putc(&sb, '\n');
		if (fld->hint != NULL)
			sb_printf(&sb, "%s\n", fld->hint);
		for (i = 0; i < fld->nchoices; i++)
			sb_printf(&sb, "%d. %s%s\n", i + 1, fld->choices[i].label,
			    i == fld->chosen ? T("form.current_mark") : "");
		if (fld->type != FIELD_PASSWORD && fld->type != FIELD_CHOICE &&
		    fld->type != FIELD_TEXTAREA && fld->value[0] != '\0')
			sb_printf(&sb, "%s\n", T("form.keep_hint"));
		if (fld->type == FIELD_TEXTAREA) {
			char *text;
			bool cancel;

			out(app, sb.s);
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
			outf(app, xasprintf("%s\n", fld->error));
			continue;
		}
		{
			/* "?" is a password's character, not a call for help. */
			char *prompt = TFA(fld->type == FIELD_PASSWORD ?
			    "line.secret_prompt" : "line.form_prompt", A_STR(title));

			sb_printf(&sb, "%s ", prompt);
			free(prompt);
		}
		out(app, sb.s);
		sb_free(&sb);
		r = fld->type == FIELD_PASSWORD ? read_secret(app, line, timeout_ms) :
		    read_line(app, line, timeout_ms, false);
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
		if (fld->type == FIELD_CHOICE) {
			if (line[0] != '\0') {
				int c = field_parse_choice(fld, line);

				if (c < 0) {
					out(app, T("form.error.choice"));
					out(app, "\n");
					continue;
				}
				field_choose(fld, c);
			}
		} else if (line[0] != '\0' || fld->type == FIELD_PASSWORD)
			field_set(fld, line);
		if (field_validate(f, fld))
			return true;
		outf(app, xasprintf("%s\n", fld->error));
	}
}

/* Plain mode forms: every field once, then only the ones found wrong (by
 * the fields' own checks or by the screen on submit). A field's error that
 * is also the notice is said once. */
static void
run_form(struct app *app, const char *title, struct form *f, int timeout_ms,
    struct ui_event *ev)
{
	const char *key = app->stack[app->depth - 1].ops->title_key;
	bool again = false, warned = false;
	int i;

	/* A title from the catalog is said in the language chosen meanwhile
	 * (registration's first question is the language). */
	if (key != NULL && strcmp(title, T(key)) != 0)
		key = NULL;
	/* Asked again with nothing wrong: the user came back to the form
	 * (from search results), so it asks every field again instead of
	 * sending the same answers at once. */
	for (i = 0; f->asked && i < f->nfields; i++)
		again = again || f->fields[i]->error != NULL;
	outf(app, xasprintf("\n%s\n", title));
	if (app->notice != NULL)
		outf(app, xasprintf("%s\n", app->notice));
	if (!again)
		out(app, T("form.line_intro"));
	out(app, "\n");
	for (i = 0; i < f->nfields; i++) {
		struct field *fld = f->fields[i];
		char *where;
		bool asked;

		if (again && fld->error == NULL)
			continue;
		if (again && (app->notice == NULL ||
		    strcmp(app->notice, fld->error) != 0))
			outf(app, xasprintf("%s\n", fld->error));
		if (fld->type == FIELD_PASSWORD && !app->tty && !warned) {
			/* Without a pty (ssh -T) the client's own terminal
			 * echoes, and nothing here can stop it: say so before
			 * the question, and offer the ways round. */
			outf(app, xasprintf("%s\n", T("line.echo_warning")));
			warned = true;
		}
		where = xstrdup(key != NULL ? T(key) : title);
		asked = ask_field(app, where, f, fld, timeout_ms, ev);
		free(where);
		if (!asked)
			return;
	}
	f->asked = true;
	if (!form_validate(f)) {
		ev->type = EV_REDRAW;
		return;
	}
	ev->type = EV_SUBMIT;
}

/* A screen is printed whole when it is new or shows a new page, or when
 * asked with l; after an action on it only what changed is printed, so a
 * screen reader does not read the page again. */
static void
line_present(struct app *app, const char *title, struct view *v, int *focus,
    int timeout_ms, struct ui_event *ev)
{
	struct screen_inst *si = &app->stack[app->depth - 1];
	char line[LINE_MAX_BYTES];
	enum read_result r;
	bool list, has_l = false, has_k = false;
	int i;

	assert(app->depth > 0);
	for (i = 0; i < v->nactions; i++) {
		has_l |= v->actions[i].key == 'l';
		has_k |= v->actions[i].key == line_key('l');
	}
	/* l lists again here, so an l action is offered as k: k is free. */
	assert(!(has_l && has_k));
	if (v->form != NULL) {
		run_form(app, title, v->form, timeout_ms, ev);
		return;
	}
	if (!si->listed)
		print_view(app, title, v, true);
	else
		print_changes(app, v, *focus);
	si->listed = true;
	for (;;) {
		char *news = app_news(app);

		if (news != NULL)
			outf(app, xasprintf("%s\n", news));
		free(news);
		print_prompt(app, title, v, *focus);
		r = read_line(app, line, timeout_ms, false);
		if (r == READ_TIMEOUT) {
			ev->type = EV_TIMEOUT;
			return;
		}
		if (r == READ_EOF) {
			ev->type = EV_HANGUP;
			return;
		}
		if (line[0] == '\0') {
			/* Enter alone asks again; on a screen with one item
			 * (e.g. "Continue") it opens that item. */
			if (v->nitems == 1) {
				ev->type = EV_SELECT;
				ev->index = 0;
				return;
			}
			continue;
		}
		if (line_parse_answer(v, line, focus, ev, &list)) {
			if (!list)
				return;
			print_view(app, title, v, false);
			continue;
		}
		if ((v->more_before || v->more_after) &&
		    strspn(line, "0123456789") == strlen(line)) {
			/* A number from another page (a post's number). */
			char *s = TFA("line.not_on_page", A_STR(line));

			outf(app, xasprintf("%s\n", s));
			free(s);
		} else
			outf(app, xasprintf("%s\n", T("line.bad_answer")));
	}
}

const struct renderer render_line = {
	.start = line_start,
	.stop = line_stop,
	.present = line_present,
};
