/* The UI process: opens the database, finds out who is there and how their
 * terminal works, then runs the screen stack until they leave. */
#include "ui/announce-ui.h"
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/log.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/db.h"
#include "core/inbox.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static void pop(struct app *app);

volatile sig_atomic_t ui_hangup;

static void
on_hangup(int sig)
{
	(void)sig;
	ui_hangup = 1;
}

/* SIGHUP and SIGTERM end the session through the main loop, so the
 * terminal is restored and the database closed. No SA_RESTART: a blocked
 * read returns at once. */
static void
catch_hangup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/* Ctrl-C, Ctrl-Z and Ctrl-\ must never end a session or lose what is being
 * written: the terminal (the server's pty, or the console's own) sends no
 * signals for them but passes them on as keys, which the renderers handle,
 * and the UI ignores the signals should one come from elsewhere. Returns
 * whether *saved holds modes to restore at the end. */
static bool
keys_not_signals(int fd, struct termios *saved)
{
	struct termios t;

	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	if (!isatty(fd) || tcgetattr(fd, saved) != 0)
		return false;
	t = *saved;
	t.c_lflag &= ~(tcflag_t)ISIG;
	t.c_iflag &= ~(tcflag_t)IXON;	/* Ctrl-S must not freeze the screen */
	return tcsetattr(fd, TCSANOW, &t) == 0;
}

void
app_push(struct app *app, const struct screen_ops *ops, void *arg)
{
	struct screen_inst *si;

	if (app->depth == STACK_MAX) {
		log_error("%s: screen stack full", __func__);
		return;
	}
	announce_screen_changed(app);
	si = &app->stack[app->depth++];
	si->ops = ops;
	si->focus = 0;
	si->listed = false;
	si->st = NULL;
	/* Before open: a screen that lists the sessions finds this one in
	 * its new part already. */
	app_track_where(app, false);
	si->st = ops->open != NULL ? ops->open(app, arg) : NULL;
}

void
app_replace(struct app *app, const struct screen_ops *ops, void *arg)
{
	struct screen_inst *si = &app->stack[app->depth - 1];

	if (si->ops->close != NULL)
		si->ops->close(app, si->st);
	app->depth--;
	app_push(app, ops, arg);
}

void
app_reset(struct app *app, const struct screen_ops *ops, void *arg)
{
	while (app->depth > 0)
		pop(app);
	app_push(app, ops, arg);
}

void
app_notice(struct app *app, const char *text)
{
	free(app->notice);
	app->notice = text != NULL ? xstrdup(text) : NULL;
}

void
app_show_focus(struct app *app, bool whole)
{
	app->show_focus = whole ? SHOW_WHOLE : SHOW_HEAD;
}

void
app_list_again(struct app *app)
{
	if (app->depth > 0)
		app->stack[app->depth - 1].listed = false;
}

void
app_set_lang(struct app *app, const char *code)
{
	if (i18n_set_lang(code) != 0)
		return;
	/* i18n_lang() is a stable copy, while code may be acct.lang itself. */
	if (app->acct.id != 0) {
		account_set_lang(app->db, app->acct.id, i18n_lang());
		snprintf(app->acct.lang, sizeof app->acct.lang, "%s", i18n_lang());
	}
}

/* Starts the renderer for mode, replacing the one in use. */
static void
use_mode(struct app *app, enum ui_mode mode)
{
	if (mode == UI_MODE_FULL && app->plain_only)
		mode = UI_MODE_PLAIN;
	if (mode == app->mode && app->r != NULL)
		return;
	if (app->r != NULL)
		app->r->stop(app);
	app->mode = mode;
	app->r = mode == UI_MODE_FULL ? &render_full : &render_line;
	if (app->r->start(app) != 0 && mode == UI_MODE_FULL) {
		/* Unknown terminal type: fall back to lines rather than fail. */
		app->mode = UI_MODE_PLAIN;
		app->r = &render_line;
		app->r->start(app);
	}
}

void
app_set_mode(struct app *app, enum ui_mode mode)
{
	if (mode == UI_MODE_FULL && app->plain_only)
		mode = UI_MODE_PLAIN;
	if (app->acct.id != 0)
		account_set_mode(app->db, app->acct.id, mode);
	app->acct.mode = mode;
	use_mode(app, mode);
}

void
app_set_theme(struct app *app, enum theme theme)
{
	app->theme = theme;
	if (app->acct.id != 0)
		account_set_theme(app->db, app->acct.id, theme);
	if (app->r != NULL) {
		/* The full renderer picks colours up at start. */
		app->r->stop(app);
		app->r->start(app);
	}
}

const struct actor *
app_actor(struct app *app)
{
	app->actor.lang = i18n_lang();
	return &app->actor;
}

