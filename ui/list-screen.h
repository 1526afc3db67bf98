/* One helper for the screens that list rows from core a page at a time
 * (boards, threads, search hits, keys, a post's history; next the agenda
 * and the directory), as tmux's mode-tree.c serves its four modes and
 * calcurse's listbox.c its views: a screen declares a const struct
 * list_screen (how to load a page, what each row says, what Enter and the
 * letters do) and points its screen_ops at the list_screen_* functions,
 * which do what every list screen did by hand: allocate the state and load
 * the first page, page before and after (the arrows, the position "page
 * 2"), reload when the screen comes back keeping the focused row, say
 * "internal error" when a load fails, and free it all.
 *
 * The screen's own state is a struct whose FIRST member is a struct
 * list_state; the helper allocates it zeroed (list_screen.size bytes), so
 * every callback gets the screen's own struct as st. A list with filters
 * (the agenda) keeps them in that struct, shows them in head() and calls
 * list_screen_restart() when one changes. */
#ifndef TINKLAS_LIST_SCREEN_H
#define TINKLAS_LIST_SCREEN_H

#include "ui/view.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;

/* What one row shows. The row callback fills it with allocated strings
 * (NULL where there is nothing); the helper hands them to the view and
 * frees them. */
struct list_row {
	char		*label;
	char		*status;	/* after the label; NULL: none */
	const char	*unread;	/* key of the "new" mark (view_item);
					 * NULL: not new */
	char		*body;		/* lines under the label; NULL: none */
	char		*name;		/* what the letters act on (view_name) */
	long long	 number;	/* typed in plain mode (view_number); 0:
					 * its place */
	struct view_mark marks[VIEW_MARKS_MAX];	/* in body (view_mark) */
	int		 nmarks;
	bool		 quotes;	/* body's "> " lines are quotes
					 * (view_quotes) */
};

struct list_screen {
	size_t	 size;		/* of the screen's state: at least a
				 * struct list_state, its first member */
	int	 page;		/* rows per page; 0: the whole list at once */
	/* The text when the list is empty (a paragraph after head's); NULL:
	 * head says it. */
	const char *empty_key;
	/* Rows with bodies read as a pager whose keys move by this unit
	 * (view_pager: "key.posts"); NULL: a list. */
	const char *unit_key;
	/* Show "page N" (list.page) when there is more than one page. */
	bool	 position;
	/* The page before opens at its last row (the one just above the
	 * first row seen), not its first. */
	bool	 back_at_last;

	/* Optional: keeps what app_push's arg says (a board id, a query) in
	 * st, before the first load. */
	void	 (*init)(struct app *app, void *st, void *arg);
	/* Replaces the rows in st with rows offset.. (at most limit of them;
	 * limit 0: all) and sets *more when rows follow. Returns the number
	 * of rows, or -1 on error (the helper says so and shows none). */
	int	 (*load)(struct app *app, void *st, int offset, int limit,
		    bool *more);
	/* Frees the rows and what init kept; not st itself. */
	void	 (*clear)(void *st);
	/* Optional: what comes above the rows (a title, a description,
	 * the filters in use). */
	void	 (*head)(struct app *app, void *st, struct view *v);
	/* Fills r for row i (0 <= i < rows). */
	void	 (*row)(struct app *app, void *st, int i, struct list_row *r);
	/* Optional: a stable id of row i: a reload keeps the focus on the
	 * same row when it is still on the page. NULL: on the same place. */
	int64_t	 (*row_id)(void *st, int i);
	/* Optional: the action letters (view_action), after the rows. */
	void	 (*actions)(struct app *app, void *st, struct view *v);
	/* Optional: Enter on row i (a valid row). Returns an SR_ value. */
	int	 (*enter)(struct app *app, void *st, int i);
	/* Optional: a letter, with the focused row, or -1 when no row is
	 * focused (an empty page). Returns an SR_ value. */
	int	 (*action)(struct app *app, void *st, int key, int row);
};

/* The helper's part of a list screen's state. Screens read it (which page,
 * how many rows), only the helper writes it. */
struct list_state {
	const struct list_screen *ls;
	int	 offset;	/* of the first row shown */
	int	 rows;		/* on this page */
	bool	 more;		/* a page follows */
};

/* A screen's open: `return list_screen_open(app, &my_list, arg);`. */
void	*list_screen_open(struct app *app, const struct list_screen *ls,
	    void *arg);
/* The rest of screen_ops, as they are. A result loaded once (search hits,
 * a history) leaves .resume out: it is not read again when the screen
 * comes back to the top. */
void	 list_screen_describe(struct app *app, void *st, struct view *v);
int	 list_screen_select(struct app *app, void *st, int index);
int	 list_screen_action(struct app *app, void *st, int key);
int	 list_screen_page(struct app *app, void *st, int dir);
void	 list_screen_resume(struct app *app, void *st);
void	 list_screen_close(struct app *app, void *st);

/* Loads the page shown again (after an action changed a row), keeping the
 * focus as resume does. */
void	 list_screen_reload(struct app *app, void *st);
/* Back to the first page and its first row (a filter changed). */
void	 list_screen_restart(struct app *app, void *st);

#endif
