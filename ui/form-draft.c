/* Keeping what a member writes as a draft (ui/form-draft.h). */
#include "ui/form-draft.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

void
form_draft_open(struct app *app, struct form_draft *d, enum draft_kind kind,
    int64_t place)
{
	d->kind = kind;
	d->place = place;
	if (app->acct.id > 0 && draft_get(app->db, app->acct.id, kind, place,
	    &d->offer) == 0)
		d->offering = true;
}

void
form_draft_describe(struct form_draft *d, struct view *v)
{
	char *when = i18n_when(d->offer.updated, clock_now());
	char *q = TFA("draft.offer", A_STR(when));

	view_text(v, q);
	view_item(v, T("draft.continue"), NULL, NULL);
	view_item(v, T("draft.discard"), NULL, NULL);
	free(q);
	free(when);
}

bool
form_draft_answer(struct app *app, struct form_draft *d, int index)
{
	if (!d->offering || index < 0 || index > 1)
		return false;
	d->offering = false;
	if (index == 0)
		return true;
	draft_delete(app->db, app->acct.id, d->kind, d->place);
	draft_clear(&d->offer);
	app_notice(app, T("draft.discarded"));
	return false;
}

/* "title\nbody\nlang", to compare with what was kept. */
static char *
snapshot(const char *title, const char *body, const char *lang)
{
	return xasprintf("%s\n%s\n%s", title, body, lang);
}

void
form_draft_taken(struct form_draft *d, const char *title, const char *body,
    const char *lang)
{
	free(d->kept);
	d->kept = snapshot(title, body, lang);
	draft_clear(&d->offer);
}

void
form_draft_keep(struct app *app, struct form_draft *d, const char *title,
    const char *body, const char *lang, bool empty)
{
	char *now;

	if (d->offering || d->done || app->acct.id <= 0)
		return;
	if (empty) {
		if (d->kept != NULL)
			draft_delete(app->db, app->acct.id, d->kind, d->place);
		free(d->kept);
		d->kept = NULL;
		return;
	}
	now = snapshot(title, body, lang);
	if ((d->kept != NULL && strcmp(now, d->kept) == 0) ||
	    draft_save(app->db, app->acct.id, d->kind, d->place, title, body,
	    lang) != 0) {
		free(now);
		return;
	}
	free(d->kept);
	d->kept = now;
}

void
form_draft_done(struct app *app, struct form_draft *d)
{
	d->done = true;
	if (app->acct.id > 0)
		draft_delete(app->db, app->acct.id, d->kind, d->place);
}

void
form_draft_free(struct form_draft *d)
{
	free(d->kept);
	d->kept = NULL;
	draft_clear(&d->offer);
}
