/* The calendar's ways in from the house: a whole event cancelled with a
 * reason (which goes to everyone who answered it and to the audit log),
 * and what Enter opens on a proposal in the moderation queue and on one
 * of the calendar's inbox entries: the event's page, where its organiser
 * or a moderator also finds the letters that edit it (so a proposal's
 * typo is mended before it is approved). */
#include "ui/calendar-ui.h"
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include "common/clock.h"

static struct core_error
apply_cancel(struct app *app, int64_t id, const char *why, int days)
{
	struct cal_notify told = { 0 };
	struct core_error e;

	(void)days;
	e = calendar_event_cancel(app->db, app_actor(app), id, why, &told);
	cal_notify_free(&told);
	return e;
}

void
cal_edit_cancel(struct app *app, int64_t event_id)
{
	struct reason_req req = { .title_key = "calendar.cancel.title",
	    .help_key = "help.reason", .label_key = "calendar.cancel.why",
	    .apply = apply_cancel, .done_key = "calendar.cancel.done",
	    .arg = event_id };
	struct cal_event e;
	char *about;

	if (calendar_event_get(app->db, app_actor(app), event_id, 0,
	    clock_now(), &e) != 0) {
		app_notice(app, T("error.calendar.not_found"));
		return;
	}
	if (!e.may_edit) {
		cal_event_free(&e);
		app_notice(app, T("error.calendar.not_allowed"));
		return;
	}
	about = TFA("calendar.cancel.about", A_STR(e.occ.title));
	req.about = about;
	app_push(app, &screen_reason, &req);
	free(about);
	cal_event_free(&e);
}

void
calendar_queue_open(struct app *app, int64_t event_id)
{
	cal_open_event(app, event_id, 0);
}

void
calendar_inbox_open(struct app *app, int64_t event_id)
{
	cal_open_event(app, event_id, 0);
}
