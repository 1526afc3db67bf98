/* core/feed-address and ui/screen-feeds: a member's feed addresses under
 * feeds_url (or the feeds_listen address when it is not set), the output
 * `feeds` that prints them one per line, and the Settings line that leads
 * to them: offered to members only, and only when the site serves feeds;
 * renewal there, after a confirmation, replaces the address at once. */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"

#include "common/config.h"
#include "common/xalloc.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/feed-address.h"
#include "core/feed-tokens.h"
#include "core/output.h"
#include "i18n/i18n.h"
#include "ui/feeds-ui.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define TOKEN	"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd"

static void
test_address_forms(void **state)
{
	struct config cfg;
	char *s;

	(void)state;
	config_defaults(&cfg);
	assert_false(feed_addresses_on(&cfg));
	assert_int_equal(config_set(&cfg, "feeds_listen", "127.0.0.1:8080"), 0);
	/* The calendar's my.ics is a member's feed. */
	assert_true(feed_addresses_on(&cfg));
	s = feed_address(&cfg, TOKEN, "my.ics");
	assert_string_equal(s, "http://127.0.0.1:8080/u/" TOKEN "/my.ics");
	free(s);
	assert_int_equal(config_set(&cfg, "feeds_listen", "[::1]:8443"), 0);
	s = feed_address(&cfg, TOKEN, "my.ics");
	assert_string_equal(s, "http://[::1]:8443/u/" TOKEN "/my.ics");
	free(s);
	/* feeds_url wins, with or without its last slash. */
	assert_int_equal(config_set(&cfg, "feeds_url",
	    "https://tinklas.example.lt/feeds/"), 0);
	s = feed_address(&cfg, TOKEN, "my.ics");
	assert_string_equal(s,
	    "https://tinklas.example.lt/feeds/u/" TOKEN "/my.ics");
	free(s);
	assert_int_equal(config_set(&cfg, "feeds_url",
	    "https://tinklas.example.lt/feeds"), 0);
	s = feed_address(&cfg, TOKEN, "my.ics");
	assert_string_equal(s,
	    "https://tinklas.example.lt/feeds/u/" TOKEN "/my.ics");
	free(s);
	assert_int_equal(config_set(&cfg, "feeds_listen", ""), 0);
	assert_false(feed_addresses_on(&cfg));
	config_free(&cfg);
}

/* Runs the output `feeds` as the account; *text gets what it printed. */
static int
run_feeds(struct db *db, const struct config *cfg, const struct account *a,
    char **text)
{
	const struct output *o = output_find("feeds");
	struct actor actor = actor_account(a, "en", 0);
	struct output_ctx x = { .db = db, .cfg = cfg, .actor = &actor,
	    .account = a, .name = "feeds" };
	size_t len;
	int rc;

	assert_non_null(o);
	assert_false(o->feed);
	assert_false(output_allowed(o, NULL));
	assert_true(output_allowed(o, a));
	assert_non_null(x.out = open_memstream(text, &len));
	rc = o->write(&x);
	assert_int_equal(fclose(x.out), 0);
	return rc;
}

static void
test_feeds_output(void **state)
{
	struct tdb t;
	struct config cfg;
	struct account a;
	struct actor ruta;
	char token[FEED_TOKEN_LEN + 1], *want, *s;

	(void)state;
	i18n_set_lang("en");
	tdb_open(&t, "feed-address");
	ruta = tdb_viewer(&t, "ruta", "en", ROLE_MEMBER);
	assert_int_equal(account_by_id(t.db, ruta.account_id, &a), 0);
	config_defaults(&cfg);
	assert_int_equal(run_feeds(t.db, &cfg, &a, &s), 1);
	assert_string_equal(s, "This server does not serve feeds.\n");
	free(s);
	assert_int_equal(config_set(&cfg, "feeds_listen", "127.0.0.1:8080"), 0);
	assert_int_equal(run_feeds(t.db, &cfg, &a, &s), 0);
	assert_null(feed_token_get(t.db, &ruta, token));
	want = xasprintf("http://127.0.0.1:8080/u/%s/my.ics\n", token);
	assert_string_equal(s, want);
	free(want);
	free(s);
	config_free(&cfg);
	tdb_close(&t);
}

/* The demo database, made once; each test works on a copy. */
static struct tdb template;

static int
group_setup(void **state)
{
	if (ti18n_setup(state) != 0)
		return -1;
	tdb_open(&template, "feed-screens");
	rec_demo(template.db);
	db_close(template.db);
	template.db = NULL;
	return 0;
}

