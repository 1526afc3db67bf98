/* The event calendar (issue 8): its menu line opens the month, for
 * everyone (guests read the published events); the badge and the welcome
 * screen remind a member of the events they answered going or maybe,
 * today and tomorrow. */
#include "ui/calendar-ui.h"
#include "ui/feature.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "i18n/i18n.h"

#include <stdlib.h>

static int64_t
calendar_soon(struct app *app)
{
	int n = calendar_mine_soon_count(app->db, app_actor(app), clock_now());

	return n > 0 ? n : 0;
}

/* One paragraph: how many, then each on its own line, soonest first. */
static void
calendar_welcome(struct app *app, struct view *v)
{
	struct cal_occurrence_list l = { 0 };
	struct strbuf sb = { 0 };
	char *head;
	size_t i;

	if (calendar_mine_soon(app->db, app_actor(app), clock_now(), &l) != 0 ||
	    l.n == 0) {
		cal_occurrence_list_free(&l);
		return;
	}
	head = TFA("welcome.calendar_soon", A_NUM(l.n));
	sb_puts(&sb, head);
	free(head);
	for (i = 0; i < l.n; i++) {
		char *when = cal_fmt_when(&l.v[i], true);

		sb_printf(&sb, "\n  %s  %s", when, l.v[i].title);
		free(when);
	}
	view_para(v, sb.s);
	sb_free(&sb);
	cal_occurrence_list_free(&l);
}

const struct feature feature_calendar = {
	.name = "calendar",
	.menu_key = "menu.calendar",
	.screen = &screen_cal_month,
	.who = FEATURE_EVERYONE,
	.badge = calendar_soon,
	.badge_key = "menu.calendar_soon",
	.welcome = calendar_welcome,
	.help_key = "feature.calendar.help",
	.inbox_subject = "event",
	.inbox_open = calendar_inbox_open,
	.queue_kind = "calendar.proposal",
	.queue_open = calendar_queue_open,
};
