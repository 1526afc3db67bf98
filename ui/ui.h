/* The UI process's shared state and the services screens use. */
#ifndef TINKLAS_UI_H
#define TINKLAS_UI_H

#include "core/accounts.h"
#include "core/actor.h"
#include "core/sessions.h"
#include "ui/app.h"
#include "ui/screen.h"

#include <signal.h>
#include <stdbool.h>

struct db;
struct view;

#define STACK_MAX 16

struct screen_inst {
	const struct screen_ops	*ops;
	void			*st;
	int			 focus;
	bool			 listed;	/* plain mode: its page was printed
						 * whole; after that only what
						 * changes, until asked or a new
						 * page (app_list_again) */
};

enum ev_type {
	EV_SELECT,	/* Enter on item index */
	EV_ACTION,	/* a letter */
	EV_SUBMIT,	/* the form is valid */
	EV_PAGE,	/* index -1: the page before, +1: the page after */
	EV_BACK,	/* q, Esc, or "q" typed */
	EV_HELP,	/* ? or F1 */
	EV_TIMEOUT,	/* no input for the idle time */
	EV_REDRAW,	/* nothing to do but present again */
	EV_CHANGED,	/* a key changed the form (a checked choice): describe
			 * and present again; it counts as activity */
	EV_HANGUP,	/* the terminal is gone */
};

struct ui_event {
	enum ev_type	 type;
	int		 index;
	int		 key;
};

struct app;

/* A renderer presents views on the terminal and turns input into events. */
struct renderer {
	int	(*start)(struct app *app);
	void	(*stop)(struct app *app);
	/* Shows title and v (focus is the focused item, updated in place),
	 * waits at most timeout_ms (-1: forever) and fills ev. */
	void	(*present)(struct app *app, const char *title, struct view *v,
		    int *focus, int timeout_ms, struct ui_event *ev);
};

extern const struct renderer render_full;
extern const struct renderer render_line;
/* Writes text as the line renderer does (sanitised, ASCII when the
 * terminal needs it), whichever renderer is in use; e.g. after the full
 * screen has been put away. */
void line_say(struct app *app, const char *text);
/* The letter the plain mode offers for a screen's action key: the same,
 * except where a plain command word of the table of keys (ui/keys.c)
 * takes it (l lists the page again, so Lock is k there). */
int line_key(int key);

struct app {
	const struct ui_params	*p;
	const struct config	*cfg;
	struct db		*db;
	struct account		 acct;		/* id 0 for guests and newcomers */
	struct actor		 actor;		/* acct as core sees it: app_actor */
	enum ui_who		 who;
	enum ui_mode		 mode;		/* UI_MODE_FULL or UI_MODE_PLAIN */
	bool			 plain_only;	/* no pty: full screen impossible */
	bool			 ascii;		/* terminal is not UTF-8 */
	bool			 tty;		/* in_fd is a terminal */
	enum theme		 theme;
	const struct renderer	*r;
	void			*rstate;
	struct screen_inst	 stack[STACK_MAX];
	int			 depth;
	char			*notice;	/* one message for the next draw */
	enum { SHOW_NONE, SHOW_HEAD, SHOW_WHOLE } show_focus;
					/* plain mode: print the focused item
					 * with the next draw: the chosen post
					 * whole, the one just sent by its
					 * header (its text was just typed) */
	bool			 quit;
	int			 idle_seconds;
	int64_t			 notices_unread;	/* for the status line */
	int64_t			 notices_probe;
	int64_t			 notices_told;	/* plain mode; -1: not yet */
	/* Each feature's status count (ui/feature.h), by its index in
	 * features[], and what the plain mode last said of it (-1: not yet). */
	int64_t			 status_counts[16];
	int64_t			 status_told[16];
	/* The moderators' announcement (ui/announce-news.c): the newest id
	 * this session has shown, and the text while it waits for the plain
	 * mode's next prompt or stands on the full screen's status line. */
	int64_t			 announce_id;
	char			*announce;
	/* What this session's row last said (ui/session-where.c). */
	char			 part[SESSION_PART_MAX + 1];
	int64_t			 touched;
	int			 password_failures;	/* app_check_password */
};

