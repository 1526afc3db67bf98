/* The main menu: a table of entries. Each feature adds its line here and
 * nowhere else. q on the main menu logs out. */
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

#include <stddef.h>

struct menu_entry {
	const char		*label_key;
	const struct screen_ops	*screen;	/* NULL: log out */
	bool			 members_only;
};

static const struct menu_entry menu_entries[] = {
	{ "menu.settings", &screen_settings, true },
	{ "menu.help", &screen_help, false },
	{ "menu.logout", NULL, false },
};
#define NENTRIES (int)(sizeof menu_entries / sizeof menu_entries[0])

static void
menu_describe(struct app *app, void *st, struct view *v)
{
	int i;

	(void)st;
	if (app_is_guest(app))
		view_text(v, T("menu.guest_note"));
	for (i = 0; i < NENTRIES; i++)
		view_item(v, T(menu_entries[i].label_key), NULL, false);
}

static int
menu_select(struct app *app, void *st, int index)
{
	const struct menu_entry *e;

	(void)st;
	if (index < 0 || index >= NENTRIES)
		return SR_STAY;
	e = &menu_entries[index];
	if (e->screen == NULL)
		return SR_QUIT;
	if (e->members_only && app_is_guest(app)) {
		app_notice(app, T("error.guest.readonly"));
		return SR_STAY;
	}
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
