/* A new announcement: one line, checked as core checks it (not empty, at
 * most ANNOUNCE_MAX_COLS columns) with the text kept on the form when it
 * is refused, then a confirmation that says it goes to everyone at once. */
#include "ui/announce-ui.h"
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/announce.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>

struct announce_write_state {
	struct form	*form;
};

static const char *
check_text(const struct form *f, const struct field *fld, void *arg)
{
	(void)f;
	(void)arg;
	return announce_check(fld->value);
}

static void *
announce_write_open(struct app *app, void *arg)
{
	struct announce_write_state *ws = xcalloc(1, sizeof *ws);
	struct field *fld;

	(void)app;
	(void)arg;
	ws->form = form_new(T("announce.send"));
	fld = form_add(ws->form, "text", FIELD_TEXT, T("announce.label"),
	    true);
	fld->hint = TFA("announce.hint", A_NUM(ANNOUNCE_MAX_COLS));
	fld->check = check_text;
	/* The limit's {0} in "error.announce.too_long". */
	fld->error_arg = ANNOUNCE_MAX_COLS;
	return ws;
}

static void
announce_write_describe(struct app *app, void *st, struct view *v)
{
	struct announce_write_state *ws = st;

	(void)app;
	v->form = ws->form;
}

/* The confirmation's yes: the form below holds the text. */
static const char *
send_yes(struct app *app, int64_t arg)
{
	const struct screen_inst *below = app_below(app);
	const struct announce_write_state *ws;
	struct core_error e;

	(void)arg;
	assert(below != NULL && below->ops == &screen_announce_write);
	ws = below->st;
	e = announce_set(app->db, app_actor(app), form_value(ws->form, "text"),
	    NULL);
	return core_failed(e) ? e.key : "announce.sent";
}

static int
announce_write_submit(struct app *app, void *st, struct form *unused)
{
	struct announce_write_state *ws = st;
	struct confirm_req req = { .yes = send_yes, .close_below = true };
	char *q;

	(void)unused;
	q = TFA("announce.send_q", A_STR(form_value(ws->form, "text")));
	req.question = q;
	app_push(app, &screen_confirm, &req);
	free(q);
	return SR_STAY;
}

static void
announce_write_close(struct app *app, void *st)
{
	struct announce_write_state *ws = st;

	(void)app;
	form_free(ws->form);
	free(ws);
}

const struct screen_ops screen_announce_write = {
	.name = "announce-write",
	.title_key = "announce.write_title",
	.help_key = "help.announce_write",
	.open = announce_write_open,
	.describe = announce_write_describe,
	.submit = announce_write_submit,
	.close = announce_write_close,
};
