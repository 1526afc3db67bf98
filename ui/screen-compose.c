/* Writing: a new thread (title and text), a reply (perhaps with a quote)
 * or an edit, each with the post's language. Leaving with text written
 * asks first; a refusal (too long, too fast, locked) keeps the text.
 * What is written is kept as a draft (core/drafts.h) after a pause and
 * when the session ends, and offered back the next time the editor opens
 * at the same place; sending or discarding deletes it. */
#include "ui/dialogs.h"
#include "ui/form-draft.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct compose_state {
	struct compose_req	 req;
	struct form		*form;
	char			*initial;	/* to tell whether anything changed */
	struct form_draft	 draft;
	char			*title;
};

/* The title of a new thread; "" for the others. */
static const char *
thread_title(struct compose_state *cs)
{
	return cs->req.kind == COMPOSE_THREAD ? form_value(cs->form, "title") :
	    "";
}

static void *
compose_open(struct app *app, void *arg)
{
	struct compose_state *cs = xcalloc(1, sizeof *cs);
	struct field *fld;
	int i;

	cs->req = *(struct compose_req *)arg;
	cs->initial = xstrdup(cs->req.body != NULL ? cs->req.body : "");
	cs->req.body = NULL;
	cs->title = xstrdup(cs->req.title != NULL ? cs->req.title :
	    T(cs->req.kind == COMPOSE_THREAD ? "forum.new_thread" :
	    cs->req.kind == COMPOSE_REPLY ? "forum.reply" : "forum.edit"));
	cs->req.title = NULL;
	cs->form = form_new(T(cs->req.kind == COMPOSE_EDIT ? "forum.save" :
	    "forum.send"));
	if (cs->req.kind == COMPOSE_THREAD) {
		fld = form_add(cs->form, "title", FIELD_TEXT, T("forum.title"), true);
		fld->max_cp = FORUM_TITLE_MAX;
	}
	fld = form_add(cs->form, "body", FIELD_TEXTAREA, T("forum.body"), true);
	fld->max_cp = FORUM_BODY_MAX;
	field_set(fld, cs->initial);
	fld = form_add(cs->form, "lang", FIELD_CHOICE, T("forum.post_lang"), true);
	for (i = 0; i < I18N_NLANGS; i++)
		field_add_choice(fld, i18n_langs[i], i18n_lang_name(i18n_langs[i]));
	field_set(fld, cs->req.lang != NULL ? cs->req.lang : i18n_lang());
	form_draft_open(app, &cs->draft, cs->req.kind == COMPOSE_THREAD ?
	    DRAFT_THREAD : cs->req.kind == COMPOSE_REPLY ? DRAFT_REPLY :
	    DRAFT_EDIT, cs->req.kind == COMPOSE_THREAD ? cs->req.board_id :
	    cs->req.kind == COMPOSE_REPLY ? cs->req.thread_id : cs->req.post_id);
	return cs;
}

static void
compose_describe(struct app *app, void *st, struct view *v)
{
	struct compose_state *cs = st;
	struct field *body = form_field(cs->form, "body");

	/* Only the keys of the mode in use: the plain mode reads the text
	 * up to a line with a dot, and says so itself. */
	free(body->hint);
	body->hint = xstrdup(T(app->mode == UI_MODE_PLAIN ?
	    "forum.body_hint_plain" : "forum.body_hint_full"));
	v->title = xstrdup(cs->title);
	if (cs->draft.offering) {
		form_draft_describe(&cs->draft, v);
		return;
	}
	v->form = cs->form;
}

/* Continue (0) fills the form with the draft; discard (1) deletes it. */
static int
compose_select(struct app *app, void *st, int index)
{
	struct compose_state *cs = st;
	const struct draft *o = &cs->draft.offer;

	if (!form_draft_answer(app, &cs->draft, index))
		return SR_STAY;
	if (cs->req.kind == COMPOSE_THREAD)
		field_set(form_field(cs->form, "title"), o->title);
	field_set(form_field(cs->form, "body"), o->body);
	if (o->lang[0] != '\0')
		field_set(form_field(cs->form, "lang"), o->lang);
	cs->form->focus = cs->req.kind == COMPOSE_THREAD && o->title[0] ==
	    '\0' ? 0 : form_index(cs->form, form_field(cs->form, "body"));
	form_draft_taken(&cs->draft, thread_title(cs),
	    form_value(cs->form, "body"), form_value(cs->form, "lang"));
	return SR_STAY;
}

