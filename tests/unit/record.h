/* Screens run without a terminal (tests/unit/test_screens.c and
 * test_golden.c): a recording renderer stores each view the app presents
 * and answers with the next event of a script. Asked to, it also lets the
 * real renderer draw the view first, on an 80x24 ncurses screen that
 * writes to /dev/null (render_full) or into a pipe (render_line), and
 * keeps the picture: the screen's cells and the cursor, or the bytes the
 * line mode wrote. Input is a pipe at its end, so the real renderer draws
 * once and returns. */
#ifndef TINKLAS_TEST_RECORD_H
#define TINKLAS_TEST_RECORD_H

#include "common/config.h"
#include "tests/unit/fixture.h"
#include "core/accounts.h"
#include "ui/ui.h"

#include <stdbool.h>

/* The time every screen test runs at: Tue 2026-03-03 10:00 UTC. */
#define REC_CLOCK	1772532000

#define REC_FILL_MAX	4

/* One answer of a script to a present(). */
struct rec_step {
	const char	*screen;	/* the screen that must be on top when
					 * this step answers (ops->name) */
	enum ev_type	 type;
	int		 index;		/* EV_SELECT, EV_PAGE */
	int		 key;		/* EV_ACTION */
	/* EV_SELECT by label: the item whose label holds the catalog text
	 * of this key (a menu's line), whatever its place. */
	const char	*item;
	/* Focuses the first item whose label holds this text first (e.g.
	 * "@ruta": her post), for the action that follows; with EV_SELECT,
	 * opens it. */
	const char	*focus_on;
	/* EV_SUBMIT: "id=value" set into the form first; the step answers
	 * EV_SUBMIT when the form is then valid, else EV_REDRAW (as both
	 * renderers do). */
	const char	*fill[REC_FILL_MAX];
};

/* The steps of a script. */
#define ASK(s, k)	{ .screen = s, .type = EV_ACTION, .key = k }
#define OPEN(s, key)	{ .screen = s, .item = key }
#define PICK(s, text)	{ .screen = s, .type = EV_SELECT, .focus_on = text }
#define ON(s, text, k)	{ .screen = s, .type = EV_ACTION, .focus_on = text, \
			  .key = k }
#define YES		{ .screen = "confirm", .type = EV_SELECT, .index = 1 }
#define BACK(s)		{ .screen = s, .type = EV_BACK }
#define HELP(s)		{ .screen = s, .type = EV_HELP }
#define SUBMIT(s, ...)	{ .screen = s, .type = EV_SUBMIT, .fill = { __VA_ARGS__ } }
#define NSTEPS(a)	((int)(sizeof a / sizeof a[0]))

struct rec_item {
	char	*label, *status, *body;
};

struct rec_field {
	char	*id, *value, *error;
};

/* One view as it was presented. */
struct rec_view {
	const char	 *screen;	/* ops->name of the top screen */
	char		 *title, *text, *notice;
	struct rec_item	 *items;
	int		  nitems;
	int		  focus;
	char		 *keys;		/* the action letters, in order */
	char		**action_labels;
	int		  nfields;
	struct rec_field *fields;
	char		 *picture;	/* what the renderer drew; NULL when
					 * nothing drew */
};

enum rec_draw { REC_NO_DRAW, REC_DRAW };

struct rec {
	struct app		 app;
	struct ui_params	 p;
	struct config		 cfg;
	bool			 draw;
	const struct renderer	*inner;		/* the real renderer */
	const struct rec_step	*script;
	int			 nsteps, next;
	struct rec_view		*views;
	int			 nviews;
	int			 out_r;		/* plain mode: what it wrote */
};

/* Sets up a session on db as account name (NULL: a guest; "" someone
 * registering) in lang and mode (UI_MODE_FULL or UI_MODE_PLAIN). */
void rec_open(struct rec *r, struct db *db, const char *name,
    const char *lang, enum ui_mode mode, enum rec_draw draw);
/* Pushes first (given arg) on an empty stack, or on the main menu when
 * over_menu, and runs the app until the script is used up (then the
 * session hangs up). Asserts that every step was answered. */
void rec_run(struct rec *r, const struct screen_ops *first, void *arg,
    bool over_menu, const struct rec_step *script, int nsteps);
/* Closes the screens, frees what was recorded. */
void rec_close(struct rec *r);
/* The last view recorded. */
const struct rec_view *rec_last(const struct rec *r);
/* The index of the first item whose label contains s, or -1. */
int rec_find_item(const struct rec_view *v, const char *s);
bool rec_has_action(const struct rec_view *v, int key);
const struct rec_field *rec_field(const struct rec_view *v, const char *id);

/* Fills an empty database with the demo content (core/demo.c) at
 * REC_CLOCK, the clock fixed there from now on. */
void rec_demo(struct db *db);
/* Opens t as a copy of the closed database at path (one rec_demo made
 * once: it hashes six passwords, too slow to do for every test). */
void rec_demo_copy(const char *path, struct tdb *t);

#endif