/* Builds the actor once the session knows who it is: the account, or a
 * guest (newcomers too, until they log in). */
static void
build_actor(struct app *app)
{
	if (app->acct.id != 0)
		app->actor = actor_account(&app->acct, i18n_lang(),
		    app->cfg->posts_per_minute);
	else
		app->actor = actor_guest(i18n_lang());
	/* What the session finds waiting is on its welcome screen; the
	 * plain mode tells only of what comes after. */
	app->notices_told = -1;
	for (int i = 0; i < FEATURES_MAX; i++)
		app->status_told[i] = -1;
}

void
app_keep(struct app *app)
{
	struct screen_inst *si;

	if (app->depth == 0)
		return;
	si = &app->stack[app->depth - 1];
	if (si->ops->keep != NULL)
		si->ops->keep(app, si->st);
}

_Static_assert(sizeof ((struct app *)0)->status_counts ==
    FEATURES_MAX * sizeof(int64_t), "a status count for every feature");

/* Reads the features' status counts; true when one changed. */
static bool
count_features(struct app *app)
{
	bool changed = false;
	int64_t n;
	int i;

	for (i = 0; features[i] != NULL; i++) {
		assert(i < FEATURES_MAX);
		if (features[i]->status_count == NULL ||
		    !feature_visible(features[i], app))
			continue;
		n = features[i]->status_count(app);
		if (n >= 0 && n != app->status_counts[i]) {
			app->status_counts[i] = n;
			changed = true;
		}
	}
	return changed;
}

bool
app_poll(struct app *app)
{
	int64_t probe, n;
	bool changed;

	/* Every session hears the announcement, guests too. */
	changed = announce_poll(app);
	if (app->acct.id == 0)
		return changed;
	changed |= count_features(app);
	probe = inbox_probe(app->db, app_actor(app));
	if (probe < 0 || probe == app->notices_probe)
		return changed;
	app->notices_probe = probe;
	n = inbox_unread(app->db, app_actor(app));
	if (n < 0 || n == app->notices_unread)
		return changed;
	app->notices_unread = n;
	return true;
}

bool
app_top_stale(struct app *app)
{
	struct screen_inst *si;

	assert(app->depth > 0);
	si = &app->stack[app->depth - 1];
	return si->ops->stale != NULL && si->ops->stale(app, si->st);
}

/* The plain mode has no status line: when an unread count has grown
 * since it was last told, it says so, once. The sentences, or NULL. */
static char *
grown_news(struct app *app)
{
	struct strbuf sb = { 0 };
	bool plain = app->mode == UI_MODE_PLAIN;
	int i;

	if (app->notices_told >= 0 && app->notices_unread >
	    app->notices_told && plain) {
		char *s = TFA("notices.new_count", A_NUM(app->notices_unread));

		sb_puts(&sb, s);
		free(s);
	}
	app->notices_told = app->notices_unread;
	for (i = 0; features[i] != NULL; i++) {
		const struct feature *f = features[i];

		if (f->status_news_key == NULL)
			continue;
		if (app->status_told[i] >= 0 && app->status_counts[i] >
		    app->status_told[i] && plain) {
			char *s = TFA(f->status_news_key,
			    A_NUM(app->status_counts[i]));

			sb_printf(&sb, "%s%s", sb.s != NULL ? " " : "", s);
			free(s);
		}
		app->status_told[i] = app->status_counts[i];
	}
	return sb.s != NULL ? sb_take(&sb) : NULL;
}

/* "a<sep>b", or whichever of the two is there (each freed). */
static char *
join_news(char *a, char *b, const char *sep)
{
	char *both;

	if (a == NULL || b == NULL)
		return a != NULL ? a : b;
	both = xasprintf("%s%s%s", a, sep, b);
	free(a);
	free(b);
	return both;
}

char *
app_news(struct app *app)
{
	char *said;

	if (app->mode != UI_MODE_PLAIN)
		return NULL;
	app_poll(app);
	said = announce_news(app);
	if (app->acct.id == 0)
		return said;
	/* The announcement is a line of its own, never run into the counts. */
	return join_news(said, grown_news(app), "\n");
}

/* Recounts unread notifications before a screen is drawn (one indexed
 * count; reading a notification lowers it without a new probe value). */
static void
count_notices(struct app *app)
{
	char *said, *news = NULL;
	int64_t n;

	announce_poll(app);
	said = announce_news(app);
	if (app->acct.id != 0) {
		app->notices_probe = inbox_probe(app->db, app_actor(app));
		if ((n = inbox_unread(app->db, app_actor(app))) >= 0)
			app->notices_unread = n;
		count_features(app);
		news = grown_news(app);
	}
	/* Said after the screen's own notice ("your post is published"):
	 * the counts on its line, the announcement on a line of its own. */
	if (news != NULL || said != NULL) {
		if (app->notice != NULL)
			news = join_news(xstrdup(app->notice), news, " ");
		news = join_news(news, said, "\n");
		app_notice(app, news);
		free(news);
	}
}

