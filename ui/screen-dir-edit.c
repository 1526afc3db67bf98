/* "My profile": the form a member fills to be in the directory. Being
 * listed comes first and is off until they turn it on; then each field
 * with, right after it, who sees it (everyone, members, only my
 * mentorships; members unless chosen). Languages are typed with their
 * levels ("uk native, lt good"), skills and interests as tags with
 * commas (core folds them into the shared vocabulary); availability is
 * five yes/no questions; "at most N mentees" is asked only when they
 * mentor. Core checks it all and names the field; its words go under
 * that field and nothing typed is lost. */
#include "ui/directory-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "core/directory.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields with a visibility, in the order of enum dir_field: the id of
 * the field and the one of its visibility after it. */
static const struct {
	const char	*id, *vis_id, *label_key;
} vis_fields[DIR_NFIELDS] = {
	{ "bio", "vis_bio", "directory.field.bio" },
	{ "eldership", "vis_eldership", "directory.field.eldership" },
	{ "languages", "vis_languages", "directory.field.languages" },
	{ "offers", "vis_offers", "directory.field.offers" },
	{ "wants", "vis_wants", "directory.field.wants" },
	{ "interests", "vis_interests", "directory.field.interests" },
	{ NULL, "vis_avail", "directory.field.avail" },
};

/* The availability questions, by bit: their ids and labels (the codes'
 * own words are lower case, for lists and reasons). */
static const char *const avail_ids[] = { "av_weekdays", "av_evenings",
	"av_weekends", "av_online", "av_in_person" };
static const char *const avail_keys[] = { "directory.edit.av_weekdays",
	"directory.edit.av_evenings", "directory.edit.av_weekends",
	"directory.edit.av_online", "directory.edit.av_in_person" };

struct dir_edit_state {
	struct form	*form;
};

static void
yes_no(struct field *fld, bool yes)
{
	field_add_choice(fld, "no", T("directory.no"));
	field_add_choice(fld, "yes", T("directory.yes"));
	field_set(fld, yes ? "yes" : "no");
}

static bool
is_yes(const struct form *f, const char *id)
{
	return strcmp(form_value(f, id), "yes") == 0;
}

static bool
mentors_shown(const struct form *f, void *arg)
{
	(void)arg;
	return is_yes(f, "mentors");
}

static void
add_vis(struct form *f, enum dir_field which, enum dir_vis vis)
{
	char *label = TFA("directory.vis.of", A_STR(T(vis_fields[which].label_key)));
	struct field *fld = form_add(f, vis_fields[which].vis_id, FIELD_CHOICE,
	    label, true);
	int i;

	for (i = 0; dir_visibilities[i].code != NULL; i++)
		field_add_choice(fld, dir_visibilities[i].code,
		    T(dir_visibilities[i].key));
	field_set(fld, dir_visibilities[vis].code);
	free(label);
}

static struct field *
add_text(struct form *f, enum dir_field which, int max_cp, const char *hint_key,
    char *value)
{
	struct field *fld = form_add(f, vis_fields[which].id, FIELD_TEXT,
	    T(vis_fields[which].label_key), false);

	fld->max_cp = max_cp;
	if (hint_key != NULL)
		fld->hint = xstrdup(T(hint_key));
	field_set(fld, value);
	free(value);
	return fld;
}

static char *
tags_typed(const struct dir_profile *p, enum dir_tag_kind k)
{
	return dir_tags_text(p->tags[k], p->ntags[k]);
}

static void
dir_edit_build(struct app *app, struct dir_edit_state *es)
{
	struct dir_profile p = { 0 };
	struct dir_profile_input def = dir_profile_input_default();
	struct form *f = form_new(T("directory.edit.save"));
	struct field *fld;
	int i;

	if (core_failed(directory_profile_get(app->db, app_actor(app),
	    app->acct.id, &p))) {
		memset(&p, 0, sizeof p);
		memcpy(p.vis, def.vis, sizeof p.vis);
		p.max_mentees = 1;
	}
	fld = form_add(f, "listed", FIELD_CHOICE, T("directory.field.listed"),
	    true);
	fld->hint = xstrdup(T("directory.edit.listed_hint"));
	yes_no(fld, p.listed);
	add_text(f, DIR_F_BIO, DIR_BIO_MAX, NULL, xstrdup(p.bio));
	add_vis(f, DIR_F_BIO, p.vis[DIR_F_BIO]);
	fld = form_add(f, "eldership", FIELD_CHOICE,
	    T("directory.field.eldership"), false);
	field_add_choice(fld, "", T("directory.eldership.none"));
	for (i = 0; cal_elderships[i].code != NULL; i++)
		field_add_choice(fld, cal_elderships[i].code,
		    T(cal_elderships[i].key));
	field_add_choice(fld, DIR_OUTSIDE, T(dir_outside_key));
	field_set(fld, p.eldership);
	add_vis(f, DIR_F_ELDERSHIP, p.vis[DIR_F_ELDERSHIP]);
	add_text(f, DIR_F_LANGUAGES, 0, "directory.edit.languages_hint",
	    dir_langs_typed(p.langs, p.nlangs));
	add_vis(f, DIR_F_LANGUAGES, p.vis[DIR_F_LANGUAGES]);
	add_text(f, DIR_F_OFFERS, 0, "directory.edit.tags_hint",
	    tags_typed(&p, DIR_OFFERS));
	add_vis(f, DIR_F_OFFERS, p.vis[DIR_F_OFFERS]);
	add_text(f, DIR_F_WANTS, 0, NULL, tags_typed(&p, DIR_WANTS));
	add_vis(f, DIR_F_WANTS, p.vis[DIR_F_WANTS]);
	add_text(f, DIR_F_INTERESTS, 0, NULL, tags_typed(&p, DIR_INTERESTS));
	add_vis(f, DIR_F_INTERESTS, p.vis[DIR_F_INTERESTS]);
	for (i = 0; dir_availability[i].code != NULL; i++) {
		fld = form_add(f, avail_ids[i], FIELD_CHOICE, T(avail_keys[i]),
		    true);
		if (i == 0)
			fld->hint = xstrdup(T("directory.edit.avail_hint"));
		yes_no(fld, (p.avail & (1u << i)) != 0);
	}
	add_vis(f, DIR_F_AVAIL, p.vis[DIR_F_AVAIL]);
	fld = form_add(f, "mentors", FIELD_CHOICE, T("directory.field.mentors"),
	    true);
	yes_no(fld, p.mentors);
	fld = form_add(f, "max_mentees", FIELD_NUMBER,
	    T("directory.field.max_mentees"), true);
	fld->min = 1;
	fld->max = DIR_MENTEES_MAX;
	fld->shown = mentors_shown;
	{
		char n[16];

		snprintf(n, sizeof n, "%d", p.max_mentees > 0 ?
		    p.max_mentees : 1);
		field_set(fld, n);
	}
	es->form = f;
}

