/* The "People" hub: one line per part of the directory the person may
 * use, from people_entries[] (as the main menu is made from features[]),
 * each with its count when it has one. A guest, who has no messages, is
 * told what members find here. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "i18n/i18n.h"

#include <stdlib.h>

/* The hub's lines, in order; each part of the directory adds its one. */
const struct people_entry people_entries[] = {
	{ "people.messages", FEATURE_MEMBERS, pm_unread, "pm.menu_unread",
	  &screen_pm_list },
	{ "people.find", FEATURE_EVERYONE, NULL, NULL, &screen_dir_find },
	{ "people.suggest", FEATURE_MEMBERS, NULL, NULL, &screen_dir_suggest },
	{ "people.profile", FEATURE_MEMBERS, NULL, NULL, &screen_dir_edit },
	{ "people.mentorships", FEATURE_MEMBERS, dir_mentor_waiting,
	  "directory.ms.waiting", &screen_dir_mentorships },
	{ "people.orgs", FEATURE_EVERYONE, NULL, NULL, &screen_dir_orgs },
	{ "people.tags", FEATURE_MODERATORS, NULL, NULL, &screen_dir_tags },
	{ NULL, FEATURE_EVERYONE, NULL, NULL, NULL },
};

static bool
entry_visible(const struct app *app, const struct people_entry *e)
{
	return feature_who_sees(e->who, app);
}

/* The n-th entry this person sees, or NULL. */
static const struct people_entry *
entry_nth(const struct app *app, int n)
{
	const struct people_entry *e;

	for (e = people_entries; e->label_key != NULL; e++)
		if (entry_visible(app, e) && n-- == 0)
			return e;
	return NULL;
}

static void
people_describe(struct app *app, void *st, struct view *v)
{
	const struct people_entry *e;
	int i;

	(void)st;
	if (app_is_guest(app))
		view_text(v, T("people.guest_note"));
	for (i = 0; (e = entry_nth(app, i)) != NULL; i++) {
		int64_t c = e->count != NULL ? e->count(app) : 0;
		char *status = c > 0 ? TFA(e->count_key, A_NUM(c)) : NULL;

		view_item(v, T(e->label_key), status, c > 0 ?
		    "list.unread.board" : NULL);
		free(status);
	}
}

static int
people_select(struct app *app, void *st, int index)
{
	const struct people_entry *e;

	(void)st;
	if (index >= 0 && (e = entry_nth(app, index)) != NULL)
		app_push(app, e->screen, NULL);
	return SR_STAY;
}

/* The help of the lines after Messages (help.people says that one). */
static void
people_help_more(struct app *app, struct view *v)
{
	(void)app;
	view_para(v, T("help.people_directory"));
}

const struct screen_ops screen_people = {
	.name = "people",
	.title_key = "people.title",
	.help_key = "help.people",
	.help_more = people_help_more,
	.describe = people_describe,
	.select = people_select,
};
