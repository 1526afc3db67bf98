/* One screen = one file = one table of operations, as tmux's window modes.
 * A screen describes itself into a view and reacts to semantic events; it
 * never calls ncurses, so both renderers present it and tests can look at
 * its description. */
#ifndef TINKLAS_SCREEN_H
#define TINKLAS_SCREEN_H

#include <stdbool.h>

struct app;
struct form;
struct view;

/* What an event handler asks the app to do next. Pushing a screen is done
 * with app_push() and then returning SR_STAY. */
enum screen_result { SR_STAY, SR_POP, SR_POP_TWO, SR_QUIT };

struct screen_ops {
	const char	*name;		/* stable, for logs and tests */
	const char	*title_key;	/* catalog key of the title */
	const char	*help_key;	/* catalog key of the help text; its {0}
					 * is the ssh login command */
	const char	*help_key_plain;	/* optional: the help text in
						 * the plain mode, whose keys
						 * differ; {0} as help_key */
	/* Optional: more help paragraphs, after the text of help_key. */
	void		 (*help_more)(struct app *app, struct view *v);
	/* Returns the screen's state; arg is what app_push was given. */
	void		*(*open)(struct app *app, void *arg);
	void		 (*describe)(struct app *app, void *st, struct view *v);
	/* Enter on item index. */
	int		 (*select)(struct app *app, void *st, int index);
	/* A letter from the view's actions. */
	int		 (*action)(struct app *app, void *st, int key);
	/* The view's form was filled in and every field is valid. */
	int		 (*submit)(struct app *app, void *st, struct form *f);
	/* Optional: a paged list asks for the page before (-1) or after (+1). */
	int		 (*page)(struct app *app, void *st, int dir);
	/* Optional: q or Esc; NULL means pop. */
	int		 (*back)(struct app *app, void *st);
	/* Optional: keeps what is being written (a draft). Called after a
	 * pause in typing or every so many keys, and for every open screen
	 * when the session ends (hang-up, logout, idle). */
	void		 (*keep)(struct app *app, void *st);
	/* The screen below came back to the top (refresh state). Optional. */
	void		 (*resume)(struct app *app, void *st);
	void		 (*close)(struct app *app, void *st);
	/* Optional: asked with each look for news while the screen waits;
	 * true when what it shows has changed elsewhere (the announcement
	 * set or cleared by another moderator), so it is described again. */
	bool		 (*stale)(struct app *app, void *st);
};

/* The screens. */
extern const struct screen_ops screen_menu;
extern const struct screen_ops screen_welcome;
extern const struct screen_ops screen_register;
extern const struct screen_ops screen_mode_choice;
extern const struct screen_ops screen_settings;
extern const struct screen_ops screen_choice;
extern const struct screen_ops screen_password;
extern const struct screen_ops screen_keys;
extern const struct screen_ops screen_key_add;
extern const struct screen_ops screen_confirm;
extern const struct screen_ops screen_help;
extern const struct screen_ops screen_boards;
extern const struct screen_ops screen_threads;
extern const struct screen_ops screen_thread;
extern const struct screen_ops screen_compose;
extern const struct screen_ops screen_reason;
extern const struct screen_ops screen_notices;
extern const struct screen_ops screen_search;
extern const struct screen_ops screen_hits;
extern const struct screen_ops screen_reports;
extern const struct screen_ops screen_history;

#endif
