/* A short form asking why (and, for suspensions, for how many days) before
 * a report or a moderator's action. */
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct reason_state {
	struct reason_req	 req;
	struct form		*form;
	char			*title;
};

static void *
reason_open(struct app *app, void *arg)
{
	struct reason_state *rs = xcalloc(1, sizeof *rs);
	struct field *fld;

	(void)app;
	rs->req = *(struct reason_req *)arg;
	rs->req.about = NULL;
	rs->title = xstrdup(rs->req.title != NULL ? rs->req.title :
	    T(rs->req.title_key));
	rs->req.title = NULL;
	rs->form = form_new(T("reason.submit"));
	fld = form_add(rs->form, "reason", FIELD_TEXT, T(rs->req.label_key != NULL ?
	    rs->req.label_key : "reason.label"), true);
	fld->max_cp = FORUM_REASON_MAX;
	/* The hint shows in both modes, right at the question. */
	if (((struct reason_req *)arg)->about != NULL)
		fld->hint = xstrdup(((struct reason_req *)arg)->about);
	if (rs->req.days_key != NULL) {
		fld = form_add(rs->form, "days", FIELD_NUMBER, T(rs->req.days_key), true);
		fld->min = 1;
		fld->max = 3650;
		field_set(fld, "7");
	}
	return rs;
}

static void
reason_describe(struct app *app, void *st, struct view *v)
{
	struct reason_state *rs = st;

	(void)app;
	v->title = xstrdup(rs->title);
	v->form = rs->form;
}

static int
reason_submit(struct app *app, void *st, struct form *unused)
{
	struct reason_state *rs = st;
	struct core_error e;
	struct field *bad;
	int days = rs->req.days_key != NULL ?
	    atoi(form_value(rs->form, "days")) : 0;

	(void)unused;
	e = rs->req.apply(app, rs->req.arg, form_value(rs->form, "reason"),
	    days);
	if (core_failed(e)) {
		bad = e.field != NULL ? form_field(rs->form, e.field) : NULL;
		if (bad == NULL)
			bad = rs->form->fields[0];
		field_set_error_key(bad, e.key);
		rs->form->focus = form_index(rs->form, bad);
		app_notice(app, bad->error);
		return SR_STAY;
	}
	app_notice(app, T(rs->req.done_key));
	return SR_POP;
}

static void
reason_close(struct app *app, void *st)
{
	struct reason_state *rs = st;

	(void)app;
	form_free(rs->form);
	free(rs->title);
	free(rs);
}

const struct screen_ops screen_reason = {
	.name = "reason",
	.title_key = "reason.title",
	.help_key = "help.reason",
	.open = reason_open,
	.describe = reason_describe,
	.submit = reason_submit,
	.close = reason_close,
};
