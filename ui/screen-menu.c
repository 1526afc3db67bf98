/* The main menu: one line per feature the person sees (ui/features.c), in
 * that list's order, with the feature's count ("3 new") when it has one;
 * its help adds each visible feature's own line; a member also reads how
 * many people are online. q on the main menu logs out. */
#include "ui/ui.h"
#include "ui/feature.h"
#include "ui/view.h"
#include "core/sessions.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* The n-th feature this person sees, or NULL. */
static const struct feature *
visible_nth(const struct app *app, int n)
{
	int i;

	for (i = 0; features[i] != NULL; i++)
		if (feature_visible(features[i], app) && n-- == 0)
			return features[i];
	return NULL;
}

/* How many people are online (members and guests), for a member; nothing
 * when the count cannot be read or no session is recorded (the console). */
static void
online_count(struct app *app, struct view *v)
{
	int members, guests;
	char *s;

	if (session_totals(app->db, &members, &guests, NULL) != 0 ||
	    members + guests == 0)
		return;
	s = TFA("menu.online", A_NUM(members + guests));
	view_text(v, s);
	free(s);
}

static void
menu_describe(struct app *app, void *st, struct view *v)
{
	const struct feature *f;
	int i;

	(void)st;
	/* q logs out here: the prompt and the key bar say so. */
	v->q_logs_out = true;
	if (app_is_guest(app)) {
		char *cmd = app_ssh_command(app, "new");
		char *note = TFA("menu.guest_note", A_STR(cmd));

		view_text(v, note);
		free(note);
		free(cmd);
	} else
		online_count(app, v);
	for (i = 0; (f = visible_nth(app, i)) != NULL; i++) {
		int64_t c = f->badge != NULL && !app_is_guest(app) ?
		    f->badge(app) : 0;
		char *status = c > 0 ? TFA(f->badge_key, A_NUM(c)) : NULL;

		view_item(v, T(f->menu_key), status, c > 0 ?
		    "list.unread.board" : NULL);
		free(status);
	}
}

static int
menu_select(struct app *app, void *st, int index)
{
	const struct feature *f;

	(void)st;
	if (index < 0 || (f = visible_nth(app, index)) == NULL)
		return SR_STAY;
	if (f->screen == NULL)
		return SR_QUIT;
	app_push(app, f->screen, (void *)f->arg);
	return SR_STAY;
}

static int
menu_back(struct app *app, void *st)
{
	(void)app;
	(void)st;
	return SR_QUIT;
}

/* The help about the menu: a paragraph for each feature this person
 * sees. */
static void
menu_help_more(struct app *app, struct view *v)
{
	const struct feature *f;
	int i;

	for (i = 0; (f = visible_nth(app, i)) != NULL; i++)
		if (f->help_key != NULL)
			view_para(v, T(f->help_key));
}

const struct screen_ops screen_menu = {
	.name = "menu",
	.title_key = "menu.title",
	.help_key = "help.menu",
	.help_more = menu_help_more,
	.describe = menu_describe,
	.select = menu_select,
	.back = menu_back,
};
