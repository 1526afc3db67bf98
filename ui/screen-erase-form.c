/* Delete my account, second step: keep the forum posts (under "deleted
 * member") or remove their text, and the password; a wrong password says
 * so and deletes nothing. Then the last confirmation (screen_confirm),
 * whose yes erases the account in one transaction (domain_erase) and ends
 * the session with a goodbye. */
#include "ui/dialogs.h"
#include "ui/erase-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "core/domain.h"
#include "core/sessions.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <string.h>

static void *
erase_form_open(struct app *app, void *arg)
{
	struct form *f = form_new(T("erase.submit"));
	struct field *fld;

	(void)app;
	(void)arg;
	fld = form_add(f, "posts", FIELD_CHOICE, T("erase.posts"), true);
	field_add_choice(fld, "keep", T("erase.posts.keep"));
	field_add_choice(fld, "remove", T("erase.posts.remove"));
	field_set(fld, "keep");
	form_add(f, "password", FIELD_PASSWORD, T("erase.password"), true);
	return f;
}

static void
erase_form_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	view_text(v, T("erase.form.intro"));
	v->form = st;
}

/* The confirmation's yes: the member erases themselves. */
static const char *
erase_yes(struct app *app, int64_t writing)
{
	/* Their other sessions end first; this one says goodbye. */
	if (session_end_account(app->db, app->acct.id,
	    app->p != NULL ? app->p->session_id : 0) < 0 ||
	    domain_erase(app->db, app->acct.id, app->acct.id,
	    (enum erase_writing)writing) != 0)
		return "error.internal";
	app->quit = true;	/* the goodbye is the notice */
	return "erase.goodbye";
}

static int
erase_form_submit(struct app *app, void *st, struct form *unused)
{
	struct form *f = st;
	struct field *pw = form_field(f, "password");
	bool remove = strcmp(form_value(f, "posts"), "remove") == 0;
	struct confirm_req req = {
		.question = T(remove ? "erase.confirm_remove" :
		    "erase.confirm_keep"),
		.yes = erase_yes,
		.arg = remove ? ERASE_REMOVE_WRITING : ERASE_KEEP_WRITING,
	};

	(void)unused;
	if (app_check_password(app, pw->value) != 0) {
		field_set(pw, "");
		if (app->quit)
			return SR_STAY;	/* the notice says why */
		field_set_error(pw, T("erase.wrong_password"));
		f->focus = form_index(f, pw);
		app_notice(app, T("erase.wrong_password"));
		return SR_STAY;
	}
	field_set(pw, "");
	app_push(app, &screen_confirm, &req);
	return SR_STAY;
}

static void
erase_form_close(struct app *app, void *st)
{
	(void)app;
	form_free(st);
}

const struct screen_ops screen_erase_form = {
	.name = "erase-form",
	.title_key = "erase.form.title",
	.help_key = "help.erase_form",
	.open = erase_form_open,
	.describe = erase_form_describe,
	.submit = erase_form_submit,
	.close = erase_form_close,
};
