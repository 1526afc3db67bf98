/* Feed addresses: a member's secret address of each feed that is theirs
 * (core/feed-address.h), what it holds, that it is secret, and renewal
 * after a confirmation (the old addresses stop at once). An address is
 * longer than a terminal's line, so the full screen shows it wrapped and
 * names the command that prints the addresses one per line for copying
 * (`ssh ... feeds`); the plain mode prints each on one line. */
#include "ui/dialogs.h"
#include "ui/feeds-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/feed-address.h"
#include "core/feed-tokens.h"
#include "core/output.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct feeds_state {
	char	 token[FEED_TOKEN_LEN + 1];
	bool	 failed;	/* the token could not be read */
};

struct feeds_walk {
	struct app		*app;
	struct feeds_state	*fs;
	struct view		*v;
};

bool
feeds_offered(const struct app *app)
{
	return !app_is_guest(app) && app->acct.id != 0 &&
	    feed_addresses_on(app->cfg);
}

static void
feeds_load(struct app *app, struct feeds_state *fs)
{
	fs->failed = feed_token_get(app->db, app_actor(app), fs->token) != NULL;
}

static void *
feeds_open(struct app *app, void *arg)
{
	struct feeds_state *fs = xcalloc(1, sizeof *fs);

	(void)arg;
	assert(feeds_offered(app));
	feeds_load(app, fs);
	return fs;
}

/* Back from the confirmation: after a renewal the plain mode prints the
 * page again, with the new addresses. */
static void
feeds_resume(struct app *app, void *st)
{
	struct feeds_state *fs = st;
	char was[FEED_TOKEN_LEN + 1];

	memcpy(was, fs->token, sizeof was);
	feeds_load(app, fs);
	if (strcmp(was, fs->token) != 0)
		app_list_again(app);
}

static void
feeds_item(const struct output *o, void *arg)
{
	struct feeds_walk *w = arg;
	char *label = xasprintf("%s: %s", o->name, T(o->help_key));
	char *url = feed_address(w->app->cfg, w->fs->token, o->name);

	view_item(w->v, label, NULL, NULL);
	view_body(w->v, url);
	free(url);
	free(label);
}

static void
feeds_describe(struct app *app, void *st, struct view *v)
{
	struct feeds_state *fs = st;
	struct feeds_walk w = { app, fs, v };
	char *cmd, *full, *copy;

	if (fs->failed) {
		view_text(v, T("error.internal"));
		return;
	}
	view_text(v, T("feeds.secret"));
	cmd = app_ssh_command(app, app->acct.name);
	full = xasprintf("%s feeds", cmd);
	copy = TFA("feeds.copy", A_STR(full));
	view_para(v, copy);
	free(copy);
	free(full);
	free(cmd);
	feed_member_outputs(feeds_item, &w);
	view_action(v, 'r', T("feeds.renew"));
}

/* Enter on an address: the plain mode prints it whole again. */
static int
feeds_select(struct app *app, void *st, int index)
{
	(void)st;
	(void)index;
	app_show_focus(app, true);
	return SR_STAY;
}

static const char *
feeds_renew(struct app *app, int64_t arg)
{
	char token[FEED_TOKEN_LEN + 1];
	const char *err;

	(void)arg;
	err = feed_token_renew(app->db, app_actor(app), token);
	return err != NULL ? err : "feeds.renewed";
}

static int
feeds_action(struct app *app, void *st, int key)
{
	struct confirm_req req = { .question = T("feeds.renew_question"),
	    .yes = feeds_renew };

	(void)st;
	if (key == 'r')
		app_push(app, &screen_confirm, &req);
	return SR_STAY;
}

static void
feeds_close(struct app *app, void *st)
{
	(void)app;
	free(st);
}

const struct screen_ops screen_feeds = {
	.name = "feeds",
	.title_key = "feeds.title",
	.help_key = "help.feeds",
	.open = feeds_open,
	.describe = feeds_describe,
	.select = feeds_select,
	.action = feeds_action,
	.resume = feeds_resume,
	.close = feeds_close,
};