static void *
dir_edit_open(struct app *app, void *arg)
{
	struct dir_edit_state *es = xcalloc(1, sizeof *es);

	(void)arg;
	dir_edit_build(app, es);
	return es;
}

static void
dir_edit_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct dir_edit_state *)st)->form;
}

/* Says key under field id and focuses it. */
static void
refuse(struct app *app, struct form *f, const char *id, const char *key,
    double arg)
{
	struct field *bad = id != NULL ? form_field(f, id) : NULL;

	if (bad == NULL)
		bad = form_field(f, "listed");
	bad->error_arg = arg;
	field_set_error_key(bad, key);
	f->focus = form_index(f, bad);
	app_notice(app, bad->error);
}

static int
dir_edit_submit(struct app *app, void *st, struct form *unused)
{
	struct form *f = ((struct dir_edit_state *)st)->form;
	struct dir_profile_input in = dir_profile_input_default();
	struct dir_lang langs[DIR_LANGS_MAX];
	char *tags[DIR_NKINDS][DIR_TAGS_MAX + 1] = { { 0 } };
	int ntags[DIR_NKINDS], i, k, rc = SR_STAY;
	struct core_error e;

	(void)unused;
	if (dir_langs_parse(form_value(f, "languages"), langs, DIR_LANGS_MAX,
	    &in.nlangs) != 0) {
		refuse(app, f, "languages", "error.directory.language",
		    DIR_LANGS_MAX);
		return SR_STAY;
	}
	for (k = 0; k < DIR_NKINDS; k++) {
		ntags[k] = dir_split_tags(form_value(f, vis_fields[DIR_F_OFFERS
		    + k].id), tags[k], DIR_TAGS_MAX + 1);
		if (ntags[k] < 0) {
			refuse(app, f, vis_fields[DIR_F_OFFERS + k].id,
			    "error.directory.tags", DIR_TAGS_MAX);
			goto out;
		}
		in.tags[k] = (const char *const *)tags[k];
		in.ntags[k] = ntags[k];
	}
	in.listed = is_yes(f, "listed");
	in.bio = form_value(f, "bio");
	in.eldership = form_value(f, "eldership");
	in.langs = langs;
	for (i = 0; dir_availability[i].code != NULL; i++)
		if (is_yes(f, avail_ids[i]))
			in.avail |= 1u << i;
	in.mentors = is_yes(f, "mentors");
	in.max_mentees = in.mentors ? atoi(form_value(f, "max_mentees")) : 0;
	for (i = 0; i < DIR_NFIELDS; i++) {
		const char *code = form_value(f, vis_fields[i].vis_id);

		for (k = 0; dir_visibilities[k].code != NULL; k++)
			if (strcmp(dir_visibilities[k].code, code) == 0)
				in.vis[i] = (enum dir_vis)k;
	}
	e = directory_profile_save(app->db, app_actor(app), &in);
	if (core_failed(e))
		refuse(app, f, e.field, e.key, e.arg);
	else {
		app_notice(app, T("directory.edit.saved"));
		rc = SR_POP;
	}
out:
	for (k = 0; k < DIR_NKINDS; k++)
		for (i = 0; i <= DIR_TAGS_MAX; i++)
			free(tags[k][i]);
	return rc;
}

static void
dir_edit_close(struct app *app, void *st)
{
	(void)app;
	form_free(((struct dir_edit_state *)st)->form);
	free(st);
}

const struct screen_ops screen_dir_edit = {
	.name = "dir-edit",
	.title_key = "directory.edit.title",
	.help_key = "help.dir_edit",
	.open = dir_edit_open,
	.describe = dir_edit_describe,
	.submit = dir_edit_submit,
	.close = dir_edit_close,
};
