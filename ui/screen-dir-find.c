/* "Find people": the filter form. Words in the name or bio, a skill
 * (offered or wanted), a language (its code: "uk"), an eldership, an
 * availability, mentors only; every field may stay empty (all listed
 * people). A skill nobody has and an unknown language are said under
 * their field; the results open over the form, which keeps what was
 * typed for the next try. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct dir_find_state {
	struct form	*form;
};

static void *
dir_find_open(struct app *app, void *arg)
{
	struct dir_find_state *fs = xcalloc(1, sizeof *fs);
	struct form *f = form_new(T("directory.find.submit"));
	struct field *fld;
	int i;

	(void)app;
	(void)arg;
	fld = form_add(f, "query", FIELD_TEXT, T("directory.find.query"), false);
	fld->max_cp = 100;
	fld = form_add(f, "skill", FIELD_TEXT, T("directory.find.skill"), false);
	fld->max_cp = DIR_TAG_MAX;
	fld = form_add(f, "skill_kind", FIELD_CHOICE,
	    T("directory.find.skill_kind"), true);
	field_add_choice(fld, "offers", T("directory.find.kind_offers"));
	field_add_choice(fld, "wants", T("directory.find.kind_wants"));
	fld = form_add(f, "lang", FIELD_TEXT, T("directory.find.lang"), false);
	fld->max_cp = 3;
	fld->hint = xstrdup(T("directory.find.lang_hint"));
	/* "Any" is the empty value: these two are not required. */
	fld = form_add(f, "eldership", FIELD_CHOICE,
	    T("directory.field.eldership"), false);
	field_add_choice(fld, "", T("directory.find.any"));
	for (i = 0; cal_elderships[i].code != NULL; i++)
		field_add_choice(fld, cal_elderships[i].code,
		    T(cal_elderships[i].key));
	field_add_choice(fld, DIR_OUTSIDE, T(dir_outside_key));
	fld = form_add(f, "avail", FIELD_CHOICE, T("directory.field.avail"),
	    false);
	field_add_choice(fld, "", T("directory.find.any"));
	for (i = 0; dir_availability[i].code != NULL; i++)
		field_add_choice(fld, dir_availability[i].code,
		    T(dir_availability[i].key));
	fld = form_add(f, "mentors", FIELD_CHOICE,
	    T("directory.find.mentors"), true);
	field_add_choice(fld, "no", T("directory.no"));
	field_add_choice(fld, "yes", T("directory.yes"));
	/* A search: Enter in any field finds. */
	f->quick = true;
	fs->form = f;
	return fs;
}

static void
dir_find_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct dir_find_state *)st)->form;
}

static int
dir_find_submit(struct app *app, void *st, struct form *unused)
{
	struct form *f = ((struct dir_find_state *)st)->form;
	struct dir_filter flt = { 0 };
	const char *skill = form_value(f, "skill"), *av = form_value(f, "avail");
	char lang[4] = "";
	struct field *bad = NULL;
	size_t i;
	int b;

	(void)unused;
	for (i = 0; form_value(f, "lang")[i] != '\0' && i < 3; i++)
		lang[i] = (char)tolower((unsigned char)form_value(f, "lang")[i]);
	lang[i] = '\0';
	if (skill[0] != '\0' && (flt.tag_id = dir_tag_find(app->db, skill)) == 0) {
		bad = form_field(f, "skill");
		field_set_error_key(bad, "directory.find.no_skill");
	} else if (lang[0] != '\0' && !i18n_language_known(lang)) {
		bad = form_field(f, "lang");
		field_set_error_key(bad, "directory.find.no_lang");
	}
	if (bad != NULL) {
		f->focus = form_index(f, bad);
		app_notice(app, bad->error);
		return SR_STAY;
	}
	flt.query = form_value(f, "query")[0] != '\0' ? form_value(f, "query") :
	    NULL;
	flt.tag_kind = strcmp(form_value(f, "skill_kind"), "wants") == 0 ?
	    DIR_WANTS : DIR_OFFERS;
	flt.lang = lang[0] != '\0' ? lang : NULL;
	flt.eldership = form_value(f, "eldership")[0] != '\0' ?
	    form_value(f, "eldership") : NULL;
	for (b = 0; dir_availability[b].code != NULL; b++)
		if (strcmp(dir_availability[b].code, av) == 0)
			flt.avail = 1u << b;
	flt.mentors_only = strcmp(form_value(f, "mentors"), "yes") == 0;
	app_push(app, &screen_dir_results, &(struct dir_filter_req){
	    .filter = &flt });
	return SR_STAY;
}

static void
dir_find_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct dir_find_state *)st)->form);
	free(st);
}

const struct screen_ops screen_dir_find = {
	.name = "dir-find",
	.title_key = "directory.find.title",
	.help_key = "help.dir_find",
	.open = dir_find_open,
	.describe = dir_find_describe,
	.submit = dir_find_submit,
	.close = dir_find_close,
};
