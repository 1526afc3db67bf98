/* Pick one of a few options (language, theme, ...): the current one is
 * focused and marked; Enter applies and goes back. */
#include "ui/dialogs.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>

struct choice_state {
	struct choice_req	 req;		/* its arrays are the copies */
	char			**labels;	/* copies of the labels */
};

void
choice_add(struct choice_req *req, const char *label, int64_t value)
{
	assert(req->n <= req->cap);
	if (req->n == req->cap) {
		req->cap = req->cap == 0 ? 8 : req->cap * 2;
		assert(req->cap > req->n);
		req->labels = xreallocarray(req->labels, (size_t)req->cap,
		    sizeof *req->labels);
		req->values = xreallocarray(req->values, (size_t)req->cap,
		    sizeof *req->values);
	}
	req->labels[req->n] = label;
	req->values[req->n] = value;
	req->n++;
}

void
choice_req_free(struct choice_req *req)
{
	free(req->labels);
	free(req->values);
	req->labels = NULL;
	req->values = NULL;
	req->n = req->cap = 0;
}

static void *
choice_open(struct app *app, void *arg)
{
	const struct choice_req *req = arg;
	struct choice_state *cs = xcalloc(1, sizeof *cs);
	int i;

	cs->req = *req;
	cs->req.cap = req->n;
	cs->labels = xreallocarray(NULL, (size_t)req->n, sizeof *cs->labels);
	cs->req.values = xreallocarray(NULL, (size_t)req->n,
	    sizeof *cs->req.values);
	for (i = 0; i < req->n; i++) {
		cs->labels[i] = xstrdup(req->labels[i]);
		cs->req.values[i] = req->values[i];
	}
	cs->req.labels = (const char **)cs->labels;
	/* The cursor starts on the current option (none: the first), so
	 * Enter alone changes nothing. It opens on the stack (app_push). */
	assert(app->depth > 0);
	app->stack[app->depth - 1].focus = cs->req.current >= 0 ?
	    cs->req.current : 0;
	return cs;
}

static void
choice_describe(struct app *app, void *st, struct view *v)
{
	struct choice_state *cs = st;
	struct choice_req *req = &cs->req;
	int i;

	(void)app;
	v->title = xstrdup(T(req->title_key));
	for (i = 0; i < req->n; i++)
		view_item(v, cs->labels[i], i == req->current ?
		    T(req->current_key != NULL ? req->current_key :
		    "choice.current") : NULL, NULL);
}

static int
choice_select(struct app *app, void *st, int index)
{
	struct choice_req *req = &((struct choice_state *)st)->req;

	const char *done;

	if (index < 0 || index >= req->n)
		return SR_STAY;
	if ((done = req->apply(app, req, index)) == NULL)
		return SR_STAY;
	app_notice(app, T(done));
	return SR_POP;
}

static void
choice_close(struct app *app, void *st)
{
	struct choice_state *cs = st;
	int i;

	(void)app;
	for (i = 0; i < cs->req.n; i++)
		free(cs->labels[i]);
	free(cs->labels);
	free(cs->req.values);
	free(cs);
}

const struct screen_ops screen_choice = {
	.name = "choice",
	.title_key = "settings.title",
	.help_key = "help.choice",
	.open = choice_open,
	.describe = choice_describe,
	.select = choice_select,
	.close = choice_close,
};
