/* Writing a private message: to a member named by user name (from the
 * conversations' `n`), or to one already known (a reply, a profile's
 * "write"). A refusal (blocked, too fast, suspended, too many new
 * conversations today, no such member) is said under the field it is
 * about and the form stays with every word typed; leaving with text
 * written asks first. What is written is kept as a draft (the user name
 * typed as its title) and offered back the next time the form opens for
 * the same member, as the forums' editor does. Sending a new message
 * opens its conversation. */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/form-draft.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/messages.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct pm_write_state {
	struct pm_write_req	 req;
	struct form		*form;
	struct form_draft	 draft;
	char			*title;
};

/* The user name asked for, or "" when the member is known. */
static const char *
to_name(struct pm_write_state *ws)
{
	return ws->req.to == 0 ? form_value(ws->form, "to") : "";
}

static void *
pm_write_open(struct app *app, void *arg)
{
	struct pm_write_state *ws = xcalloc(1, sizeof *ws);
	struct field *fld;

	ws->req = *(struct pm_write_req *)arg;
	ws->title = ws->req.to_label != NULL ? TFA("pm.write.title_to",
	    A_STR(ws->req.to_label)) : xstrdup(T("pm.write.title"));
	ws->req.to_label = NULL;
	ws->form = form_new(T("forum.send"));
	if (ws->req.to == 0) {
		fld = form_add(ws->form, "to", FIELD_TEXT, T("pm.write.to"), true);
		fld->max_cp = ACCOUNT_NAME_MAX;
		fld->hint = xstrdup(T("pm.write.to_hint"));
	}
	fld = form_add(ws->form, "body", FIELD_TEXTAREA, T("pm.write.body"), true);
	fld->max_cp = MESSAGE_BODY_MAX;
	form_draft_open(app, &ws->draft, DRAFT_MESSAGE, ws->req.to);
	return ws;
}

static void
pm_write_describe(struct app *app, void *st, struct view *v)
{
	struct pm_write_state *ws = st;
	struct field *body = form_field(ws->form, "body");

	/* The full screen's keys; the plain mode says its own way of ending
	 * the text at the question. */
	free(body->hint);
	body->hint = app->mode == UI_MODE_PLAIN ? NULL :
	    xstrdup(T("pm.write.hint_full"));
	v->title = xstrdup(ws->title);
	if (ws->draft.offering) {
		form_draft_describe(&ws->draft, v);
		return;
	}
	v->form = ws->form;
}

/* Continue (0) fills the form with the draft; discard (1) deletes it. */
static int
pm_write_select(struct app *app, void *st, int index)
{
	struct pm_write_state *ws = st;

	if (!form_draft_answer(app, &ws->draft, index))
		return SR_STAY;
	if (ws->req.to == 0)
		field_set(form_field(ws->form, "to"), ws->draft.offer.title);
	field_set(form_field(ws->form, "body"), ws->draft.offer.body);
	ws->form->focus = form_index(ws->form, form_field(ws->form, "body"));
	form_draft_taken(&ws->draft, to_name(ws), form_value(ws->form, "body"),
	    "");
	return SR_STAY;
}

static void
pm_write_keep(struct app *app, void *st)
{
	struct pm_write_state *ws = st;
	const char *body = form_value(ws->form, "body");

	form_draft_keep(app, &ws->draft, to_name(ws), body, "",
	    body[0] == '\0' && to_name(ws)[0] == '\0');
}

/* Puts the refusal key under field id (or the text) and says it. */
static void
refuse(struct app *app, struct pm_write_state *ws, const char *id,
    const char *key, int64_t arg)
{
	struct field *bad = id != NULL ? form_field(ws->form, id) : NULL;

	if (bad == NULL)
		bad = form_field(ws->form, "body");
	bad->error_arg = arg;
	field_set_error_key(bad, key);
	ws->form->focus = form_index(ws->form, bad);
	app_notice(app, bad->error);
}

static int
pm_write_submit(struct app *app, void *st, struct form *unused)
{
	struct pm_write_state *ws = st;
	int64_t to = ws->req.to, conversation = 0;
	struct core_error e;
	struct account a;

	(void)unused;
	if (to == 0) {
		if (account_by_name(app->db, form_value(ws->form, "to"), &a) != 0) {
			refuse(app, ws, "to", "error.messages.not_found", 0);
			return SR_STAY;
		}
		to = a.id;
	}
	e = messages_send(app->db, app_actor(app), to,
	    form_value(ws->form, "body"), &conversation, NULL);
	if (core_failed(e)) {
		/* Who it cannot go to is about the name; the rest (blocked,
		 * flood, suspended, the day's limit) under the text, which
		 * stays as typed. */
		refuse(app, ws, e.field != NULL ? e.field :
		    ws->req.to == 0 && (strcmp(e.key, "error.messages.self") == 0 ||
		    strcmp(e.key, "error.messages.not_found") == 0) ? "to" : NULL,
		    e.key, e.arg);
		return SR_STAY;
	}
	form_draft_done(app, &ws->draft);
	app_notice(app, T("pm.sent"));
	if (ws->req.sent != NULL)
		*ws->req.sent = true;
	if (ws->req.reply)
		return SR_POP;
	/* The conversation takes the form's place; ws is gone after. */
	app_replace(app, &screen_pm_thread, &conversation);
	return SR_STAY;
}

/* Yes to "leave without sending?": arg is the form's state, which closes
 * with the question; its draft goes. */
static const char *
discard(struct app *app, int64_t arg)
{
	struct pm_write_state *ws = (struct pm_write_state *)(intptr_t)arg;

	form_draft_done(app, &ws->draft);
	return "forum.discarded";
}

static int
pm_write_back(struct app *app, void *st)
{
	struct pm_write_state *ws = st;
	struct confirm_req req = { .yes = discard, .close_below = true,
	    .arg = (int64_t)(intptr_t)ws };

	if (ws->draft.offering)
		return SR_POP;		/* the draft stays for next time */
	if (form_value(ws->form, "body")[0] == '\0') {
		form_draft_keep(app, &ws->draft, "", "", "", true);
		return SR_POP;
	}
	req.question = T("forum.discard_question");
	app_push(app, &screen_confirm, &req);
	return SR_STAY;
}

static void
pm_write_close(struct app *app, void *st)
{
	struct pm_write_state *ws = st;

	(void)app;
	form_draft_free(&ws->draft);
	form_free(ws->form);
	free(ws->title);
	free(ws);
}

const struct screen_ops screen_pm_write = {
	.name = "pm-write",
	.title_key = "pm.write.title",
	.help_key = "help.pm_write_full",
	.help_key_plain = "help.pm_write_plain",
	.open = pm_write_open,
	.describe = pm_write_describe,
	.select = pm_write_select,
	.submit = pm_write_submit,
	.keep = pm_write_keep,
	.back = pm_write_back,
	.close = pm_write_close,
};
