/* The moderation queue: every subject that waits for a decision, of any
 * kind (core/queue.h), oldest first, each with its text and the reasons
 * given. `o` opens the subject through the feature that owns its kind
 * (ui/feature.h); the other letters are the kind's own actions (for a
 * post: dismiss, hide it, suspend its author), each asking for a reason
 * for the audit log. */
#include "ui/dialogs.h"
#include "ui/feature.h"
#include "ui/forum-ui.h"
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
	struct queue_list	 list;
	int			 offset;
	/* The decision the reason dialog above is asking about. */
	const struct queue_kind		*kind;
	const struct queue_action	*action;
};

static void
reports_load(struct app *app, struct reports_state *rs)
{
	queue_list_free(&rs->list);
	if (queue_list(app->db, app_actor(app), rs->offset, REPORTS_PAGE,
	    &rs->list) != 0)
		app_notice(app, T("error.internal"));
}

static void *
reports_open(struct app *app, void *arg)
{
	struct reports_state *rs = xcalloc(1, sizeof *rs);

	(void)arg;
	reports_load(app, rs);
	return rs;
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

/* `o` (open), which every kind has, then the letters of the kinds on the
 * page, each once: a letter acts on an entry whose kind has it (the plain
 * mode may name any entry of the page with it). */
static void
describe_actions(const struct reports_state *rs, struct view *v)
{
	const struct queue_action *a;
	size_t i;

	view_action(v, 'o', T("reports.open"));
	for (i = 0; i < rs->list.n; i++)
		for (a = rs->list.v[i].k->actions; a->name != NULL; a++)
			if (!offered_before(rs, i, a->key))
				view_action(v, a->key, T(a->label_key));
}

static void
reports_describe(struct app *app, void *st, struct view *v)
{
	struct reports_state *rs = st;
	size_t i;

	(void)app;
	view_pager(v, T("key.posts"));
	if (rs->list.n == 0)
		view_text(v, T("reports.none"));
	for (i = 0; i < rs->list.n; i++) {
		const struct queue_entry *r = &rs->list.v[i];
		/* The count is the row's status: it always shows, and a long
		 * title is shortened before it. */
		char *label = TFA("reports.item_head", A_STR(r->s.title),
		    A_STR(r->s.owner_display));
		char *count = TFA("reports.item_count", A_NUM(r->count));
		struct strbuf body = { 0 };

		sb_printf(&body, "%s\n\n%s\n%s", r->s.body, T("reports.reasons"),
		    r->reasons);
		if (r->s.note_key != NULL)
			sb_printf(&body, "\n%s", T(r->s.note_key));
		view_item(v, label, count, NULL);
		view_body(v, body.s);
		view_quotes(v);
		sb_free(&body);
		free(count);
		free(label);
	}
	v->more_before = rs->offset > 0;
	v->more_after = rs->list.more;
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
reports_action(struct app *app, void *st, int key)
{
	struct reports_state *rs = st;
	int focus = app->stack[app->depth - 1].focus;
	struct reason_req req = { .label_key = "reports.why",
	    .help_key = "help.reason", .done_key = "reports.resolved",
	    .apply = apply_action };
	const struct queue_entry *r;
	const struct queue_action *a;
	const struct feature *f;
	char *about;

	if (focus < 0 || (size_t)focus >= rs->list.n)
		return SR_STAY;
	r = &rs->list.v[focus];
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

static int
reports_page(struct app *app, void *st, int dir)
{
	struct reports_state *rs = st;

	rs->offset += dir * REPORTS_PAGE;
	if (rs->offset < 0)
		rs->offset = 0;
	reports_load(app, rs);
	app->stack[app->depth - 1].focus = 0;
	return SR_STAY;
}

static void
reports_resume(struct app *app, void *st)
{
	reports_load(app, st);
}

static void
reports_close(struct app *app, void *st)
{
	struct reports_state *rs = st;

	(void)app;
	queue_list_free(&rs->list);
	free(rs);
}

const struct screen_ops screen_reports = {
	.name = "reports",
	.title_key = "reports.title",
	.help_key = "help.reports",
	.open = reports_open,
	.describe = reports_describe,
	.action = reports_action,
	.page = reports_page,
	.resume = reports_resume,
	.close = reports_close,
};
