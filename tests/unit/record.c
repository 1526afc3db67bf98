/* The recording renderer of tests/unit/record.h: the app presents to it,
 * it stores the view, lets the real renderer draw it when asked (and keeps
 * the picture), and answers with the script's next event. */
#include "tests/unit/record.h"

#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/demo.h"
#include "forms/form.h"
#include "i18n/i18n.h"
#include "ui/render-capture.h"
#include "ui/view.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#define REC_ROWS	24
#define REC_COLS	80

/* The session being run: a renderer has only the app to go by. */
static struct rec *running;

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
rec_start(struct app *app)
{
	struct rec *r = running;

	assert_non_null(r);
	if (!r->draw)
		return 0;
	r->inner = app->mode == UI_MODE_FULL ? &render_full : &render_line;
	assert_int_equal(r->inner->start(app), 0);
	if (r->inner == &render_full)
		capture_resize(REC_ROWS, REC_COLS);
	return 0;
}

static void
rec_stop(struct app *app)
{
	struct rec *r = running;

	if (r->inner != NULL)
		r->inner->stop(app);
	r->inner = NULL;
}

/* Everything the line mode wrote since the last look. */
static char *
drain(struct rec *r)
{
	struct strbuf sb = { 0 };
	char buf[4096];
	ssize_t n;

	while ((n = read(r->out_r, buf, sizeof buf)) > 0)
		sb_add(&sb, buf, (size_t)n);
	return sb_take(&sb);
}

/* The real renderer draws v once: its input is at its end, so it returns
 * (with a hang-up, which is dropped) as soon as it has drawn. */
static char *
draw(struct rec *r, const char *title, struct view *v, int *focus)
{
	struct ui_event ignored = { .type = EV_REDRAW };

	r->inner->present(&r->app, title, v, focus, 60 * 1000, &ignored);
	assert_int_equal(ignored.type, EV_HANGUP);
	return r->inner == &render_full ? capture_screen() : drain(r);
}

static void
record(struct rec *r, const char *title, const struct view *v, int focus,
    char *picture)
{
	struct rec_view *rv;
	int i;

	r->views = xrealloc(r->views, sizeof *r->views * (size_t)(r->nviews + 1));
	rv = &r->views[r->nviews++];
	memset(rv, 0, sizeof *rv);
	rv->screen = r->app.stack[r->app.depth - 1].ops->name;
	rv->title = xstrdup(title);
	rv->text = dup_or_null(v->text);
	rv->notice = dup_or_null(r->app.notice);
	rv->focus = focus;
	rv->picture = picture;
	rv->nitems = v->nitems;
	rv->items = xcalloc((size_t)v->nitems + 1, sizeof *rv->items);
	for (i = 0; i < v->nitems; i++) {
		rv->items[i].label = dup_or_null(v->items[i].label);
		rv->items[i].status = dup_or_null(v->items[i].status);
		rv->items[i].body = dup_or_null(v->items[i].body);
	}
	rv->keys = xcalloc((size_t)v->nactions + 1, 1);
	rv->action_labels = xcalloc((size_t)v->nactions + 1, sizeof(char *));
	for (i = 0; i < v->nactions; i++) {
		rv->keys[i] = (char)v->actions[i].key;
		rv->action_labels[i] = xstrdup(v->actions[i].label);
	}
	if (v->form == NULL)
		return;
	rv->nfields = v->form->nfields;
	rv->fields = xcalloc((size_t)rv->nfields + 1, sizeof *rv->fields);
	for (i = 0; i < rv->nfields; i++) {
		const struct field *fld = v->form->fields[i];

		rv->fields[i].id = xstrdup(fld->id);
		rv->fields[i].value = xstrdup(fld->value);
		rv->fields[i].error = dup_or_null(fld->error);
	}
}

/* The first item of v whose label holds s, or -1. */
static int
item_with(const struct view *v, const char *s)
{
	int i;

	for (i = 0; i < v->nitems; i++)
		if (v->items[i].label != NULL && strstr(v->items[i].label, s) != NULL)
			return i;
	return -1;
}

