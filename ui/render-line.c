/* The plain line renderer: numbered items, one question at a time, no
 * escape codes at all, so screen readers and braille displays can follow.
 * Everything written goes through the sanitiser (and transliteration for
 * ASCII terminals); the prompt always says where the user is and how to
 * get help. This is the frame: writing, reading lines, the prompt; the
 * view's widget (ui/widget-*.c) takes the turn. */
#include "ui/render-line.h"
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "ui/widget.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>


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

void
line_out(struct app *app, const char *text)
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
	line_out(app, text);
}

void
line_outf(struct app *app, char *owned)
{
	line_out(app, owned);
	free(owned);
}

enum read_result
line_read(struct app *app, char *line, int timeout_ms, bool pieces)
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

enum read_result
line_read_secret(struct app *app, char *line, int timeout_ms)
{
	struct termios old, quiet;
	enum read_result r;
	bool restore = false;

	if (app->tty && tcgetattr(app->p->in_fd, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		restore = tcsetattr(app->p->in_fd, TCSAFLUSH, &quiet) == 0;
	}
	r = line_read(app, line, timeout_ms, false);
	if (restore) {
		tcsetattr(app->p->in_fd, TCSAFLUSH, &old);
		line_out(app, "\n");
	}
	return r;
}

void
line_prompt(struct app *app, const char *title, const struct view *v,
    int focus)
{
	struct strbuf sb = { 0 };
	char *keys;

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
	keys = keys_prompt(v);
	sb_printf(&sb, "%s ", keys);
	free(keys);
	line_out(app, sb.s);
	sb_free(&sb);
}

/* The widget takes the turn; the frame checks the letters first. */
static void
line_present(struct app *app, const char *title, struct view *v, int *focus,
    int timeout_ms, struct ui_event *ev)
{
	bool has_l = false, has_k = false;
	int i;

	assert(app->depth > 0);
	for (i = 0; i < v->nactions; i++) {
		has_l |= v->actions[i].key == 'l';
		has_k |= v->actions[i].key == line_key('l');
	}
	/* l lists again here, so an l action is offered as k: k is free. */
	assert(!(has_l && has_k));
	view_widget(v)->line_present(app, title, v, focus, timeout_ms, ev);
}

const struct renderer render_line = {
	.start = line_start,
	.stop = line_stop,
	.present = line_present,
};
