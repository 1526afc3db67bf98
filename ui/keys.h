/* The reserved keys: one table (as calcurse's keydef[]) of what the
 * renderers take before a screen's own letters, in which mode and on which
 * kind of view, with its key bar label and its help line. The key bar, the
 * help of keys and the plain mode's command words all come from it, and
 * view_action refuses a screen letter that one of them would shadow.
 *
 * h and l are not reserved: lists and pagers do not move sideways, so a
 * screen may use them (Hide, Lock). The calendar's month grid, which moves
 * by day with h/l and arrows and t for today, adds its own kind of view
 * here with those keys; the check then covers the grid's letters alone. */
#ifndef TINKLAS_UI_KEYS_H
#define TINKLAS_UI_KEYS_H

#include <stdbool.h>

struct view;

/* What a reserved key means. */
enum key_sem {
	KS_MOVE,	/* the focus to the next or previous item */
	KS_SCROLL,	/* the pager one line; the editor's cursor */
	KS_OPEN,	/* the focused item */
	KS_PAGE,	/* the page before or after */
	KS_BACK,
	KS_HELP,
	KS_SEARCH,	/* the screen's search: the screen acts on it */
	KS_FIELD,	/* the next or previous form field */
	KS_TOGGLE,	/* the item at the cursor picked or unpicked */
	KS_CONFIRM,	/* the form */
	KS_SUBMIT,	/* the form, from the editor too */
	KS_NEWLINE,	/* in the editor */
	KS_NUMBER,	/* plain: the item with that number */
	KS_LIST,	/* plain: the page printed again */
	KS_CANCEL,	/* plain: the form given up */
};

/* Where a key applies: the kind of view shown. */
#define KW_TEXT		0x01	/* paragraphs only */
#define KW_LIST		0x02
#define KW_PAGER	0x04	/* items with bodies: posts */
#define KW_FORM		0x08
#define KW_EDITOR	0x10	/* a form whose focus is a multi-line text */
#define KW_CHECKS	0x20	/* with KW_FORM: the focus is several of
				 * choices */
#define KW_BROWSE	(KW_TEXT | KW_LIST | KW_PAGER)
#define KW_FILL		(KW_FORM | KW_EDITOR)

/* In which mode. */
#define KM_FULL		0x01
#define KM_PLAIN	0x02

struct key_def {
	enum key_sem	 sem;
	unsigned	 modes;		/* KM_* */
	unsigned	 where;		/* KW_* */
	const char	*letters;	/* the printable keys it takes (a screen
					 * letter must not be one), or NULL */
	const char	*names;		/* the keys as the help names them */
	const char	*help_key;	/* its help line; NULL: not in help */
	const char	*bar;		/* the keys as the key bar names them;
					 * NULL: not in the bar */
	const char	*bar_key;	/* the label after them; NULL: none */
	bool		 bar_tail;	/* after the screen's letters */
	int		 plain_as;	/* plain: a screen letter equal to
					 * this key is offered as plain_as */
	const char	*prompt_key;	/* plain: its words after the names
					 * at every prompt; NULL: none */
};

extern const struct key_def keys_table[];
extern const int keys_count;

/* line_key() (ui.h), the plain mode's letter for a screen letter, is
 * made from the table's plain_as (keys.c). */

/* The kind of view v is (KW_*): a form (KW_EDITOR when its focus is a
 * multi-line text, KW_FORM | KW_CHECKS on several of choices), a pager
 * (items with bodies), a list, or text. */
unsigned keys_where(const struct view *v);
/* The reserved key that a screen letter key would collide with, in any
 * mode or kind of view, or NULL when key is free. The search key is not a
 * collision: a screen that has something to search offers it as its
 * letter. */
const struct key_def *keys_collision(int key);
/* Whether a screen may offer key as its letter: a lower-case ASCII letter
 * that no reserved key takes, or the search key. view_action asserts it. */
bool keys_letter_ok(int key);
/* The entry of mode and where that takes the printable key, or NULL. */
const struct key_def *keys_find(int key, unsigned mode, unsigned where);
/* The key bar's entries of the table for v in the full screen, before the
 * screen's letters (tail false) or after them (tail true): up to max newly
 * allocated strings ("Enter Open") into out. Returns how many. */
int keys_bar(const struct view *v, bool tail, char **out, int max);
/* The plain prompt's reminder of the keys ("l lists again, q goes back,
 * ? is help:"); newly allocated. */
char *keys_prompt(const struct view *v);
/* The help lines of the keys of mode on a view like v ("q Esc: go
 * back"), one a line; newly allocated. */
char *keys_help(const struct view *v, unsigned mode);

#endif
