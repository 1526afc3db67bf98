/* Registration for `ssh new@host`: a privacy notice above the form; the
 * language comes first, each in its own name, and choosing one re-labels
 * the form (and the notice) at once; then user name, display name and the
 * password twice. The new member goes straight on to
 * the mode question and the main menu. */
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/rules.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct reg_field {
	const char	*id;
	const char	*label_key;
	const char	*hint_key;
};

static const struct reg_field reg_fields[] = {
	{ "lang", "register.language", NULL },
	{ "name", "register.username", "register.username_hint" },
	{ "display", "register.display", "register.display_hint" },
	{ "password", "register.password", "password.hint" },
	{ "again", "register.again", NULL },
};

struct reg_state {
	struct app	*app;
	struct form	*form;
};

/* Puts every label and hint in the current language. */
static void
relabel(struct reg_state *rs)
{
	struct form *f = rs->form;
	size_t i;

	for (i = 0; i < sizeof reg_fields / sizeof reg_fields[0]; i++) {
		struct field *fld = form_field(f, reg_fields[i].id);

		free(fld->label);
		fld->label = xstrdup(T(reg_fields[i].label_key));
		free(fld->hint);
		fld->hint = reg_fields[i].hint_key == NULL ? NULL :
		    strcmp(reg_fields[i].id, "password") == 0 ?
		    TFA(reg_fields[i].hint_key,
		    A_NUM(rs->app->cfg->password_min_length)) :
		    xstrdup(T(reg_fields[i].hint_key));
		if (fld->error != NULL)
			field_validate(f, fld);
	}
	free(f->submit_label);
	f->submit_label = xstrdup(T("register.submit"));
}

static const char *
check_lang(const struct form *f, const struct field *fld, void *arg)
{
	struct reg_state *rs = arg;

	(void)f;
	if (strcmp(fld->value, i18n_lang()) != 0) {
		i18n_set_lang(fld->value);
		relabel(rs);
	}
	return NULL;
}

static const char *
check_name(const struct form *f, const struct field *fld, void *arg)
{
	(void)f;
	(void)arg;
	return account_check_name(fld->value);
}

static const char *
check_display(const struct form *f, const struct field *fld, void *arg)
{
	(void)f;
	(void)arg;
	return account_check_display(fld->value);
}

static const char *
check_password(const struct form *f, const struct field *fld, void *arg)
{
	struct reg_state *rs = arg;

	return account_check_password(fld->value, form_value(f, "name"),
	    rs->app->cfg->password_min_length);
}

static const char *
check_again(const struct form *f, const struct field *fld, void *arg)
{
	(void)arg;
	return strcmp(fld->value, form_value(f, "password")) != 0 ?
	    "error.password.mismatch" : NULL;
}

static void *
register_open(struct app *app, void *arg)
{
	struct reg_state *rs = xcalloc(1, sizeof *rs);
	struct field *fld;
	int i;

	(void)arg;
	rs->app = app;
	rs->form = form_new("");
	fld = form_add(rs->form, "lang", FIELD_CHOICE, "", true);
	for (i = 0; i < I18N_NLANGS; i++)
		field_add_choice(fld, i18n_langs[i], i18n_lang_name(i18n_langs[i]));
	field_set(fld, i18n_lang());
	fld->check = check_lang;
	fld->check_arg = rs;
	fld = form_add(rs->form, "name", FIELD_TEXT, "", true);
	fld->check = check_name;
	fld->max_cp = 32;
	fld = form_add(rs->form, "display", FIELD_TEXT, "", true);
	fld->check = check_display;
	fld->max_cp = 64;
	fld = form_add(rs->form, "password", FIELD_PASSWORD, "", true);
	fld->check = check_password;
	fld->check_arg = rs;
	fld->error_arg = app->cfg->password_min_length;
	fld = form_add(rs->form, "again", FIELD_PASSWORD, "", true);
	fld->check = check_again;
	relabel(rs);
	return rs;
}

/* The privacy notice, short enough to stand above the form at 80x24 with
 * the longest admin_contact (ADMIN_CONTACT_MAX):
 * what is kept, why and for how long, how to download it and to delete
 * it, and whom to ask (the site's admin_contact, or its moderators).
 * Newly allocated. */
static char *
privacy_notice(const struct app *app)
{
	char *cmd = app_ssh_command(app, T("register.privacy.name"));
	char *download = xasprintf("%s my-data.json", cmd);
	/* The config file is the admin's, but what reaches the terminal goes
	 * through the filter all the same (a bidi override, a stray escape). */
	char *contact = sanitize(app->cfg->admin_contact,
	    strlen(app->cfg->admin_contact), SANITIZE_LINE, 0, 0);
	char *s = contact[0] != '\0' ?
	    TFA("register.privacy", A_STR(download), A_STR(contact)) :
	    TFA("register.privacy_no_contact", A_STR(download));

	free(contact);
	free(cmd);
	free(download);
	return s;
}

static void
register_describe(struct app *app, void *st, struct view *v)
{
	struct reg_state *rs = st;
	char *notice = privacy_notice(app);
	/* One paragraph: a blank line more and the form's button would
	 * leave the screen in some languages. */
	char *text = xasprintf("%s %s", T("register.intro"), notice);

	view_text(v, text);
	free(text);
	free(notice);
	v->form = rs->form;
}

static int
register_submit(struct app *app, void *st, struct form *unused)
{
	struct reg_state *rs = st;
	struct form *f = rs->form;
	struct core_error e;
	struct field *bad;
	int64_t id = 0;
	char *msg;

	(void)unused;
	e = account_register(app->db, form_value(f, "name"),
	    form_value(f, "display"), form_value(f, "password"),
	    form_value(f, "lang"), app->cfg->accounts_per_hour, &id);
	if (core_failed(e) && e.field == NULL) {
		/* About no field: registration is paused, or it failed. */
		app_notice(app, T(e.key));
		return SR_STAY;
	}
	if (core_failed(e)) {
		bad = form_field(f, e.field);
		assert(bad != NULL);
		field_set_error_key(bad, e.key);
		f->focus = form_index(f, bad);
		app_notice(app, bad->error);
		return SR_STAY;
	}
	msg = TFA("register.done", A_STR(form_value(f, "name")));
	app_login(app, id);	/* replaces this screen: rs is gone now */
	app_notice(app, msg);
	free(msg);
	return SR_STAY;
}

static void
register_close(struct app *app, void *st)
{
	struct reg_state *rs = st;

	(void)app;
	form_free(rs->form);
	free(rs);
}

const struct screen_ops screen_register = {
	.name = "register",
	.title_key = "register.title",
	.help_key = "help.register",
	.open = register_open,
	.describe = register_describe,
	.submit = register_submit,
	.close = register_close,
};
