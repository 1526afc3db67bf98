/* A short message for the directory's mentorships: the request to a
 * mentor, the mentor's answer, the reflection at the end. One text field
 * (required or not, as the request says); a refusal from core is said
 * under it with the text kept, and the form stays. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct dir_message_state {
	struct dir_message_req	 req;
	struct form		*form;
	char			*title;
};

static void *
dir_message_open(struct app *app, void *arg)
{
	struct dir_message_state *ms = xcalloc(1, sizeof *ms);
	struct field *fld;

	(void)app;
	ms->req = *(struct dir_message_req *)arg;
	ms->title = xstrdup(ms->req.title);
	ms->req.title = NULL;
	ms->form = form_new(T("forum.send"));
	fld = form_add(ms->form, "message", FIELD_TEXT, T(ms->req.label_key),
	    ms->req.required);
	fld->max_cp = DIR_MESSAGE_MAX;
	if (ms->req.hint_key != NULL)
		fld->hint = xstrdup(T(ms->req.hint_key));
	return ms;
}

static void
dir_message_describe(struct app *app, void *st, struct view *v)
{
	struct dir_message_state *ms = st;

	(void)app;
	v->title = xstrdup(ms->title);
	v->form = ms->form;
}

static int
dir_message_submit(struct app *app, void *st, struct form *unused)
{
	struct dir_message_state *ms = st;
	struct field *fld = form_field(ms->form, "message");
	struct core_error e;

	(void)unused;
	e = ms->req.apply(app, ms->req.arg, fld->value);
	if (core_failed(e)) {
		fld->error_arg = e.arg;
		field_set_error_key(fld, e.key);
		app_notice(app, fld->error);
		return SR_STAY;
	}
	app_notice(app, T(ms->req.done_key));
	return SR_POP;
}

static void
dir_message_close(struct app *app, void *st)
{
	struct dir_message_state *ms = st;

	(void)app;
	form_free(ms->form);
	free(ms->title);
	free(ms);
}

const struct screen_ops screen_dir_message = {
	.name = "dir-message",
	.title_key = "directory.ms.title",
	.help_key = "help.dir_message",
	.open = dir_message_open,
	.describe = dir_message_describe,
	.submit = dir_message_submit,
	.close = dir_message_close,
};
