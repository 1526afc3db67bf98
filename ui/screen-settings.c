/* Settings: language (switched at once), theme, screen mode, character
 * set, idle logout, password, SSH keys, the member's own data (the command
 * that downloads it, ui/screen-my-data.c), when the site serves feeds the
 * secret feed addresses (ui/screen-feeds.c), and last, deleting the
 * account (ui/screen-erase.c). Guests get the first four for their session
 * (nothing is stored: they have no account) and not the rest, which
 * belong to an account. */
#include "ui/dialogs.h"
#include "ui/erase-ui.h"
#include "ui/feeds-ui.h"
#include "ui/my-data-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { S_LANG, S_THEME, S_MODE, S_CHARSET, S_IDLE, S_PASSWORD, S_KEYS,
    S_MY_DATA, S_FEEDS, S_ERASE, S_N };
/* The settings a guest sees: the first S_GUEST_N, in this order. */
#define S_GUEST_N	(S_CHARSET + 1)

static const char *const theme_keys[] = {
	"settings.theme.default", "settings.theme.contrast", "settings.theme.mono" };
static const char *const charset_keys[] = {
	"settings.charset.auto", "settings.charset.utf8", "settings.charset.ascii" };
static const int idle_choices[] = { 10, 30, 60, 120 };
#define NIDLE (int)(sizeof idle_choices / sizeof idle_choices[0])

static int
idle_now(const struct app *app)
{
	return app->acct.idle_minutes > 0 ? app->acct.idle_minutes :
	    app->cfg->idle_minutes;
}

static char *
idle_label(int minutes)
{
	return TFA("settings.idle.minutes", A_NUM(minutes));
}

static int
settings_count(const struct app *app)
{
	if (app_is_guest(app))
		return S_GUEST_N;
	return feeds_offered(app) ? S_N : S_N - 1;
}

/* The setting at list index: without the feeds, those after them move
 * up one. */
static int
setting_at(const struct app *app, int index)
{
	return !app_is_guest(app) && !feeds_offered(app) && index >= S_FEEDS ?
	    index + 1 : index;
}

static void
settings_describe(struct app *app, void *st, struct view *v)
{
	char *idle;

	(void)st;
	if (app_is_guest(app))
		view_text(v, T("settings.guest_note"));
	view_item(v, T("settings.language"), i18n_lang_name(i18n_lang()), NULL);
	view_item(v, T("settings.theme"), T(theme_keys[app->theme]), NULL);
	view_item(v, T("settings.mode"), T(app->mode == UI_MODE_FULL ?
	    "mode.full" : "mode.plain"), NULL);
	view_item(v, T("settings.charset"), T(charset_keys[app->acct.charset]), NULL);
	if (settings_count(app) == S_GUEST_N)
		return;
	idle = idle_label(idle_now(app));
	view_item(v, T("settings.idle"), idle, NULL);
	view_item(v, T("settings.password"), NULL, NULL);
	view_item(v, T("settings.keys"), NULL, NULL);
	view_item(v, T("settings.my_data"), NULL, NULL);
	if (feeds_offered(app))
		view_item(v, T("settings.feeds"), NULL, NULL);
	view_item(v, T("settings.erase"), NULL, NULL);
	free(idle);
}

static const char *
apply_lang(struct app *app, const struct choice_req *req, int i)
{
	(void)req;
	app_set_lang(app, i18n_langs[i]);
	return "settings.saved";
}

static const char *
apply_theme(struct app *app, const struct choice_req *req, int i)
{
	(void)req;
	app_set_theme(app, (enum theme)i);
	return "settings.saved";
}

static const char *
apply_mode(struct app *app, const struct choice_req *req, int i)
{
	(void)req;
	if (i == 0 && app->plain_only)
		return "settings.mode.needs_terminal";
	app_set_mode(app, i == 0 ? UI_MODE_FULL : UI_MODE_PLAIN);
	return "settings.saved";
}

static const char *
apply_charset(struct app *app, const struct choice_req *req, int i)
{
	(void)req;
	if (app->acct.id != 0)
		account_set_charset(app->db, app->acct.id, (enum charset)i);
	app->acct.charset = (enum charset)i;
	if (i != CHARSET_AUTO)
		app->ascii = i == CHARSET_ASCII;
	return "settings.saved";
}

static const char *
apply_idle(struct app *app, const struct choice_req *req, int i)
{
	(void)req;
	account_set_idle(app->db, app->acct.id, idle_choices[i]);
	app->acct.idle_minutes = idle_choices[i];
	app->idle_seconds = idle_choices[i] * 60;
	return "settings.saved";
}

static int
settings_select(struct app *app, void *st, int index)
{
	struct choice_req req = { .help_key = "help.choice" };
	char *idle[NIDLE] = { NULL };
	int i;

	(void)st;
	if (index < 0 || index >= settings_count(app))
		return SR_STAY;
	switch (setting_at(app, index)) {
	case S_LANG:
		req.title_key = "settings.language";
		for (i = 0; i < I18N_NLANGS; i++) {
			choice_add(&req, i18n_lang_name(i18n_langs[i]), i);
			if (strcmp(i18n_langs[i], i18n_lang()) == 0)
				req.current = i;
		}
		req.apply = apply_lang;
		break;
	case S_THEME:
		req.title_key = "settings.theme";
		for (i = 0; i < 3; i++)
			choice_add(&req, T(theme_keys[i]), i);
		req.current = app->theme;
		req.apply = apply_theme;
		break;
	case S_MODE:
		req.title_key = "settings.mode";
		choice_add(&req, T("mode.full"), 0);
		choice_add(&req, T("mode.plain"), 1);
		req.current = app->mode == UI_MODE_PLAIN;
		req.apply = apply_mode;
		break;
	case S_CHARSET:
		req.title_key = "settings.charset";
		for (i = 0; i < 3; i++)
			choice_add(&req, T(charset_keys[i]), i);
		req.current = app->acct.charset;
		req.apply = apply_charset;
		break;
	case S_IDLE:
		req.title_key = "settings.idle";
		for (i = 0; i < NIDLE; i++) {
			idle[i] = idle_label(idle_choices[i]);
			choice_add(&req, idle[i], i);
			if (idle_choices[i] == idle_now(app))
				req.current = i;
		}
		req.apply = apply_idle;
		break;
	case S_PASSWORD:
		app_push(app, &screen_password, NULL);
		return SR_STAY;
	case S_KEYS:
		app_push(app, &screen_keys, NULL);
		return SR_STAY;
	case S_MY_DATA:
		app_push(app, &screen_my_data, NULL);
		return SR_STAY;
	case S_FEEDS:
		app_push(app, &screen_feeds, NULL);
		return SR_STAY;
	case S_ERASE:
		app_push(app, &screen_erase, NULL);
		return SR_STAY;
	default:
		return SR_STAY;
	}
	app_push(app, &screen_choice, &req);
	choice_req_free(&req);
	for (i = 0; i < NIDLE; i++)
		free(idle[i]);
	return SR_STAY;
}

const struct screen_ops screen_settings = {
	.name = "settings",
	.title_key = "settings.title",
	.help_key = "help.settings",
	.describe = settings_describe,
	.select = settings_select,
};
