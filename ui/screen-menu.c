/* The main menu: a table of entries. Each feature adds its line here and
 * nowhere else; an entry may show a count ("3 new") and may be only for
 * members or moderators. q on the main menu logs out. */
#include "ui/ui.h"
#include "ui/view.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

enum who_sees { EVERYONE, MEMBERS, MODERATORS };

struct menu_entry {
	const char		*label_key;
	const struct screen_ops	*screen;	/* NULL: log out */
	enum who_sees		 who;		/* nobody else sees it */
	/* Optional: a count shown with the entry when not 0. */
	int64_t			(*count)(struct app *app);
	const char		*count_key;	/* plural pattern of the count */
};

static int64_t
count_new_posts(struct app *app)
{
	return forum_new_posts(app->db, app_actor(app));
}

static int64_t
count_notices(struct app *app)
{
	return app->notices_unread;
}

static int64_t
count_reports(struct app *app)
{
	return forum_reports_open(app->db, app_actor(app));
}

static const struct menu_entry menu_entries[] = {
	{ "menu.forums", &screen_boards, EVERYONE, count_new_posts, "menu.new_posts" },
	{ "menu.notices", &screen_notices, MEMBERS, count_notices, "menu.unread" },
	{ "menu.reports", &screen_reports, MODERATORS, count_reports, "menu.open_reports" },
	{ "menu.settings", &screen_settings, EVERYONE, NULL, NULL },
	{ "menu.help", &screen_help, EVERYONE, NULL, NULL },
	{ "menu.logout", NULL, EVERYONE, NULL, NULL },
};
#define NENTRIES (int)(sizeof menu_entries / sizeof menu_entries[0])

/* The entries this person sees, as indexes into menu_entries: a guest
 * sees none of the members' entries (the guest note says how to join). */
static int
visible(const struct app *app, int *idx)
{
	int i, n = 0;

	for (i = 0; i < NENTRIES; i++)
		if ((menu_entries[i].who != MODERATORS || app_is_moderator(app)) &&
		    (menu_entries[i].who != MEMBERS || !app_is_guest(app)))
			idx[n++] = i;
	return n;
}

static void
menu_describe(struct app *app, void *st, struct view *v)
{
	int idx[NENTRIES], n = visible(app, idx), i;

	(void)st;
	/* q logs out here: the prompt and the key bar say so. */
	v->q_logs_out = true;
	if (app_is_guest(app)) {
		char *cmd = app_ssh_command(app, "new");
		char *note = TFA("menu.guest_note", A_STR(cmd));

		view_text(v, note);
		free(note);
		free(cmd);
	}
	for (i = 0; i < n; i++) {
		const struct menu_entry *e = &menu_entries[idx[i]];
		int64_t c = e->count != NULL && !app_is_guest(app) ? e->count(app) : 0;
		char *status = c > 0 ? TFA(e->count_key, A_NUM(c)) : NULL;

		view_item(v, T(e->label_key), status, c > 0 ?
		    "list.unread.board" : NULL);
		free(status);
	}
}

static int
menu_select(struct app *app, void *st, int index)
{
	int idx[NENTRIES], n = visible(app, idx);
	const struct menu_entry *e;

	(void)st;
	if (index < 0 || index >= n)
		return SR_STAY;
	e = &menu_entries[idx[index]];
	if (e->screen == NULL)
		return SR_QUIT;
	app_push(app, e->screen, e->screen == &screen_help ?
	    (void *)&screen_menu : NULL);
	return SR_STAY;
}

static int
menu_back(struct app *app, void *st)
{
	(void)app;
	(void)st;
	return SR_QUIT;
}

const struct screen_ops screen_menu = {
	.name = "menu",
	.title_key = "menu.title",
	.help_key = "help.menu",
	.describe = menu_describe,
	.select = menu_select,
	.back = menu_back,
};