/* A submit: the script's values go in, then the form is checked as the
 * renderers check it before they hand EV_SUBMIT to the screen. */
static enum ev_type
fill(const struct rec_step *s, struct form *f)
{
	int i;

	assert_non_null(f);
	for (i = 0; i < REC_FILL_MAX && s->fill[i] != NULL; i++) {
		const char *eq = strchr(s->fill[i], '=');
		char *id;
		struct field *fld;

		assert_non_null(eq);
		id = xstrndup(s->fill[i], (size_t)(eq - s->fill[i]));
		fld = form_field(f, id);
		if (fld == NULL)
			fail_msg("no field %s on this form", id);
		free(id);
		field_set(fld, eq + 1);
	}
	return form_validate(f) ? EV_SUBMIT : EV_REDRAW;
}

static void
rec_present(struct app *app, const char *title, struct view *v, int *focus,
    int timeout_ms, struct ui_event *ev)
{
	struct rec *r = running;
	const char *top = app->stack[app->depth - 1].ops->name;
	const struct rec_step *s;

	(void)timeout_ms;
	record(r, title, v, *focus, r->inner != NULL ? draw(r, title, v, focus) :
	    NULL);
	memset(ev, 0, sizeof *ev);
	if (r->next == r->nsteps) {
		ev->type = EV_HANGUP;
		return;
	}
	s = &r->script[r->next++];
	if (s->screen != NULL && strcmp(s->screen, top) != 0)
		fail_msg("step %d expects screen %s, %s is on top", r->next,
		    s->screen, top);
	if (s->focus_on != NULL && (*focus = item_with(v, s->focus_on)) < 0)
		fail_msg("step %d: no item with %s on %s", r->next, s->focus_on,
		    top);
	ev->type = s->type;
	ev->index = s->focus_on != NULL && s->type == EV_SELECT ? *focus :
	    s->index;
	ev->key = s->key;
	if (s->item != NULL) {
		ev->type = EV_SELECT;
		if ((ev->index = item_with(v, T(s->item))) < 0)
			fail_msg("step %d: no item %s on %s", r->next, s->item,
			    top);
	}
	if (s->type == EV_SUBMIT)
		ev->type = fill(s, v->form);
}

static const struct renderer render_record = {
	.start = rec_start,
	.stop = rec_stop,
	.present = rec_present,
};

void
rec_open(struct rec *r, struct db *db, const char *name, const char *lang,
    enum ui_mode mode, enum rec_draw draw)
{
	int in[2], out[2];

	memset(r, 0, sizeof *r);
	config_defaults(&r->cfg);
	/* Input at its end: the real renderers draw and return. */
	assert_int_equal(pipe(in), 0);
	close(in[1]);
	if (mode == UI_MODE_PLAIN) {
		assert_int_equal(pipe2(out, O_CLOEXEC), 0);
		/* Room for a long page: nothing reads while it is written. */
		fcntl(out[1], F_SETPIPE_SZ, 1 << 20);
		fcntl(out[0], F_SETFL, O_NONBLOCK);
		r->out_r = out[0];
		r->p.out_fd = out[1];
	} else {
		r->out_r = -1;
		r->p.out_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		assert_true(r->p.out_fd >= 0);
	}
	r->p.in_fd = in[0];
	r->p.cfg = &r->cfg;
	r->p.term = mode == UI_MODE_FULL ? "xterm-256color" : "dumb";
	r->p.cols = REC_COLS;
	r->p.rows = REC_ROWS;
	r->p.lang = lang;
	r->p.plain = mode == UI_MODE_PLAIN;
	r->p.utf8 = 1;
	r->draw = draw == REC_DRAW;
	r->app.p = &r->p;
	r->app.cfg = &r->cfg;
	r->app.db = db;
	r->app.mode = mode;
	r->app.plain_only = mode == UI_MODE_PLAIN;
	r->app.idle_seconds = config_idle_seconds(&r->cfg, name == NULL);
	assert_int_equal(i18n_set_lang(lang), 0);
	if (name == NULL || name[0] == '\0') {
		r->app.who = name == NULL ? UI_GUEST : UI_REGISTER;
		r->p.who = r->app.who;
		r->app.actor = actor_guest(i18n_lang());
	} else {
		assert_int_equal(account_by_name(db, name, &r->app.acct), 0);
		r->app.who = r->p.who = UI_MEMBER;
		r->p.account_id = r->app.acct.id;
		r->app.acct.mode = mode;
		r->app.actor = actor_account(&r->app.acct, i18n_lang(),
		    r->cfg.posts_per_minute);
	}
	running = r;
	r->app.r = &render_record;
	r->app.r->start(&r->app);
}