/* Set by SIGHUP (the terminal or the server went away): renderers report
 * EV_HANGUP so the session ends cleanly. */
extern volatile sig_atomic_t ui_hangup;

void app_push(struct app *app, const struct screen_ops *ops, void *arg);
/* Closes the top screen and opens ops in its place (the screen below is
 * not resumed in between). */
void app_replace(struct app *app, const struct screen_ops *ops, void *arg);
/* Replaces the whole stack with ops (e.g. after registration). */
void app_reset(struct app *app, const struct screen_ops *ops, void *arg);
/* Runs the screen stack until the session ends (the main loop of ui_run;
 * tests/unit/test_screens.c runs it with a recording renderer). */
void app_run(struct app *app);
/* Keeps what every open screen is writing and closes them all. */
void app_end(struct app *app);
/* Sets the one-line message shown with the next screen. */
void app_notice(struct app *app, const char *text);
/* The plain mode prints the top screen's focused item with the next draw
 * (once): whole (the post just chosen) or only its header line (the post
 * just sent). */
void app_show_focus(struct app *app, bool whole);
/* The top screen shows another page: the plain mode prints it whole. */
void app_list_again(struct app *app);
/* Switches the interface language now (and stores it for members). */
void app_set_lang(struct app *app, const char *code);
/* Switches between full-screen and plain line mode now. */
void app_set_mode(struct app *app, enum ui_mode mode);
void app_set_theme(struct app *app, enum theme theme);
bool app_is_guest(const struct app *app);
/* The command that reaches this server as user, for texts that tell people
 * how to connect: "ssh -p 2222 new@tinklas.example.lt" from the site's
 * public_host, or with the address placeholder of the current language
 * when the site has not set it. Newly allocated. */
char *app_ssh_command(const struct app *app, const char *user);
/* The wrong passwords a session may type (change password, delete my
 * account) before it ends, like max_password_tries at the SSH login. */
#define APP_PASSWORD_TRIES 5
/* Checks the member's own password: 0 if right; else -1 after a pause
 * that grows with each wrong one, and at the APP_PASSWORD_TRIES-th the
 * session ends (app->quit, with a notice saying why). Logged, without
 * the password. */
int app_check_password(struct app *app, const char *password);
/* The command that downloads the member's data (core/export-outputs.h)
 * into a file of the same name: "ssh ... my-data.json > my-data.json";
 * wider than 78 columns, it is two lines joined by a backslash. Newly
 * allocated. */
char *app_export_command(const struct app *app);
/* The screen under the top one, for help. */
const struct screen_inst *app_below(const struct app *app);
/* After registration: the session becomes this member's. */
void app_login(struct app *app, int64_t account_id);
/* Looks for new notifications without writing anything; true when the
 * unread count changed (the status line needs a redraw). */
bool app_poll(struct app *app);
/* Whether the top screen shows something changed meanwhile and must be
 * described again (its stale op). */
bool app_top_stale(struct app *app);
/* For the plain mode's prompt, which has no status line: polls, and when
 * the unread notifications have grown since last told, the sentence that
 * says so (newly allocated), else NULL. */
char *app_news(struct app *app);
/* Lets the top screen keep what is being written (a draft), for a
 * renderer in the middle of reading a long text. */
void app_keep(struct app *app);
/* Who is asking, for the forums' calls. */
/* Who is asking, for every call into core: built once when the session
 * knows its account (a guest has none); its language follows the UI's. */
const struct actor *app_actor(struct app *app);
/* Tells the session's row which part of Tinklas the top screen is in, and
 * (input: a key was pressed) marks activity now and then. */
void app_track_where(struct app *app, bool input);
/* True for moderators and admins (the moderation actions and queue). */
bool app_is_moderator(const struct app *app);

#endif
