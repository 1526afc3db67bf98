/* The plain line renderer: numbered items, one question at a time, no
 * escape codes at all, so screen readers and braille displays can follow.
 * Everything written goes through the sanitiser (and transliteration for
 * ASCII terminals); the prompt always says where the user is and how to
 * get help. */
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

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

enum read_result { READ_LINE, READ_TIMEOUT, READ_EOF };

/* Reads one line (without its end) into line (size LINE_MAX_BYTES). */
static enum read_result
read_line(struct app *app, char *line, int timeout_ms)
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
	r = read_line(app, line, timeout_ms);
	if (restore) {
		tcsetattr(app->p->in_fd, TCSAFLUSH, &old);
		out(app, "\n");
	}
	return r;
}

static void
print_view(struct app *app, const char *title, const struct view *v)
{
	struct strbuf sb = { 0 };
	int i;

	sb_printf(&sb, "\n%s\n", title);
	if (v->position != NULL)
		sb_printf(&sb, "%s\n", v->position);
	if (app->notice != NULL)
		sb_printf(&sb, "%s\n", app->notice);
	if (v->text != NULL && v->text[0] != '\0')
		sb_printf(&sb, "%s\n", v->text);
	for (i = 0; i < v->nitems; i++) {
		const struct view_item *it = &v->items[i];

		sb_printf(&sb, "%d. %s", i + 1, it->label);
		if (it->status != NULL && it->status[0] != '\0')
			sb_printf(&sb, " (%s)", it->status);
		if (it->unread != NULL)
			sb_printf(&sb, " [%s]", T(it->unread));
		sb_putc(&sb, '\n');
		if (it->body != NULL)
			sb_printf(&sb, "%s\n\n", it->body);
	}
	for (i = 0; i < v->nactions; i++)
		sb_printf(&sb, "%c = %s\n", v->actions[i].key, v->actions[i].label);
	if (v->more_before)
		sb_printf(&sb, "< = %s\n", T("list.page_before"));
	if (v->more_after)
		sb_printf(&sb, "> = %s\n", T("list.page_after"));
	out(app, sb.s);
	sb_free(&sb);
}

/* Reads a multi-line text up to a line holding only ".". A "." at once
 * keeps the text already there; "!" at once cancels. Returns the read
 * result; *text gets the new text (NULL: keep). */
static enum read_result
read_text(struct app *app, struct field *fld, int timeout_ms,
    char **text, bool *cancel)
{
	char line[LINE_MAX_BYTES];
	struct strbuf sb = { 0 };
	enum read_result r;
	bool first = true;
	int lines = 0;

	*text = NULL;
	*cancel = false;
	if (fld->value[0] != '\0')
		outf(app, xasprintf("%s\n%s\n%s\n", T("form.text_now"), fld->value,
		    T("form.text_keep")));
	out(app, T("form.text_end"));
	out(app, "\n");
	for (;;) {
		if ((r = read_line(app, line, timeout_ms)) != READ_LINE) {
			/* The lines so far become the text, so that a
			 * dropped connection keeps them as a draft. */
			if (!first)
				*text = sb_take(&sb);
			sb_free(&sb);
			return r;
		}
		if (strcmp(line, ".") == 0)
			break;
		if (first && strcmp(line, "!") == 0) {
			*cancel = true;
			return READ_LINE;
		}
		if (!first)
			sb_putc(&sb, '\n');
		sb_puts(&sb, line);
		first = false;
		/* Every few lines the text so far is kept as a draft. */
		if (++lines % KEEP_LINES == 0) {
			field_set(fld, sb.s);
			app_keep(app);
		}
	}
	if (!first || fld->value[0] == '\0')
		*text = sb_take(&sb);
	sb_free(&sb);
	return READ_LINE;
}

/* Asks one field until its answer is valid. Returns false when the user
 * cancelled (typed "!"), the line ended, or time ran out (ev filled). */
static bool
ask_field(struct app *app, struct form *f, struct field *fld, int timeout_ms,
    struct ui_event *ev)
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
		sb_puts(&sb, "> ");
		out(app, sb.s);
		sb_free(&sb);
		r = fld->type == FIELD_PASSWORD ? read_secret(app, line, timeout_ms) :
		    read_line(app, line, timeout_ms);
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
 * the fields' own checks or by the screen on submit). */
static void
run_form(struct app *app, const char *title, struct form *f, int timeout_ms,
    struct ui_event *ev)
{
	bool again = false;
	int i;

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

		if (again && fld->error == NULL)
			continue;
		if (again)
			outf(app, xasprintf("%s\n", fld->error));
		if (!ask_field(app, f, fld, timeout_ms, ev))
			return;
	}
	f->asked = true;
	if (!form_validate(f)) {
		ev->type = EV_REDRAW;
		return;
	}
	ev->type = EV_SUBMIT;
}

/* Parses a menu answer: a number, an action letter, q, ? */
static bool
parse_answer(const struct view *v, const char *line, struct ui_event *ev)
{
	char *end;
	long n;
	int i;

	if (strcmp(line, "q") == 0 || strcmp(line, "Q") == 0) {
		ev->type = EV_BACK;
		return true;
	}
	if (strcmp(line, "?") == 0) {
		ev->type = EV_HELP;
		return true;
	}
	if ((strcmp(line, "<") == 0 && v->more_before) ||
	    (strcmp(line, ">") == 0 && v->more_after)) {
		ev->type = EV_PAGE;
		ev->index = line[0] == '<' ? -1 : 1;
		return true;
	}
	n = strtol(line, &end, 10);
	if (end != line && *end == '\0') {
		if (n < 1 || n > v->nitems)
			return false;
		ev->type = EV_SELECT;
		ev->index = (int)n - 1;
		return true;
	}
	if (line[0] != '\0' && line[1] == '\0')
		for (i = 0; i < v->nactions; i++)
			if (v->actions[i].key == (line[0] | 0x20)) {
				ev->type = EV_ACTION;
				ev->key = v->actions[i].key;
				return true;
			}
	return false;
}

static void
line_present(struct app *app, const char *title, struct view *v, int *focus,
    int timeout_ms, struct ui_event *ev)
{
	char line[LINE_MAX_BYTES];
	enum read_result r;

	(void)focus;
	if (v->form != NULL) {
		run_form(app, title, v->form, timeout_ms, ev);
		return;
	}
	print_view(app, title, v);
	for (;;) {
		outf(app, xasprintf("[%s] %s ", title,
		    v->nitems > 0 ? T("line.prompt") : T("line.prompt_noitems")));
		r = read_line(app, line, timeout_ms);
		if (r == READ_TIMEOUT) {
			ev->type = EV_TIMEOUT;
			return;
		}
		if (r == READ_EOF) {
			ev->type = EV_HANGUP;
			return;
		}
		if (line[0] == '\0') {
			/* Enter alone repeats the screen; on a screen with one
			 * item (e.g. "Continue") it opens that item. */
			if (v->nitems == 1) {
				ev->type = EV_SELECT;
				ev->index = 0;
				return;
			}
			print_view(app, title, v);
			continue;
		}
		if (parse_answer(v, line, ev))
			return;
		outf(app, xasprintf("%s\n", T("line.bad_answer")));
	}
}

const struct renderer render_line = {
	.start = line_start,
	.stop = line_stop,
	.present = line_present,
};