/* Stores the draft when the text differs from what the editor opened
 * with and from what was kept last; back to the start deletes it. */
static void
compose_keep(struct app *app, void *st)
{
	struct compose_state *cs = st;
	const char *title = thread_title(cs), *body = form_value(cs->form, "body");

	form_draft_keep(app, &cs->draft, title, body,
	    form_value(cs->form, "lang"),
	    title[0] == '\0' && strcmp(body, cs->initial) == 0);
}

static int
compose_submit(struct app *app, void *st, struct form *unused)
{
	struct compose_state *cs = st;
	const char *body = form_value(cs->form, "body"),
	    *lang = form_value(cs->form, "lang");
	int64_t seq = 0, thread_id = 0;
	struct core_error e;
	struct field *bad;

	(void)unused;
	switch (cs->req.kind) {
	case COMPOSE_THREAD:
		e = forum_thread_start(app->db, app_actor(app),
		    cs->req.board_id, form_value(cs->form, "title"), body, lang,
		    &thread_id, NULL);
		seq = 1;
		break;
	case COMPOSE_REPLY:
		e = forum_reply(app->db, app_actor(app), cs->req.thread_id,
		    body, lang, NULL, &seq);
		break;
	default:
		e = forum_post_edit(app->db, app_actor(app), cs->req.post_id,
		    body, lang);
		seq = cs->req.seq;
		break;
	}
	if (core_failed(e)) {
		/* The text stays in the form: nothing typed is lost. What is
		 * about no field of this form (locked, flood) goes under the
		 * text. */
		bad = e.field != NULL ? form_field(cs->form, e.field) : NULL;
		if (bad == NULL)
			bad = form_field(cs->form, "body");
		bad->error_arg = e.arg;
		field_set_error_key(bad, e.key);
		cs->form->focus = form_index(cs->form, bad);
		app_notice(app, bad->error);
		return SR_STAY;
	}
	form_draft_done(app, &cs->draft);
	if (cs->req.posted_seq != NULL)
		*cs->req.posted_seq = seq;
	app_notice(app, T(cs->req.kind == COMPOSE_EDIT ? "forum.saved" :
	    "forum.posted"));
	if (cs->req.kind == COMPOSE_THREAD) {
		/* The new thread takes this screen's place; cs is gone after. */
		app_replace(app, &screen_thread, &(struct thread_req){
		    .thread_id = thread_id, .seq = 1 });
		return SR_STAY;
	}
	return SR_POP;
}

/* Yes to "leave without sending?": arg is the compose screen's state,
 * which stays open under the question. */
static const char *
discard(struct app *app, int64_t arg)
{
	struct compose_state *cs = (struct compose_state *)(intptr_t)arg;

	form_draft_done(app, &cs->draft);
	return "forum.discarded";
}

static int
compose_back(struct app *app, void *st)
{
	struct compose_state *cs = st;
	struct confirm_req req = { .yes = discard, .close_below = true,
	    .arg = (int64_t)(intptr_t)cs };
	const char *title = thread_title(cs);

	if (cs->draft.offering)
		return SR_POP;		/* the draft stays for next time */
	if (strcmp(form_value(cs->form, "body"), cs->initial) == 0 &&
	    title[0] == '\0')
		return SR_POP;
	req.question = T("forum.discard_question");
	app_push(app, &screen_confirm, &req);
	return SR_STAY;
}

static void
compose_close(struct app *app, void *st)
{
	struct compose_state *cs = st;

	(void)app;
	free(cs->initial);
	form_draft_free(&cs->draft);
	free(cs->title);
	form_free(cs->form);
	free(cs);
}

const struct screen_ops screen_compose = {
	.name = "compose",
	.title_key = "forum.new_thread",
	.help_key = "help.compose_full",
	.help_key_plain = "help.compose_plain",
	.open = compose_open,
	.describe = compose_describe,
	.select = compose_select,
	.submit = compose_submit,
	.keep = compose_keep,
	.back = compose_back,
	.close = compose_close,
};
