/* The moderation queue: reported posts, oldest first, each with its text and
 * the reasons given; dismiss, hide the post or suspend its author, each
 * with a reason for the audit log. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdlib.h>

#define REPORTS_PAGE 10

struct reports_state {
	struct forum_report_list list;
	int			 offset;
};

static void
reports_load(struct app *app, struct reports_state *rs)
{
	forum_report_list_free(&rs->list);
	if (forum_reports(app->db, app_actor(app), rs->offset, REPORTS_PAGE,
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
		const struct forum_report *r = &rs->list.v[i];
		/* The count is the row's status: it always shows, and a long
		 * title is shortened before it. */
		char *label = TFA("reports.item_head", A_STR(r->thread_title),
		    A_STR(r->author_display));
		char *count = TFA("reports.item_count", A_NUM(r->count));
		struct strbuf body = { 0 };

		sb_printf(&body, "%s\n\n%s\n%s", r->body, T("reports.reasons"),
		    r->reasons);
		if (r->hidden)
			sb_printf(&body, "\n%s", T(r->auto_hidden ?
			    "reports.auto_hidden" : "forum.post.hidden"));
		view_item(v, label, count, NULL);
		view_body(v, body.s);
		view_quotes(v);
		sb_free(&body);
		free(count);
		free(label);
	}
	v->more_before = rs->offset > 0;
	v->more_after = rs->list.more;
	if (rs->list.n > 0) {
		view_action(v, 'o', T("reports.open"));
		view_action(v, 'd', T("reports.dismiss"));
		view_action(v, 'h', T("reports.hide"));
		view_action(v, 's', T("reports.suspend"));
	}
}

static struct core_error
resolve(struct app *app, int64_t post_id, enum forum_resolution how,
    const char *why, int days)
{
	return forum_report_resolve(app->db, app_actor(app), post_id, how, days,
	    why);
}

static struct core_error
apply_dismiss(struct app *app, int64_t post_id, const char *why, int days)
{
	return resolve(app, post_id, FORUM_RESOLVE_DISMISS, why, days);
}

static struct core_error
apply_hide(struct app *app, int64_t post_id, const char *why, int days)
{
	return resolve(app, post_id, FORUM_RESOLVE_HIDE, why, days);
}

static struct core_error
apply_suspend(struct app *app, int64_t post_id, const char *why, int days)
{
	return resolve(app, post_id, FORUM_RESOLVE_SUSPEND, why, days);
}

static int
reports_action(struct app *app, void *st, int key)
{
	struct reports_state *rs = st;
	int focus = app->stack[app->depth - 1].focus;
	struct reason_req req = { .label_key = "reports.why",
	    .help_key = "help.reason", .done_key = "reports.resolved" };
	const struct forum_report *r;
	char *about;

	if (focus < 0 || (size_t)focus >= rs->list.n)
		return SR_STAY;
	r = &rs->list.v[focus];
	req.arg = r->post_id;
	switch (key) {
	case 'o':
		forum_open_thread(app, r->thread_id, r->seq);
		return SR_STAY;
	case 'd':
		req.title_key = "mod.dismiss";
		req.apply = apply_dismiss;
		break;
	case 'h':
		req.title_key = "mod.hide_post";
		req.apply = apply_hide;
		break;
	case 's':
		req.title_key = "mod.suspend";
		req.apply = apply_suspend;
		req.days_key = "forum.days";
		break;
	default:
		return SR_STAY;
	}
	about = TFA("mod.about.post", A_NUM(r->seq), A_STR(r->author_display),
	    A_STR(r->thread_title));
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
	forum_report_list_free(&rs->list);
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