static int
group_teardown(void **state)
{
	tdb_close(&template);
	return ti18n_teardown(state);
}

/* Settings as who in mode, the feeds on or off; the last view. */
static bool
settings_has_feeds(struct tdb *t, const char *who, enum ui_mode mode,
    bool on)
{
	struct rec r;
	bool has;

	rec_open(&r, t->db, who, "en", mode, REC_NO_DRAW);
	if (on)
		assert_int_equal(config_set(&r.cfg, "feeds_listen",
		    "127.0.0.1:8080"), 0);
	rec_run(&r, &screen_settings, NULL, true, NULL, 0);
	assert_string_equal(rec_last(&r)->screen, "settings");
	/* A positive control on the same view: the keys are there. */
	if (who != NULL)
		assert_true(rec_find_item(rec_last(&r), T("settings.keys")) >= 0);
	has = rec_find_item(rec_last(&r), T("settings.feeds")) >= 0;
	rec_close(&r);
	return has;
}

static void
test_settings_line(void **state)
{
	struct tdb t;

	(void)state;
	rec_demo_copy(template.path, &t);
	assert_false(settings_has_feeds(&t, "ruta", UI_MODE_FULL, false));
	assert_true(settings_has_feeds(&t, "ruta", UI_MODE_FULL, true));
	assert_true(settings_has_feeds(&t, "ruta", UI_MODE_PLAIN, true));
	assert_false(settings_has_feeds(&t, NULL, UI_MODE_FULL, true));
	tdb_close(&t);
}

/* The screen shows the address, says how to print it, and renews it
 * after a "yes"; a "no" keeps it. */
static void
test_screen_renews(void **state)
{
	const struct rec_step script[] = {
		{ .screen = "settings", .type = EV_SELECT,
		  .item = "settings.feeds" },
		{ .screen = "feeds", .type = EV_ACTION, .key = 'r' },
		{ .screen = "confirm", .type = EV_SELECT, .index = 0 },
		{ .screen = "feeds", .type = EV_ACTION, .key = 'r' },
		{ .screen = "confirm", .type = EV_SELECT, .index = 1 },
		{ .screen = "feeds", .type = EV_REDRAW },
	};
	struct tdb t;
	struct rec r;
	struct actor ruta;
	struct account a;
	char before[FEED_TOKEN_LEN + 1], after[FEED_TOKEN_LEN + 1];
	const struct rec_view *v, *first = NULL, *kept = NULL;
	int i, n = 0;

	(void)state;
	rec_demo_copy(template.path, &t);
	assert_int_equal(account_by_name(t.db, "ruta", &a), 0);
	ruta = actor_account(&a, "en", 0);
	assert_null(feed_token_get(t.db, &ruta, before));
	rec_open(&r, t.db, "ruta", "en", UI_MODE_FULL, REC_NO_DRAW);
	assert_int_equal(config_set(&r.cfg, "feeds_listen", "127.0.0.1:8080"), 0);
	assert_int_equal(config_set(&r.cfg, "public_host",
	    "tinklas.example.lt:2222"), 0);
	rec_run(&r, &screen_settings, NULL, true, script,
	    (int)(sizeof script / sizeof script[0]));
	for (i = 0; i < r.nviews; i++) {
		if (strcmp(r.views[i].screen, "feeds") != 0)
			continue;
		if (n == 0)
			first = &r.views[i];
		else if (n == 1)
			kept = &r.views[i];
		n++;
	}
	assert_non_null(first);
	assert_non_null(kept);
	assert_non_null(strstr(first->text, T("feeds.secret")));
	assert_non_null(strstr(first->text,
	    "ssh -p 2222 ruta@tinklas.example.lt feeds"));
	assert_int_equal(first->nitems, 1);
	assert_non_null(strstr(first->items[0].label, "my.ics"));
	assert_non_null(strstr(first->items[0].body, before));
	assert_true(rec_has_action(first, 'r'));
	/* No: the same address. */
	assert_non_null(strstr(kept->items[0].body, before));
	/* Yes: a new one, said so, and the old one is nobody's. */
	v = rec_last(&r);
	assert_string_equal(v->screen, "feeds");
	assert_string_equal(v->notice, T("feeds.renewed"));
	assert_null(feed_token_get(t.db, &ruta, after));
	assert_string_not_equal(before, after);
	assert_non_null(strstr(v->items[0].body, after));
	rec_close(&r);
	tdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_address_forms),
		cmocka_unit_test(test_feeds_output),
		cmocka_unit_test(test_settings_line),
		cmocka_unit_test(test_screen_renews),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
