/* What a moderator sees of a reported private message (the queue's `o`):
 * the reasons given, and the message with at most MESSAGES_CONTEXT
 * messages either side of it (messages_report_context: nothing else of
 * the conversation, and only while the report is open), the reported one
 * marked and focused. The letters are the queue kind's own decisions
 * (dismiss, remove, remove and suspend), each asking why, as on the
 * queue's screen; once decided, the page says so and shows no more. */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/messages.h"
#include "core/queue.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define KIND		"messages.report"
#define QUEUE_SCAN	50	/* entries read at a time for the reasons */
#define QUEUE_PAGES	20	/* at most this many such reads */

struct pm_report_state {
	int64_t				 message_id;
	struct message_list		 list;	/* the bounded context */
	char				*reasons;	/* "name: reason" lines */
	bool				 open;	/* the report waits */
	const struct queue_action	*action;	/* being asked about */
};

void
pm_queue_open(struct app *app, int64_t message_id)
{
	app_push(app, &screen_pm_report, &message_id);
}

/* The reasons of the subject's open items, from the queue the moderator
 * decides (the queue keeps them; core gives no single entry). */
static char *
find_reasons(struct app *app, int64_t message_id)
{
	struct queue_list q = { 0 };
	char *found = NULL;
	size_t i;
	int page;

	for (page = 0; page < QUEUE_PAGES && found == NULL; page++) {
		if (queue_list(app->db, app_actor(app), page * QUEUE_SCAN,
		    QUEUE_SCAN, &q) != 0)
			break;
		for (i = 0; i < q.n && found == NULL; i++)
			if (q.v[i].subject_id == message_id &&
			    strcmp(q.v[i].k->kind, KIND) == 0)
				found = xstrdup(q.v[i].reasons);
		if (!q.more)
			page = QUEUE_PAGES;
		queue_list_free(&q);
	}
	return found;
}

static void
pm_report_load(struct app *app, struct pm_report_state *rs)
{
	size_t i;

	message_list_free(&rs->list);
	free(rs->reasons);
	rs->reasons = NULL;
	rs->open = messages_report_context(app->db, app_actor(app),
	    rs->message_id, &rs->list) == 0;
	if (!rs->open)
		return;
	rs->reasons = find_reasons(app, rs->message_id);
	for (i = 0; i < rs->list.n; i++)
		if (rs->list.v[i].id == rs->message_id)
			app->stack[app->depth - 1].focus = (int)i;
}

static void *
pm_report_open(struct app *app, void *arg)
{
	struct pm_report_state *rs = xcalloc(1, sizeof *rs);

	rs->message_id = *(int64_t *)arg;
	pm_report_load(app, rs);
	return rs;
}

static void
pm_report_describe(struct app *app, void *st, struct view *v)
{
	struct pm_report_state *rs = st;
	const struct queue_kind *k = queue_kind_find(KIND);
	const struct queue_action *a;
	char *s;
	size_t i;

	(void)app;
	assert(k != NULL);
	view_pager(v, T("pm.unit"));
	if (!rs->open) {
		view_text(v, T("pm.report.decided"));
		return;
	}
	s = xasprintf("%s\n%s", T("reports.reasons"), rs->reasons != NULL ?
	    rs->reasons : "");
	view_text(v, s);
	free(s);
	for (i = 0; i < rs->list.n; i++) {
		const struct message *m = &rs->list.v[i];
		char *who = person_label(m->author_display, m->author_name,
		    m->author_role);
		char *when = i18n_when(m->created, clock_now());

		s = xasprintf("#%lld %s, %s", (long long)m->seq, who, when);
		view_item(v, s, NULL, m->id == rs->message_id ?
		    "pm.report.mark" : NULL);
		view_body(v, m->removed == MESSAGE_REMOVED ? T("pm.removed_text") :
		    m->removed == MESSAGE_ERASED ? T("pm.erased_text") : m->body);
		view_number(v, m->seq);
		free(s);
		free(when);
		free(who);
	}
	for (a = k->actions; a->name != NULL; a++)
		view_action(v, a->key, T(a->label_key));
}

/* The reason dialog's work: the decision asked for on the page below. */
static struct core_error
apply_decision(struct app *app, int64_t message_id, const char *why, int days)
{
	const struct screen_inst *below = app_below(app);
	const struct pm_report_state *rs;

	assert(below != NULL && below->ops == &screen_pm_report);
	rs = below->st;
	return queue_resolve(app->db, app_actor(app), KIND, message_id,
	    rs->action->name, days, why);
}

static int
pm_report_action(struct app *app, void *st, int key)
{
	struct pm_report_state *rs = st;
	const struct queue_kind *k = queue_kind_find(KIND);
	struct reason_req req = { .label_key = "reports.why",
	    .help_key = "help.reason", .done_key = "reports.resolved",
	    .apply = apply_decision, .arg = rs->message_id };
	const struct queue_action *a;
	const struct message *m = NULL;
	char *line, *s, *about;
	size_t i;

	assert(k != NULL);
	if (!rs->open)
		return SR_STAY;
	for (a = k->actions; a->name != NULL && a->key != key; a++)
		;
	if (a->name == NULL)
		return SR_STAY;
	for (i = 0; i < rs->list.n; i++)
		if (rs->list.v[i].id == rs->message_id)
			m = &rs->list.v[i];
	if (m == NULL)
		return SR_STAY;
	rs->action = a;
	req.title_key = a->title_key;
	req.days_key = a->days ? "forum.days" : NULL;
	line = xasprintf("%.*s", (int)strcspn(m->body, "\n"), m->body);
	s = i18n_truncate(line, 40);
	about = TFA(k->about_key, A_NUM(m->seq), A_STR(m->author_display),
	    A_STR(s));
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
	free(s);
	free(line);
	return SR_STAY;
}

static int
pm_report_select(struct app *app, void *st, int index)
{
	struct pm_report_state *rs = st;

	if (index >= 0 && (size_t)index < rs->list.n) {
		app->stack[app->depth - 1].focus = index;
		app_show_focus(app, true);
	}
	return SR_STAY;
}

static void
pm_report_resume(struct app *app, void *st)
{
	pm_report_load(app, st);
}

static void
pm_report_close(struct app *app, void *st)
{
	struct pm_report_state *rs = st;

	(void)app;
	message_list_free(&rs->list);
	free(rs->reasons);
	free(rs);
}

const struct screen_ops screen_pm_report = {
	.name = "pm-report",
	.title_key = "pm.report.screen_title",
	.help_key = "help.pm_report_mod",
	.open = pm_report_open,
	.describe = pm_report_describe,
	.select = pm_report_select,
	.action = pm_report_action,
	.resume = pm_report_resume,
	.close = pm_report_close,
};
