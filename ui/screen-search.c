/* Search: words (case and accents do not matter), optionally one board, an
 * author and a language; the results open at the post found. */
#include "ui/forum-ui.h"
#include "ui/list-screen.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "core/forums.h"
#include "core/sanitize.h"
#include "forms/form.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	struct list_state	 ls;
	char			*words, *author, *lang;
	struct forum_search_query q;
	struct forum_hit_list	 list;
};

static void
hits_init(struct app *app, void *st, void *arg)
{
	struct hits_state *hs = st;

	(void)app;
	hs->q = *(struct forum_search_query *)arg;
	hs->q.words = hs->words = xstrdup(hs->q.words);
	hs->q.author = hs->author = xstrdup(hs->q.author != NULL ? hs->q.author : "");
	hs->q.lang = hs->lang = xstrdup(hs->q.lang != NULL ? hs->q.lang : "");
}

static int
hits_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct hits_state *hs = st;

	forum_hit_list_free(&hs->list);
	hs->q.offset = offset;
	hs->q.limit = limit;
	if (forum_search(app->db, app_actor(app), &hs->q, &hs->list) != 0)
		return -1;
	*more = hs->list.more;
	return (int)hs->list.n;
}

static void
hits_clear(void *st)
{
	struct hits_state *hs = st;

	forum_hit_list_free(&hs->list);
	free(hs->words);
	free(hs->author);
	free(hs->lang);
}

/* What was typed goes into the title bar: one clean line (F8). */
static void
hits_head(struct app *app, void *st, struct view *v)
{
	struct hits_state *hs = st;
	char *clean;

	(void)app;
	clean = sanitize(hs->words, strlen(hs->words), SANITIZE_LINE,
	    TITLE_WORDS_MAX, TITLE_WORDS_MAX);
	v->title = TFA("search.results_for", A_STR(clean));
	free(clean);
}

static void
hits_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct forum_hit *h = &((struct hits_state *)st)->list.v[i];
	char *when = i18n_when(h->created, clock_now());
	char *who = person_label(h->author_display,
	    h->author_name, h->author_role);
	int m;

	(void)app;
	r->label = xasprintf("%s (%s, %s)", h->thread_title, who, when);
	r->body = xstrdup(h->snippet);
	r->quotes = true;
	for (m = 0; m < h->nmarks && m < VIEW_MARKS_MAX; m++) {
		r->marks[m].off = h->marks[m].off;
		r->marks[m].len = h->marks[m].len;
	}
	r->nmarks = m;
	free(who);
	free(when);
}

static int
hits_enter(struct app *app, void *st, int i)
{
	const struct forum_hit *h = &((struct hits_state *)st)->list.v[i];

	forum_open_thread(app, h->thread_id, h->seq);
	return SR_STAY;
}

static const struct list_screen hits_list = {
	.unit_key = "key.posts",
	.size = sizeof(struct hits_state),
	.page = HITS_PAGE,
	.empty_key = "search.none",
	.init = hits_init,
	.load = hits_load,
	.clear = hits_clear,
	.head = hits_head,
	.row = hits_row,
	.enter = hits_enter,
};

static void *
hits_open(struct app *app, void *arg)
{
	return list_screen_open(app, &hits_list, arg);
}

/* Read once: coming back from a thread shows the same results. */
const struct screen_ops screen_hits = {
	.name = "hits",
	.title_key = "search.title",
	.help_key = "help.hits",
	.open = hits_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.page = list_screen_page,
	.close = list_screen_close,
};
