/* The people a filter found (or everyone listed), in the reader's
 * collation (core sorts): each with their eldership and mentoring offer,
 * and under the name the languages and the first skills they offer, as
 * far as the viewer may see them. Enter opens the profile. */
#include "ui/directory-ui.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/directory.h"
#include "i18n/i18n.h"
#include "i18n/langname.h"

#include <stdlib.h>
#include <string.h>

#define DIR_RESULTS_PAGE	6
#define DIR_TOP_SKILLS		3

struct dir_results_state {
	struct list_state	 ls;
	struct dir_filter	 f;	/* its strings are the copies below */
	char			*query, *lang, *eldership;
	struct dir_person_list	 list;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
dir_results_init(struct app *app, void *st, void *arg)
{
	struct dir_results_state *rs = st;
	const struct dir_filter *f = ((struct dir_filter_req *)arg)->filter;

	(void)app;
	rs->f = *f;
	rs->f.query = rs->query = dup_or_null(f->query);
	rs->f.lang = rs->lang = dup_or_null(f->lang);
	rs->f.eldership = rs->eldership = dup_or_null(f->eldership);
}

static int
dir_results_load(struct app *app, void *st, int offset, int limit,
    bool *more)
{
	struct dir_results_state *rs = st;

	dir_person_list_free(&rs->list);
	if (directory_find(app->db, app_actor(app), &rs->f, offset, limit,
	    &rs->list) != 0)
		return -1;
	*more = rs->list.more;
	return (int)rs->list.n;
}

static void
dir_results_clear(void *st)
{
	struct dir_results_state *rs = st;

	dir_person_list_free(&rs->list);
	free(rs->query);
	free(rs->lang);
	free(rs->eldership);
}

/* "Šančiai, mentors: 2 places free" */
static char *
person_status(const struct dir_person *p)
{
	struct strbuf sb = { 0 };
	char *eld = dir_eldership_text(p->eldership), *m;

	sb_puts(&sb, eld);
	free(eld);
	if (p->mentors) {
		m = TFA("directory.person.mentors", A_NUM(p->max_mentees -
		    p->active_mentees));
		sb_printf(&sb, "%s%s", sb.s != NULL && sb.s[0] != '\0' ? ", " :
		    "", m);
		free(m);
	}
	return sb.s != NULL && sb.s[0] != '\0' ? sb_take(&sb) :
	    (sb_free(&sb), NULL);
}

/* The languages' names and the first skills offered, when shown. */
static char *
person_body(struct app *app, int64_t id)
{
	struct dir_profile *p = xcalloc(1, sizeof *p);
	struct strbuf sb = { 0 };
	int i, n;

	if (core_failed(directory_profile_get(app->db, app_actor(app), id, p))) {
		free(p);
		return NULL;
	}
	if (p->shown & DIR_FIELD_BIT(DIR_F_LANGUAGES))
		for (i = 0; i < p->nlangs; i++) {
			char *name = i18n_language_name(p->langs[i].code);

			sb_printf(&sb, "%s%s", i > 0 ? ", " : "", name != NULL ?
			    name : p->langs[i].code);
			free(name);
		}
	if ((p->shown & DIR_FIELD_BIT(DIR_F_OFFERS)) && p->ntags[DIR_OFFERS] > 0) {
		n = p->ntags[DIR_OFFERS] < DIR_TOP_SKILLS ?
		    p->ntags[DIR_OFFERS] : DIR_TOP_SKILLS;
		char *tags = dir_tags_text(p->tags[DIR_OFFERS], n);
		char *s = TFA("directory.person.offers", A_STR(tags));

		sb_printf(&sb, "%s%s", sb.s != NULL ? "; " : "", s);
		free(s);
		free(tags);
	}
	free(p);
	return sb.s != NULL ? sb_take(&sb) : NULL;
}

static void
dir_results_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct dir_person *p = &((struct dir_results_state *)st)->list.v[i];

	r->label = xstrdup(p->display);
	r->status = person_status(p);
	r->body = person_body(app, p->account_id);
	r->name = xstrdup(p->display);
}

static int64_t
dir_results_row_id(void *st, int i)
{
	return ((struct dir_results_state *)st)->list.v[i].account_id;
}

static int
dir_results_enter(struct app *app, void *st, int i)
{
	dir_open_profile(app, ((struct dir_results_state *)st)->list.v[i].account_id);
	return SR_STAY;
}

static const struct list_screen dir_results = {
	.size = sizeof(struct dir_results_state),
	.page = DIR_RESULTS_PAGE,
	.empty_key = "directory.find.none",
	.position = true,
	.init = dir_results_init,
	.load = dir_results_load,
	.clear = dir_results_clear,
	.row = dir_results_row,
	.row_id = dir_results_row_id,
	.enter = dir_results_enter,
};

static void *
dir_results_open(struct app *app, void *arg)
{
	return list_screen_open(app, &dir_results, arg);
}

const struct screen_ops screen_dir_results = {
	.name = "dir-results",
	.title_key = "directory.results.title",
	.help_key = "help.dir_results",
	.open = dir_results_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.page = list_screen_page,
	.resume = list_screen_resume,
	.close = list_screen_close,
};
