/* The agenda's filter form: a topic tag, a language, an eldership (or
 * online), an accessibility need, an organiser's user name, free only,
 * and (members) only the events one answered going or maybe. It edits
 * the agenda's struct cal_filters and marks it changed; the agenda starts
 * again from its first page when it comes back. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/calendar.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

struct filter_state {
	struct cal_filters	*f;	/* the agenda's */
	struct form		*form;
};

static const struct {
	unsigned	 bit;
	const char	*value, *key;
} access_choices[] = {
	{ CAL_ACCESS_STEP_FREE, "step_free", "calendar.access.step_free" },
	{ CAL_ACCESS_HEARING_LOOP, "hearing_loop", "calendar.access.hearing_loop" },
	{ CAL_ACCESS_SIGN_LANGUAGE, "sign_language", "calendar.access.sign_language" },
	{ CAL_ACCESS_EASY_READ, "easy_read", "calendar.access.easy_read" },
};
#define NACCESS	(sizeof access_choices / sizeof access_choices[0])

static void
yes_no(struct field *fld, bool yes)
{
	field_add_choice(fld, "no", T("calendar.filter.no"));
	field_add_choice(fld, "yes", T("calendar.filter.yes"));
	field_set(fld, yes ? "yes" : "no");
}

static void *
filter_open(struct app *app, void *arg)
{
	struct filter_state *fs = xcalloc(1, sizeof *fs);
	struct cal_filters *f = arg;
	struct field *fld;
	size_t i;

	fs->f = f;
	fs->form = form_new(T("calendar.filter.submit"));
	fld = form_add(fs->form, "tag", FIELD_TEXT, T("calendar.filter.tag"),
	    false);
	fld->max_cp = CAL_TAG_MAX;
	if (f->tag != NULL)
		field_set(fld, f->tag);
	fld = form_add(fs->form, "lang", FIELD_CHOICE,
	    T("calendar.filter.lang"), false);
	field_add_choice(fld, "", T("calendar.filter.any"));
	for (i = 0; i < I18N_NLANGS; i++)
		field_add_choice(fld, i18n_langs[i], i18n_lang_name(i18n_langs[i]));
	field_set(fld, f->lang >= 0 ? i18n_langs[f->lang] : "");
	fld = form_add(fs->form, "eldership", FIELD_CHOICE,
	    T("calendar.filter.eldership"), false);
	field_add_choice(fld, "", T("calendar.filter.any"));
	field_add_choice(fld, "online", T("calendar.online"));
	for (i = 0; cal_elderships[i].code != NULL; i++)
		field_add_choice(fld, cal_elderships[i].code,
		    T(cal_elderships[i].key));
	field_set(fld, f->eldership != NULL ? f->eldership : "");
	fld = form_add(fs->form, "access", FIELD_CHOICE,
	    T("calendar.filter.access"), false);
	field_add_choice(fld, "", T("calendar.filter.any"));
	for (i = 0; i < NACCESS; i++) {
		field_add_choice(fld, access_choices[i].value,
		    T(access_choices[i].key));
		if (f->access == access_choices[i].bit)
			field_set(fld, access_choices[i].value);
	}
	fld = form_add(fs->form, "organiser", FIELD_TEXT,
	    T("calendar.filter.organiser"), false);
	fld->max_cp = 64;
	if (f->organiser != NULL)
		field_set(fld, f->organiser);
	yes_no(form_add(fs->form, "free", FIELD_CHOICE,
	    T("calendar.filter.free"), false), f->free_only);
	if (!app_is_guest(app))
		yes_no(form_add(fs->form, "mine", FIELD_CHOICE,
		    T("calendar.filter.mine"), false), f->mine_only);
	return fs;
}

static void
filter_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct filter_state *)st)->form;
}

static char *
text_or_null(const char *s)
{
	while (*s == ' ' || *s == '@')
		s++;
	return s[0] != '\0' ? xstrdup(s) : NULL;
}

static int
filter_submit(struct app *app, void *st, struct form *unused)
{
	struct filter_state *fs = st;
	struct cal_filters *f = fs->f;
	const char *lang = form_value(fs->form, "lang");
	const char *acc = form_value(fs->form, "access");
	char *organiser = text_or_null(form_value(fs->form, "organiser"));
	struct account who;
	int64_t organiser_id = 0;
	size_t i;

	(void)unused;
	if (organiser != NULL) {
		if (account_by_name(app->db, organiser, &who) != 0) {
			struct field *fld = form_field(fs->form, "organiser");

			free(organiser);
			field_set_error_key(fld, "calendar.filter.no_organiser");
			fs->form->focus = form_index(fs->form, fld);
			app_notice(app, fld->error);
			return SR_STAY;
		}
		organiser_id = who.id;
	}
	cal_filters_free(f);
	f->tag = text_or_null(form_value(fs->form, "tag"));
	f->lang = -1;
	for (i = 0; i < I18N_NLANGS; i++)
		if (strcmp(lang, i18n_langs[i]) == 0)
			f->lang = (int)i;
	f->eldership = text_or_null(form_value(fs->form, "eldership"));
	f->access = 0;
	for (i = 0; i < NACCESS; i++)
		if (strcmp(acc, access_choices[i].value) == 0)
			f->access = access_choices[i].bit;
	f->organiser = organiser;
	f->organiser_id = organiser_id;
	f->free_only = strcmp(form_value(fs->form, "free"), "yes") == 0;
	f->mine_only = strcmp(form_value(fs->form, "mine"), "yes") == 0;
	f->changed = true;
	return SR_POP;
}

static void
filter_close(struct app *app, void *st)
{
	struct filter_state *fs = st;

	(void)app;
	form_free(fs->form);
	free(fs);
}

const struct screen_ops screen_cal_filter = {
	.name = "cal-filter",
	.title_key = "calendar.filter.title",
	.help_key = "help.cal_filter",
	.open = filter_open,
	.describe = filter_describe,
	.submit = filter_submit,
	.close = filter_close,
};