void
rec_run(struct rec *r, const struct screen_ops *first, void *arg,
    bool over_menu, const struct rec_step *script, int nsteps)
{
	assert_ptr_equal(running, r);
	r->script = script;
	r->nsteps = nsteps;
	r->next = 0;
	r->app.quit = false;
	if (over_menu)
		app_push(&r->app, &screen_menu, NULL);
	app_push(&r->app, first, arg);
	app_run(&r->app);
	if (r->next != r->nsteps)
		fail_msg("the session ended after %d of %d steps", r->next,
		    r->nsteps);
	app_end(&r->app);
}

static void
view_free(struct rec_view *rv)
{
	int i;

	free(rv->title);
	free(rv->text);
	free(rv->notice);
	free(rv->picture);
	for (i = 0; i < rv->nitems; i++) {
		free(rv->items[i].label);
		free(rv->items[i].status);
		free(rv->items[i].body);
	}
	free(rv->items);
	for (i = 0; rv->keys[i] != '\0'; i++)
		free(rv->action_labels[i]);
	free(rv->keys);
	free(rv->action_labels);
	for (i = 0; i < rv->nfields; i++) {
		free(rv->fields[i].id);
		free(rv->fields[i].value);
		free(rv->fields[i].error);
	}
	free(rv->fields);
}

void
rec_close(struct rec *r)
{
	int i;

	app_end(&r->app);
	r->app.r->stop(&r->app);
	for (i = 0; i < r->nviews; i++)
		view_free(&r->views[i]);
	free(r->views);
	free(r->app.notice);
	close(r->p.in_fd);
	close(r->p.out_fd);
	if (r->out_r >= 0)
		close(r->out_r);
	config_free(&r->cfg);
	running = NULL;
}

const struct rec_view *
rec_last(const struct rec *r)
{
	assert_true(r->nviews > 0);
	return &r->views[r->nviews - 1];
}

int
rec_find_item(const struct rec_view *v, const char *s)
{
	int i;

	for (i = 0; i < v->nitems; i++)
		if (v->items[i].label != NULL && strstr(v->items[i].label, s) != NULL)
			return i;
	return -1;
}

bool
rec_has_action(const struct rec_view *v, int key)
{
	return strchr(v->keys, key) != NULL && key != '\0';
}

const struct rec_field *
rec_field(const struct rec_view *v, const char *id)
{
	int i;

	for (i = 0; i < v->nfields; i++)
		if (strcmp(v->fields[i].id, id) == 0)
			return &v->fields[i];
	return NULL;
}

void
rec_demo(struct db *db)
{
	FILE *null = fopen("/dev/null", "w");

	assert_non_null(null);
	clock_fix(REC_CLOCK);
	assert_int_equal(demo_fill(db, null), 0);
	fclose(null);
}

void
rec_demo_copy(const char *path, struct tdb *t)
{
	char err[256], buf[65536];
	FILE *in, *out;
	size_t n;

	snprintf(t->dir, sizeof t->dir, "/tmp/tinklas-test-copy-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	t->path = xasprintf("%s/tinklas.db", t->dir);
	assert_non_null(in = fopen(path, "rb"));
	assert_non_null(out = fopen(t->path, "wb"));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(db_open(t->path, &t->db, err, sizeof err), 0);
}
