/* The directory's tag vocabulary, for moderators: every tag with how many
 * profiles use it, in the reader's collation; Enter on one merges it into
 * another (a near-duplicate such as "pythonas" into "Python"), or renames
 * it when the new spelling is its own folded. Core checks, moves every
 * use and audits (directory_tag_merge). */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>

#define DIR_TAGS_PAGE	15

struct dir_tags_state {
	struct list_state	 ls;
	struct dir_tag_list	 list;
	char			*merging;	/* the tag the dialog is about */
};

static int
dir_tags_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct dir_tags_state *ts = st;

	dir_tag_list_free(&ts->list);
	if (dir_tag_list(app->db, NULL, offset, limit, &ts->list) != 0)
		return -1;
	*more = ts->list.more;
	return (int)ts->list.n;
}

static void
dir_tags_clear(void *st)
{
	struct dir_tags_state *ts = st;

	dir_tag_list_free(&ts->list);
	free(ts->merging);
	ts->merging = NULL;
}

static void
dir_tags_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_tag *t = &((struct dir_tags_state *)st)->list.v[i];

	(void)app;
	r->label = xstrdup(t->display);
	r->status = TFA("directory.tags.uses", A_NUM(t->uses));
	r->name = xstrdup(t->display);
}

static int64_t
dir_tags_row_id(void *st, int i)
{
	return ((struct dir_tags_state *)st)->list.v[i].id;
}

/* The reason dialog's answer is the tag to merge into; arg is the state. */
static struct core_error
merge(struct app *app, int64_t arg, const char *into, int days)
{
	struct dir_tags_state *ts = (struct dir_tags_state *)(intptr_t)arg;
	struct core_error e;

	(void)days;
	e = directory_tag_merge(app->db, app_actor(app), ts->merging, into);
	if (!core_failed(e))
		list_screen_restart(app, ts);
	return e;
}

static int
dir_tags_enter(struct app *app, void *st, int i)
{
	struct dir_tags_state *ts = st;
	char *title, *about;

	free(ts->merging);
	ts->merging = xstrdup(ts->list.v[i].display);
	title = TFA("directory.tags.merge_title", A_STR(ts->merging));
	about = TFA("directory.tags.merge_about", A_STR(ts->merging));
	app_push(app, &screen_reason, &(struct reason_req){
	    .title_key = "directory.tags.title", .title = title,
	    .help_key = "help.dir_tags", .label_key = "directory.tags.into",
	    .about = about, .apply = merge, .done_key = "directory.tags.merged",
	    .arg = (int64_t)(intptr_t)ts });
	free(title);
	free(about);
	return SR_STAY;
}

static const struct list_screen dir_tags = {
	.size = sizeof(struct dir_tags_state),
	.page = DIR_TAGS_PAGE,
	.empty_key = "directory.tags.none",
	.position = true,
	.load = dir_tags_load,
	.clear = dir_tags_clear,
	.row = dir_tags_row,
	.row_id = dir_tags_row_id,
	.enter = dir_tags_enter,
};

static void *
dir_tags_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_tags, arg);
}

const struct screen_ops screen_dir_tags = {
	.name = "dir-tags",
	.title_key = "directory.tags.title",
	.help_key = "help.dir_tags",
	.open = dir_tags_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