bool
app_is_moderator(const struct app *app)
{
	return !app->actor.guest && app->actor.role >= ROLE_MODERATOR;
}

bool
app_is_guest(const struct app *app)
{
	return app->actor.guest;
}

const struct screen_inst *
app_below(const struct app *app)
{
	return app->depth >= 2 ? &app->stack[app->depth - 2] : NULL;
}

static void
pop(struct app *app)
{
	struct screen_inst *si = &app->stack[--app->depth];

	announce_screen_changed(app);
	if (si->ops->close != NULL)
		si->ops->close(app, si->st);
	si->st = NULL;
	if (app->depth > 0) {
		si = &app->stack[app->depth - 1];
		if (si->ops->resume != NULL)
			si->ops->resume(app, si->st);
	}
}

/* The screens a member meets at login: the main menu, the welcome
 * dashboard on top, and on the very first login the mode question. */
static void
enter_member(struct app *app, bool first_login)
{
	app_reset(app, &screen_menu, NULL);
	app_push(app, &screen_welcome, NULL);
	if (first_login && !app->plain_only && app->acct.mode == UI_MODE_UNSET)
		app_push(app, &screen_mode_choice, NULL);
}

void
app_login(struct app *app, int64_t account_id)
{
	int64_t previous = 0;

	if (account_by_id(app->db, account_id, &app->acct) != 0)
		return;
	app->who = UI_MEMBER;
	build_actor(app);
	account_touch_login(app->db, account_id, &previous);
	app->acct.last_login = previous;
	if (app->p != NULL && app->p->session_id > 0)
		session_login(app->db, app->p->session_id, account_id);
	app_set_lang(app, app->acct.lang);
	enter_member(app, true);
}

/* Runs one event through the top screen. */
static void
dispatch(struct app *app, const struct ui_event *ev)
{
	struct screen_inst *si = &app->stack[app->depth - 1];
	int r = SR_STAY;

	switch (ev->type) {
	case EV_SELECT:
		if (si->ops->select != NULL)
			r = si->ops->select(app, si->st, ev->index);
		break;
	case EV_ACTION:
		if (si->ops->action != NULL)
			r = si->ops->action(app, si->st, ev->key);
		break;
	case EV_SUBMIT:
		if (si->ops->submit != NULL)
			r = si->ops->submit(app, si->st, NULL);
		break;
	case EV_PAGE:
		if (si->ops->page != NULL)
			r = si->ops->page(app, si->st, ev->index);
		app_list_again(app);
		break;
	case EV_BACK:
		r = si->ops->back != NULL ? si->ops->back(app, si->st) : SR_POP;
		break;
	case EV_HELP:
		if (si->ops != &screen_help)
			app_push(app, &screen_help, (void *)si->ops);
		break;
	case EV_HANGUP:
		r = SR_QUIT;
		break;
	case EV_TIMEOUT:
	case EV_REDRAW:
	case EV_CHANGED:
		break;
	}
	if (r == SR_QUIT)
		app->quit = true;
	else if (r == SR_POP && !app->quit)
		pop(app);
	else if (r == SR_POP_TWO && !app->quit) {
		pop(app);
		if (app->depth > 1)
			pop(app);
	}
}

/* The main loop: describe the top screen, present it, act on the event.
 * Idle sessions are warned a minute (idle_warning_seconds) before they are
 * logged out. */
void
app_run(struct app *app)
{
	long idle_ms = (long)app->idle_seconds * 1000L;
	long warn_ms = (long)app->cfg->idle_warning_seconds * 1000L;
	bool warned = false;

	while (!app->quit && app->depth > 0 && !ui_hangup) {
		struct screen_inst *si = &app->stack[app->depth - 1];
		struct view v = { 0 };
		struct ui_event ev = { .type = EV_REDRAW };
		const struct screen_ops *shown = si->ops;
		long wait = warned ? warn_ms : idle_ms - warn_ms;

		count_notices(app);
		app_track_where(app, false);
		si->ops->describe(app, si->st, &v);
		if (si->focus >= v.nitems)
			si->focus = v.nitems > 0 ? v.nitems - 1 : 0;
		/* A copy: the language may change while the view is shown. */
		if (v.title == NULL)
			v.title = xstrdup(T(si->ops->title_key));
		app->r->present(app, v.title, &v, &si->focus,
		    (int)(wait > 0 ? wait : 1000), &ev);
		view_clear(&v);
		if (ev.type == EV_TIMEOUT) {
			if (warned) {
				app_notice(app, T("app.idle_logout"));
				app->quit = true;
				break;
			}
			warned = true;
			app_notice(app, T("app.idle_warning"));
			continue;
		}
		if (ev.type != EV_REDRAW) {
			app_track_where(app, true);
			warned = false;
			app_notice(app, NULL);
			app->show_focus = SHOW_NONE;
		}
		if (app->stack[app->depth - 1].ops != shown)
			continue;
		/* A redraw comes after a pause in typing, among others. */
		if (ev.type == EV_REDRAW && si->ops->keep != NULL)
			si->ops->keep(app, si->st);
		dispatch(app, &ev);
	}
}

