/* The moderation queue: every subject that waits for a decision, of any
 * kind (core/queue.h), oldest first, each with its text and the reasons
 * given. `o` opens the subject through the feature that owns its kind
 * (ui/feature.h); the other letters are the kind's own actions (for a
 * post: dismiss, hide it, suspend its author), each asking for a reason
 * for the audit log. */
#include "ui/dialogs.h"
#include "ui/feature.h"
#include "ui/forum-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/queue.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>

#define REPORTS_PAGE 10

struct reports_state {
	struct list_state	 ls;
	struct queue_list	 list;
	/* The decision the reason dialog above is asking about. */
	const struct queue_kind		*kind;
	const struct queue_action	*action;
};

static int
reports_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct reports_state *rs = st;

	queue_list_free(&rs->list);
	if (queue_list(app->db, app_actor(app), offset, limit, &rs->list) != 0)
		return -1;
	*more = rs->list.more;
	return (int)rs->list.n;
}

static void
reports_clear(void *st)
{
	queue_list_free(&((struct reports_state *)st)->list);
}

/* Whether a kind of the entries before the n-th has the letter key. */
static bool
offered_before(const struct reports_state *rs, size_t n, int key)
{
	const struct queue_action *a;
	size_t i;

	for (i = 0; i < n; i++)
		for (a = rs->list.v[i].k->actions; a->name != NULL; a++)
			if (a->key == key)
				return true;
	return false;
}

/* `o` (open), which every kind has, named as the kind names it when the
 * page holds one kind ("Open thread"), else "Open"; then the letters of
 * the kinds on the page, each once: a letter acts on an entry whose kind
 * has it (the plain mode may name any entry of the page with it). */
static void
describe_actions(const struct reports_state *rs, struct view *v)
{
	const struct queue_action *a;
	const char *open = rs->list.v[0].k->open_key;
	size_t i;

	for (i = 1; i < rs->list.n; i++)
		if (rs->list.v[i].k != rs->list.v[0].k)
			open = "key.open";
	view_action(v, 'o', T(open));
	for (i = 0; i < rs->list.n; i++)
		for (a = rs->list.v[i].k->actions; a->name != NULL; a++)
			if (!offered_before(rs, i, a->key))
				view_action(v, a->key, T(a->label_key));
}

static void
reports_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct queue_entry *e = &((struct reports_state *)st)->list.v[i];
	struct strbuf body = { 0 };

	(void)app;
	/* The count is the row's status: it always shows, and a long title
	 * is shortened before it. */
	r->label = TFA("reports.item_head", A_STR(e->s.title),
	    A_STR(e->s.owner_display));
	r->status = TFA(e->k->count_key, A_NUM(e->count));
	sb_printf(&body, "%s\n\n%s\n%s", e->s.body, T("reports.reasons"),
	    e->reasons);
	if (e->s.note_key != NULL)
		sb_printf(&body, "\n%s", T(e->s.note_key));
	r->body = sb_take(&body);
	r->quotes = true;
}

static void
reports_actions(struct app *app, void *st, struct view *v)
{
	struct reports_state *rs = st;

	(void)app;
	if (rs->list.n > 0)
		describe_actions(rs, v);
}

/* The reason dialog's work: the decision the screen below it asked for. */
static struct core_error
apply_action(struct app *app, int64_t subject_id, const char *why, int days)
{
	const struct screen_inst *below = app_below(app);
	const struct reports_state *rs;

	assert(below != NULL && below->ops == &screen_reports);
	rs = below->st;
	return queue_resolve(app->db, app_actor(app), rs->kind->kind,
	    subject_id, rs->action->name, days, why);
}

static int
reports_action(struct app *app, void *st, int key, int row)
{
	struct reports_state *rs = st;
	struct reason_req req = { .label_key = "reports.why",
	    .help_key = "help.reason", .done_key = "reports.resolved",
	    .apply = apply_action };
	const struct queue_entry *r;
	const struct queue_action *a;
	const struct feature *f;
	char *about;

	if (row < 0)
		return SR_STAY;
	r = &rs->list.v[row];
	if (key == 'o') {
		if ((f = feature_for_queue(r->k->kind)) != NULL)
			f->queue_open(app, r->subject_id);
		return SR_STAY;
	}
	for (a = r->k->actions; a->name != NULL && a->key != key; a++)
		;
	if (a->name == NULL)
		return SR_STAY;
	rs->kind = r->k;
	rs->action = a;
	req.arg = r->subject_id;
	req.title_key = a->title_key;
	req.days_key = a->days ? "forum.days" : NULL;
	about = TFA(r->k->about_key, A_NUM(r->s.number),
	    A_STR(r->s.owner_display), A_STR(r->s.title));
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
	return SR_STAY;
}

static const struct list_screen reports_list = {
	.size = sizeof(struct reports_state),
	.page = REPORTS_PAGE,
	.empty_key = "reports.none",
	.unit_key = "key.entries",
	.load = reports_load,
	.clear = reports_clear,
	.row = reports_row,
	.actions = reports_actions,
	.action = reports_action,
};

static void *
reports_open(struct app *app, void *arg)
{
	return list_screen_open(app, &reports_list, arg);
}

const struct screen_ops screen_reports = {
	.name = "reports",
	.title_key = "reports.title",
	.help_key = "help.reports",
	.open = reports_open,
	.describe = list_screen_describe,
	.action = list_screen_action,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
