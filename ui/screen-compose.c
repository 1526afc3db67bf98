/* Writing: a new thread (title and text), a reply (perhaps with a quote)
 * or an edit, each with the post's language. Leaving with text written
 * asks first; a refusal (too long, too fast, locked) keeps the text. */
#include "ui/dialogs.h"
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

struct compose_state {
	struct compose_req	 req;
	struct form		*form;
	char			*initial;	/* to tell whether anything changed */
	char			*title;
};

static void *
compose_open(struct app *app, void *arg)
{
	struct compose_state *cs = xcalloc(1, sizeof *cs);
	struct field *fld;
	int i;

	(void)app;
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
	v->form = cs->form;
}

static int
compose_submit(struct app *app, void *st, struct form *unused)
{
	struct compose_state *cs = st;
	struct forum_viewer fv;
	const char *err, *body = form_value(cs->form, "body"),
	    *lang = form_value(cs->form, "lang");
	int64_t seq = 0, thread_id = 0;
	struct field *bad;

	(void)unused;
	app_viewer(app, &fv);
	switch (cs->req.kind) {
	case COMPOSE_THREAD:
		err = forum_thread_start(app->db, &fv, cs->req.board_id,
		    form_value(cs->form, "title"), body, lang, &thread_id, NULL);
		seq = 1;
		break;
	case COMPOSE_REPLY:
		err = forum_reply(app->db, &fv, cs->req.thread_id, body, lang,
		    NULL, &seq);
		break;
	default:
		err = forum_post_edit(app->db, &fv, cs->req.post_id, body, lang);
		seq = cs->req.seq;
		break;
	}
	if (err != NULL) {
		/* The text stays in the form: nothing typed is lost. */
		bad = form_field(cs->form, strstr(err, "title") != NULL ? "title" :
		    strstr(err, "lang") != NULL ? "lang" : "body");
		if (bad == NULL)
			bad = form_field(cs->form, "body");
		bad->error_arg = strstr(err, "title") != NULL ? FORUM_TITLE_MAX :
		    FORUM_BODY_MAX;
		field_set_error_key(bad, err);
		cs->form->focus = form_index(cs->form, bad);
		app_notice(app, bad->error);
		return SR_STAY;
	}
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

static const char *
discard(struct app *app, int64_t arg)
{
	(void)app;
	(void)arg;
	return "forum.discarded";
}

static int
compose_back(struct app *app, void *st)
{
	struct compose_state *cs = st;
	struct confirm_req req = { .yes = discard, .close_below = true };
	const char *title = cs->req.kind == COMPOSE_THREAD ?
	    form_value(cs->form, "title") : "";

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
	.submit = compose_submit,
	.back = compose_back,
	.close = compose_close,
};