/* However the session ends (hang-up included), what is being written is
 * kept first. */
static void
keep_all(struct app *app)
{
	int i;

	for (i = app->depth - 1; i >= 0; i--)
		if (app->stack[i].ops->keep != NULL)
			app->stack[i].ops->keep(app, app->stack[i].st);
}

void
app_end(struct app *app)
{
	keep_all(app);
	while (app->depth > 0)
		pop(app);
}

/* Whether the client's terminal can show UTF-8: what the client said, the
 * member's setting, or (when unknown) assume yes; a probe in the full
 * renderer may still say no. */
static bool
decide_ascii(const struct app *app)
{
	if (app->acct.charset == CHARSET_ASCII)
		return true;
	if (app->acct.charset == CHARSET_UTF8)
		return false;
	return app->p->utf8 == 0;
}

static int
open_db(struct app *app)
{
	char err[256], *path = config_path(app->cfg, "tinklas.db");
	int rc = db_open(path, &app->db, err, sizeof err);

	if (rc != 0)
		log_error("%s: %s", __func__, err);
	free(path);
	return rc;
}

static void
goodbye(struct app *app)
{
	const char *bye = app->notice != NULL ? app->notice : T("app.goodbye");
	char *text = xasprintf("%s\n", bye);

	line_say(app, text);
	free(text);
}

int
ui_run(const struct ui_params *p)
{
	struct app app = { .p = p, .cfg = p->cfg, .who = p->who };
	const char *lang = p->lang;
	int64_t previous = 0;
	struct termios saved;
	bool restore;

	setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	catch_hangup();
	if (i18n_init(p->cfg->timezone) != 0) {
		dprintf(p->out_fd, "Tinklas is not available right now.\n");
		return 1;
	}
	if (open_db(&app) != 0) {
		i18n_set_lang(lang != NULL && i18n_lang_valid(lang) ? lang :
		    p->cfg->default_lang);
		dprintf(p->out_fd, "%s\n", T("server.unavailable"));
		return 1;
	}
	app.tty = isatty(p->in_fd);
	app.plain_only = p->plain || p->term == NULL || p->term[0] == '\0' ||
	    strcmp(p->term, "dumb") == 0;
	app.idle_seconds = config_idle_seconds(p->cfg, p->who == UI_GUEST);
	if (p->who == UI_MEMBER) {
		if (account_by_id(app.db, p->account_id, &app.acct) != 0) {
			db_close(app.db);
			return 1;
		}
		lang = app.acct.lang;
		app.theme = app.acct.theme;
		if (app.acct.idle_minutes > 0)
			app.idle_seconds = app.acct.idle_minutes * 60;
		account_touch_login(app.db, app.acct.id, &previous);
		app.acct.last_login = previous;
	}
	if (lang == NULL || i18n_set_lang(lang) != 0)
		i18n_set_lang(p->cfg->default_lang);
	build_actor(&app);
	announce_start(&app);
	if (getenv("NO_COLOR") != NULL && app.theme == THEME_DEFAULT)
		app.theme = THEME_MONO;
	app.ascii = decide_ascii(&app);
	restore = keys_not_signals(p->in_fd, &saved);
	use_mode(&app, app.plain_only || app.acct.mode == UI_MODE_PLAIN ?
	    UI_MODE_PLAIN : UI_MODE_FULL);
	if (p->who == UI_REGISTER)
		app_reset(&app, &screen_register, NULL);
	else if (p->who == UI_GUEST) {
		app_reset(&app, &screen_menu, NULL);
		app_push(&app, &screen_welcome, NULL);
	} else
		enter_member(&app, true);
	app_run(&app);
	app_end(&app);
	app.r->stop(&app);
	if (!ui_hangup)
		goodbye(&app);
	if (restore)
		tcsetattr(p->in_fd, TCSANOW, &saved);
	free(app.notice);
	free(app.announce);
	db_close(app.db);
	i18n_shutdown();
	return 0;
}
