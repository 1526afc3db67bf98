/* A widget presents one kind of view (ui/view.h) in both renderers: each
 * is one file, ui/widget-NAME.c, with its full-screen variant (drawn into
 * the body the frame of ui/render-full.c scrolls, and its keys) and its
 * plain-line variant (ui/render-line.c's frame hands it the whole turn).
 * The list, the pager and the form are built in; a screen that needs
 * another (the calendar's month grid) brings its own ops and sets them
 * with view_own_widget, and no generic file changes. */
#ifndef TINKLAS_WIDGET_H
#define TINKLAS_WIDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct app;
struct body;
struct ui_event;
struct view;

/* What a widget did with a key on the full screen. */
enum widget_key {
	WIDGET_KEY_DONE,	/* taken (or refused with a notice): draw again
				 * once the keys waiting are handled */
	WIDGET_KEY_EVENT,	/* ev is filled: the screen acts on it */
	WIDGET_KEY_NEXT,	/* taken with the keys behind it; the next one
				 * is already read into *type, *ch */
	WIDGET_KEY_END,		/* taken with every key that was waiting */
};

struct widget_ops {
	const char	*name;
	/* The full screen keeps this many bytes of state per session for
	 * the widget (zeroed at first use; 0: none, st is NULL), freed with
	 * full_free (may be NULL). */
	size_t		 full_state_size;
	void		(*full_free)(void *st);
	/* A view is presented (before its first draw); may be NULL. */
	void		(*full_enter)(struct app *app, void *st, struct view *v);
	/* Adds the view's lines to b (under the frame's title and text). */
	void		(*full_draw)(struct app *app, void *st, struct body *b,
			    const struct view *v, int focus, int width);
	/* The first line of b to show in height rows, or -1 for the
	 * frame's way (the focused line kept in sight). When it returns a
	 * line and no line shown holds the cursor, the cursor stands on
	 * the first one shown. May be NULL (-1). */
	int		(*full_first)(void *st, const struct body *b,
			    const struct view *v, int focus, int height);
	/* A key (get_wch's *type and *ch); may read the keys waiting behind
	 * it (a paste), and updates *focus. */
	enum widget_key	(*full_key)(struct app *app, void *st, struct view *v,
			    int *focus, int *type, wint_t *ch,
			    struct ui_event *ev);
	/* Keys here are typing: the frame hands them back now and then
	 * (EV_REDRAW) so a screen that keeps drafts can keep one. */
	bool		 typing;
	/* The plain line mode's whole turn: print, read, answer with ev. */
	void		(*line_present)(struct app *app, const char *title,
			    struct view *v, int *focus, int timeout_ms,
			    struct ui_event *ev);
};

extern const struct widget_ops widget_list;
extern const struct widget_ops widget_pager;
extern const struct widget_ops widget_form;

/* The list's plain-mode turn, which the pager shares (bodies print in
 * full under their items). */
void widget_list_line_present(struct app *app, const char *title,
    struct view *v, int *focus, int timeout_ms, struct ui_event *ev);

#endif
