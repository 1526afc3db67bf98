/* An organisation's own form, for its admins (and site admins): its kind,
 * name, description, eldership and contact, filled with what it says
 * now. Core decides who may and checks every field; a refusal goes under
 * the field it names and nothing typed is lost. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>

struct dir_org_edit_state {
	int64_t		 id;
	struct form	*form;
};

static void
add_text(struct form *f, const char *id, enum field_type type,
    const char *label_key, bool required, int max_cp, const char *value)
{
	struct field *fld = form_add(f, id, type, T(label_key), required);

	fld->max_cp = max_cp;
	field_set(fld, value);
}

static void
dir_org_edit_build(struct dir_org_edit_state *es, const struct dir_org *o)
{
	struct form *f = form_new(T("directory.org_edit.save"));
	struct field *fld;
	int i;

	fld = form_add(f, "kind", FIELD_CHOICE, T("directory.org.kind"), true);
	for (i = 0; dir_org_kinds[i].code != NULL; i++)
		field_add_choice(fld, dir_org_kinds[i].code,
		    T(dir_org_kinds[i].key));
	field_set(fld, o->kind);
	add_text(f, "name", FIELD_TEXT, "directory.org_edit.name", true,
	    DIR_ORG_NAME_MAX, o->name);
	add_text(f, "description", FIELD_TEXTAREA,
	    "directory.org_edit.description", false, DIR_ORG_TEXT_MAX,
	    o->description);
	fld = form_add(f, "eldership", FIELD_CHOICE,
	    T("directory.field.eldership"), false);
	field_add_choice(fld, "", T("directory.eldership.none"));
	for (i = 0; cal_elderships[i].code != NULL; i++)
		field_add_choice(fld, cal_elderships[i].code,
		    T(cal_elderships[i].key));
	field_add_choice(fld, DIR_OUTSIDE, T(dir_outside_key));
	field_set(fld, o->eldership);
	add_text(f, "contact", FIELD_TEXT, "directory.org.contact", false,
	    DIR_ORG_TEXT_MAX, o->contact);
	es->form = f;
}

static void *
dir_org_edit_open(struct app *app, void *arg)
{
	struct dir_org_edit_state *es = xcalloc(1, sizeof *es);
	struct dir_org *o = xcalloc(1, sizeof *o);

	es->id = *(int64_t *)arg;
	/* Opened from the organisation's page, where it was just read. */
	if (directory_org_get(app->db, app_actor(app), es->id, o) != 0)
		app_notice(app, T("error.directory.not_found"));
	dir_org_edit_build(es, o);
	free(o);
	return es;
}

static void
dir_org_edit_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct dir_org_edit_state *)st)->form;
}

static int
dir_org_edit_submit(struct app *app, void *st, struct form *unused)
{
	struct dir_org_edit_state *es = st;
	struct form *f = es->form;
	struct dir_org_input in = { .kind = form_value(f, "kind"),
	    .name = form_value(f, "name"),
	    .description = form_value(f, "description"),
	    .eldership = form_value(f, "eldership"),
	    .contact = form_value(f, "contact") };
	struct core_error e = directory_org_edit(app->db, app_actor(app),
	    es->id, &in);
	struct field *bad;

	(void)unused;
	if (!core_failed(e)) {
		app_notice(app, T("directory.org_edit.saved"));
		return SR_POP;
	}
	if (e.field == NULL || (bad = form_field(f, e.field)) == NULL)
		bad = form_field(f, "name");
	bad->error_arg = e.arg;
	field_set_error_key(bad, e.key);
	f->focus = form_index(f, bad);
	app_notice(app, bad->error);
	return SR_STAY;
}

static void
dir_org_edit_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct dir_org_edit_state *)st)->form);
	free(st);
}

const struct screen_ops screen_dir_org_edit = {
	.name = "dir-org-edit",
	.title_key = "directory.org_edit.title",
	.help_key = "help.dir_org_edit",
	.open = dir_org_edit_open,
	.describe = dir_org_edit_describe,
	.submit = dir_org_edit_submit,
	.close = dir_org_edit_close,
};
