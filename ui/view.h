/* What a screen shows and allows, independent of how it is drawn: the
 * full-screen renderer and the plain line renderer both present a view.
 * A screen fills one in describe(); the app frees it after drawing. */
#ifndef TINKLAS_VIEW_H
#define TINKLAS_VIEW_H

#include <stdbool.h>

struct form;
struct widget_ops;

#define VIEW_MARKS_MAX 8

/* What a view is, said by the screen, never guessed from its data: the
 * renderers present each kind with its widget (ui/widget-*.c). */
enum view_kind {
	VIEW_LIST,	/* numbered items, Enter opens one (the default) */
	VIEW_PAGER,	/* items with bodies read as one document (posts) */
	VIEW_FORM,	/* v->form: a view with a form is always this kind */
	VIEW_WIDGET,	/* the screen's own widget: v->widget, v->widget_data */
};

/* A byte range of an item's body to show marked: a search match. */
struct view_mark {
	unsigned	 off, len;
};

struct view_item {
	char	*label;
	char	*status;	/* status words after the label, may be NULL */
	const char *unread;	/* NULL, or the catalog key of the word that
				 * marks it new (never colour alone), in the
				 * gender of the item: list.unread.thread... */
	char	*body;		/* several lines under the label (a post), or
				 * NULL */
	bool	 quotes;	/* the body's lines that begin with "> " are
				 * quotes (shown dimmed): view_quotes */
	char	*name;		/* what the actions work on when this item is
				 * focused ("post 8 by Jonas"), for the plain
				 * prompt; NULL: nothing to name */
	long long number;	/* the number typed to choose it in plain mode
				 * (a post's number); 0: its place, from 1 */
	/* Marked on the full screen by an attribute; the plain mode leaves
	 * them out, as a screen reader would read any mark aloud. */
	struct view_mark marks[VIEW_MARKS_MAX];
	int	 nmarks;
};

struct view_action {
	int		 key;	/* a lower-case ASCII letter that no
				 * reserved key takes (ui/keys.h), or the
				 * search key '/' */
	char		*label;
};

struct view {
	enum view_kind		 kind;	/* VIEW_LIST unless the screen says */
	const struct widget_ops	*widget;	/* VIEW_WIDGET: the screen's */
	void			*widget_data;	/* what it draws; the screen's */
	char			*unit_label;	/* a pager's unit on the key bar
						 * ("posts" of "j/k posts") */
	char			*title;	/* NULL: the screen's title key */
	char			*text;	/* paragraphs above the list; may be NULL */
	struct view_item	*items;
	int			 nitems;
	struct form		*form;	/* borrowed from the screen; may be NULL */
	bool			 more_before;	/* a paged list: earlier page */
	bool			 more_after;	/* a paged list: later page */
	char			*position;	/* "page 2 of 5"; may be NULL */
	struct view_action	*actions;	/* grows as view_action adds */
	int			 nactions;
	int			 actions_cap;
	bool			 q_logs_out;	/* q here ends the session (the
						 * main menu): say so, not "back" */
};

/* The widget that presents v: by its kind, or the screen's own. */
const struct widget_ops *view_widget(const struct view *v);
/* The view is a pager; unit names what j/k step over ("posts"). */
void view_pager(struct view *v, const char *unit);
/* The view is drawn by the screen's own widget, from data (the screen's,
 * borrowed like a form). */
void view_own_widget(struct view *v, const struct widget_ops *w, void *data);

/* Helpers for describe(): each copies its strings. */
void view_text(struct view *v, const char *text);
/* Appends a paragraph (a blank line between paragraphs). */
void view_para(struct view *v, const char *text);
/* unread_key: NULL when the item is not new, else the key of its "new"
 * mark (list.unread.board, .thread, .post or .notice: the word agrees with
 * the item in lt, uk, ru and pl). A string literal: it is kept, not copied. */
void view_item(struct view *v, const char *label, const char *status,
    const char *unread_key);
void view_action(struct view *v, int key, const char *label);
/* Gives the last item added a body (a post's text). */
void view_body(struct view *v, const char *body);
/* The last item's body quotes: its lines that begin with "> " are shown
 * as quotes. */
void view_quotes(struct view *v);
/* Marks byte ranges of the last item's body (at most VIEW_MARKS_MAX). */
void view_mark(struct view *v, unsigned off, unsigned len);
void view_position(struct view *v, const char *text);
/* Gives the last item added its name for the actions, and its number. */
void view_name(struct view *v, const char *name);
void view_number(struct view *v, long long number);
void view_clear(struct view *v);

#endif
