/* Search: words (case and accents do not matter), optionally one board, an
 * author and a language; the results open at the post found. */
#include "ui/forum-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HITS_PAGE 8
#define TITLE_WORDS_MAX 40	/* columns of the search words in the title */

struct search_state {
	struct form		*form;
	struct forum_board_list	 boards;
};

static void *
search_open(struct app *app, void *arg)
{
	struct search_state *ss = xcalloc(1, sizeof *ss);
	struct field *fld;
	char id[32];
	size_t i;
	int l;

	forum_boards(app->db, app_actor(app), &ss->boards);
	ss->form = form_new(T("search.submit"));
	ss->form->quick = true;
	fld = form_add(ss->form, "words", FIELD_TEXT, T("search.words"), true);
	fld->max_cp = 200;
	fld->hint = xasprintf("%s %s", T("search.words_hint"),
	    T("search.words_hint_more"));
	fld = form_add(ss->form, "board", FIELD_CHOICE, T("search.board"), true);
	field_add_choice(fld, "0", T("search.any_board"));
	for (i = 0; i < ss->boards.n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)ss->boards.v[i].id);
		field_add_choice(fld, id, ss->boards.v[i].title);
		/* Opened from a forum's threads (arg: its id): that forum. */
		if (arg != NULL && ss->boards.v[i].id == *(const int64_t *)arg)
			field_choose(fld, (int)i + 1);
	}
	fld = form_add(ss->form, "author", FIELD_TEXT, T("search.author"), false);
	fld->max_cp = 32;
	fld = form_add(ss->form, "lang", FIELD_CHOICE, T("search.lang"), false);
	field_add_choice(fld, "", T("search.any_lang"));
	for (l = 0; l < I18N_NLANGS; l++)
		field_add_choice(fld, i18n_langs[l], i18n_lang_name(i18n_langs[l]));
	return ss;
}

static void
search_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = ((struct search_state *)st)->form;
}

static int
search_submit(struct app *app, void *st, struct form *unused)
{
	struct search_state *ss = st;
	struct forum_search_query q = {
		.words = form_value(ss->form, "words"),
		.board_id = strtoll(form_value(ss->form, "board"), NULL, 10),
		.author = form_value(ss->form, "author"),
		.lang = form_value(ss->form, "lang"),
		.limit = HITS_PAGE,
	};

	(void)unused;
	app_push(app, &screen_hits, &q);
	return SR_STAY;
}

static void
search_close(struct app *app, void *st)
{
	struct search_state *ss = st;

	(void)app;
	form_free(ss->form);
	forum_board_list_free(&ss->boards);
	free(ss);
}

const struct screen_ops screen_search = {
	.name = "search",
	.title_key = "search.title",
	.help_key = "help.search",
	.open = search_open,
	.describe = search_describe,
	.submit = search_submit,
	.close = search_close,
};

/* The results, a page at a time, each with a snippet around the match. */

struct hits_state {
	char			*words, *author, *lang;
	struct forum_search_query q;
	struct forum_hit_list	 list;
};

static void
hits_load(struct app *app, struct hits_state *hs)
{
	forum_hit_list_free(&hs->list);
	if (forum_search(app->db, app_actor(app), &hs->q, &hs->list) != 0)
		app_notice(app, T("error.internal"));
}

static void *
hits_open(struct app *app, void *arg)
{
	struct hits_state *hs = xcalloc(1, sizeof *hs);

	hs->q = *(struct forum_search_query *)arg;
	hs->q.words = hs->words = xstrdup(hs->q.words);
	hs->q.author = hs->author = xstrdup(hs->q.author != NULL ? hs->q.author : "");
	hs->q.lang = hs->lang = xstrdup(hs->q.lang != NULL ? hs->q.lang : "");
	hits_load(app, hs);
	return hs;
}

static void
hits_describe(struct app *app, void *st, struct view *v)
{
	struct hits_state *hs = st;
	size_t i;
	char *s, *clean;
	int m;

	/* What was typed goes into the title bar: one clean line (F8). */
	clean = sanitize(hs->words, strlen(hs->words), SANITIZE_LINE,
	    TITLE_WORDS_MAX, TITLE_WORDS_MAX);
	s = TFA("search.results_for", A_STR(clean));
	free(clean);
	v->title = s;
	if (hs->list.n == 0)
		view_text(v, T("search.none"));
	for (i = 0; i < hs->list.n; i++) {
		const struct forum_hit *h = &hs->list.v[i];
		char *when = i18n_when(h->created, (int64_t)time(NULL));
		char *who = forum_author_label(h->author_display,
		    h->author_name, h->author_role);
		char *label = xasprintf("%s (%s, %s)", h->thread_title, who,
		    when);

		view_item(v, label, NULL, NULL);
		view_body(v, h->snippet);
		for (m = 0; m < h->nmarks; m++)
			view_mark(v, h->marks[m].off, h->marks[m].len);
		free(who);
		free(label);
		free(when);
	}
	(void)app;
	v->more_before = hs->q.offset > 0;
	v->more_after = hs->list.more;
}

static int
hits_select(struct app *app, void *st, int index)
{
	struct hits_state *hs = st;

	if (index < 0 || (size_t)index >= hs->list.n)
		return SR_STAY;
	forum_open_thread(app, hs->list.v[index].thread_id, hs->list.v[index].seq);
	return SR_STAY;
}

static int
hits_page(struct app *app, void *st, int dir)
{
	struct hits_state *hs = st;

	hs->q.offset += dir * HITS_PAGE;
	if (hs->q.offset < 0)
		hs->q.offset = 0;
	hits_load(app, hs);
	app->stack[app->depth - 1].focus = 0;
	return SR_STAY;
}

static void
hits_close(struct app *app, void *st)
{
	struct hits_state *hs = st;

	(void)app;
	forum_hit_list_free(&hs->list);
	free(hs->words);
	free(hs->author);
	free(hs->lang);
	free(hs);
}

const struct screen_ops screen_hits = {
	.name = "hits",
	.title_key = "search.title",
	.help_key = "help.hits",
	.open = hits_open,
	.describe = hits_describe,
	.select = hits_select,
	.page = hits_page,
	.close = hits_close,
};
