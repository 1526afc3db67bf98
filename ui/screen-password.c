/* Change password: the current one, then the new one twice. */
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <string.h>

static const char *
check_new(const struct form *f, const struct field *fld, void *arg)
{
	struct app *app = arg;

	(void)f;
	return account_check_password(fld->value, app->acct.name,
	    app->cfg->password_min_length);
}

static const char *
check_again(const struct form *f, const struct field *fld, void *arg)
{
	(void)arg;
	return strcmp(fld->value, form_value(f, "new")) != 0 ?
	    "error.password.mismatch" : NULL;
}

static void *
password_open(struct app *app, void *arg)
{
	struct form *f = form_new(T("password.submit"));
	struct field *fld;

	(void)arg;
	form_add(f, "current", FIELD_PASSWORD, T("password.current"), true);
	fld = form_add(f, "new", FIELD_PASSWORD, T("password.new"), true);
	fld->check = check_new;
	fld->check_arg = app;
	fld->error_arg = app->cfg->password_min_length;
	fld->hint = TFA("password.hint", A_NUM(app->cfg->password_min_length));
	fld = form_add(f, "again", FIELD_PASSWORD, T("password.again"), true);
	fld->check = check_again;
	return f;
}

static void
password_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = st;
}

static int
password_submit(struct app *app, void *st, struct form *unused)
{
	struct form *f = st;
	struct field *cur = form_field(f, "current");

	(void)unused;
	if (app_check_password(app, cur->value) != 0) {
		field_set(cur, "");
		if (app->quit)
			return SR_STAY;	/* the notice says why */
		field_set_error(cur, T("password.wrong_current"));
		f->focus = 0;
		app_notice(app, T("password.wrong_current"));
		return SR_STAY;
	}
	if (account_set_password(app->db, app->acct.id, form_value(f, "new")) != 0) {
		app_notice(app, T("error.internal"));
		return SR_STAY;
	}
	app_notice(app, T("password.changed"));
	return SR_POP;
}

static void
password_close(struct app *app, void *st)
{
	(void)app;
	form_free(st);
}

const struct screen_ops screen_password = {
	.name = "password",
	.title_key = "password.title",
	.help_key = "help.password",
	.open = password_open,
	.describe = password_describe,
	.submit = password_submit,
	.close = password_close,
};
