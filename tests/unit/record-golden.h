/* Golden pictures, as tmux's regress/ compares capture-pane output with
 * .result files: each screen is reached by a script over the demo
 * database at a fixed clock, drawn by the real renderer (full screen:
 * ncurses' 80x24 cells, the cursor and the attributes; plain: the bytes
 * written) and compared with DIR/SCREEN.MODE.LANG.txt. A difference fails
 * with a unified diff. `make golden` (TINKLAS_GOLDEN=write) writes the
 * pictures anew; review the diff before committing it. The house's
 * screens are in test_golden.c; a feature keeps its own list in its own
 * test_golden_NAME.c, its pictures in tests/golden/NAME/. */
#ifndef TINKLAS_TEST_RECORD_GOLDEN_H
#define TINKLAS_TEST_RECORD_GOLDEN_H

#include "tests/unit/record.h"

#include <stdbool.h>
#include <stddef.h>

struct db;

#define STEPS_MAX	8

/* How to reach one screen: who, from where, and the answers on the way.
 * The picture is of the view presented after the last step. */
struct golden {
	const char		*name;		/* the file's first part */
	const char		*screen;	/* ops->name it must show */
	const char		*who;		/* account; NULL guest, "" newcomer */
	const struct screen_ops	*first;
	bool			 over_menu;
	struct rec_step		 steps[STEPS_MAX];
	bool			 ascii;		/* a terminal without UTF-8 */
	void			*arg;		/* first's (app_push); NULL
						 * for most */
};


/* The steps to the demo's introductions thread. */
#define TO_THREAD \
	OPEN("menu", "menu.forums"), \
	PICK("boards", "Sveiki atvyk"), \
	PICK("threads", "Prisistatykite")

/* One list of pictures and where they live. */
struct golden_set {
	const char		*dir;		/* tests/golden or tests/golden/NAME */
	/* The header whose "extern const struct screen_ops screen_" lines
	 * name the screens this list must picture, each at least once. */
	const char		*header;
	/* Optional: only the screens whose name after "screen_" begins with
	 * only (NULL: all), leaving out those that begin with skip (NULL:
	 * none); two sets share a header this way (the directory's people
	 * and its profiles). */
	const char		*only, *skip;
	/* Optional: the beginnings of the picture names this set keeps in
	 * a folder it shares with another set (ending with NULL); the stray
	 * check leaves the other files to their own set. NULL: all. */
	const char *const	*owns;
	const struct golden	*list;
	size_t			 n;
	/* Also show that a comparison can fail: list[0]'s full-screen
	 * picture with one cell changed after its first "1. " is refused. */
	bool			 self_test;
	/* Optional: what the set's pictures need beyond the demo (a
	 * reported message), added once to the template database, as people
	 * would do it (rec_run). */
	void			(*add_content)(struct db *db);
};

/* Runs the set as cmocka tests (each picture in both modes and in en and
 * lt, the self-test, no stray picture in dir, every screen of header
 * pictured). Returns main's exit status. */
int golden_main(const struct golden_set *set);

#endif
