/* The table of reserved keys (ui/keys.h): every screen (all that
 * ui/screen.h and ui/directory-ui.h declare, the registration form too), described over the
 * fixture database as a member and as a moderator, offers only letters
 * that no reserved key takes (a letter j, k or q takes first could never
 * be pressed; aiste, a moderator, is also an organisation's admin, so
 * its page shows her its e and m letters); the check catches one injected; the plain mode's letters,
 * command words, key bar and help lines come from the table. */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/forum-ui.h"
#include "ui/keys.h"
#include "ui/line-answer.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/directory.h"
#include "core/forums.h"
#include "core/messages.h"
#include "forms/form.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

struct fx {
	struct tdb	t;
	struct app	app;
	struct config	cfg;
	int64_t		board, thread, post;
	int64_t		conversation, message;	/* jonas to ruta, reported */
	int64_t		org, ruta_id;	/* aiste its admin, ruta a member */
	int		screens;	/* how many walk() described */
};

/* The first action of v that a reserved key would shadow, or 0. */
static int
colliding(const struct view *v)
{
	int i;

	for (i = 0; i < v->nactions; i++)
		if (!keys_letter_ok(v->actions[i].key))
			return v->actions[i].key;
	return 0;
}

static const char *
no_apply(struct app *app, const struct choice_req *req, int index)
{
	(void)app;
	(void)req;
	(void)index;
	return NULL;
}

static const char *
no_yes(struct app *app, int64_t arg)
{
	(void)app;
	(void)arg;
	return NULL;
}

static struct core_error
no_reason(struct app *app, int64_t arg, const char *reason, int days)
{
	(void)app;
	(void)arg;
	(void)reason;
	(void)days;
	return CORE_OK;
}

static struct core_error
no_message(struct app *app, int64_t arg, const char *text)
{
	(void)app;
	(void)arg;
	(void)text;
	return CORE_OK;
}

/* Opens ops with arg as the only screen on the stack, describes it and
 * checks its letters; returns how many it had. */
static int
walk(struct fx *f, const struct screen_ops *ops, void *arg)
{
	struct view v = { 0 };
	void *st;
	int n;

	/* As app_push does: the screen is on the stack while it opens (the
	 * choice screen sets its focus there). */
	f->app.stack[0] = (struct screen_inst){ .ops = ops };
	f->app.depth = 1;
	st = ops->open != NULL ? ops->open(&f->app, arg) : NULL;
	f->app.stack[0].st = st;
	ops->describe(&f->app, st, &v);
	f->screens++;
	if (colliding(&v) != 0)
		fail_msg("screen %s: letter %c is a reserved key", ops->name,
		    colliding(&v));
	n = v.nactions;
	view_clear(&v);
	if (ops->close != NULL)
		ops->close(&f->app, st);
	f->app.depth = 0;
	free(f->app.notice);
	f->app.notice = NULL;
	return n;
}

/* Every screen, with the arguments its callers give it. Returns the
 * number of letters seen. */
static int
walk_all(struct fx *f)
{
	struct choice_req choice = { .title_key = "settings.lang",
	    .apply = no_apply };
	struct confirm_req confirm = { .question = "?", .yes = no_yes };
	struct reason_req reason = { .title_key = "forum.report",
	    .days_key = "forum.days", .apply = no_reason };
	struct compose_req compose = { .kind = COMPOSE_REPLY,
	    .thread_id = f->thread };
	struct thread_req thread = { .thread_id = f->thread, .seq = 1 };
	struct forum_search_query q = { .words = "rytas", .limit = 10 };
	struct dir_message_req message = { .title = "?",
	    .label_key = "directory.request.message", .apply = no_message };
	struct account ruta;
	int n = 0;

	assert_int_equal(account_by_name(f->t.db, "ruta", &ruta), 0);

	choice_add(&choice, "a", 1);
	choice_add(&choice, "b", 2);
	n += walk(f, &screen_menu, NULL);
	n += walk(f, &screen_welcome, NULL);
	n += walk(f, &screen_register, NULL);
	n += walk(f, &screen_mode_choice, NULL);
	n += walk(f, &screen_settings, NULL);
	n += walk(f, &screen_choice, &choice);
	n += walk(f, &screen_password, NULL);
	n += walk(f, &screen_keys, NULL);
	n += walk(f, &screen_key_add, NULL);
	n += walk(f, &screen_confirm, &confirm);
	n += walk(f, &screen_help, (void *)&screen_thread);
	n += walk(f, &screen_boards, NULL);
	n += walk(f, &screen_threads, &f->board);
	n += walk(f, &screen_thread, &thread);
	n += walk(f, &screen_compose, &compose);
	n += walk(f, &screen_reason, &reason);
	n += walk(f, &screen_notices, NULL);
	n += walk(f, &screen_search, &f->board);
	n += walk(f, &screen_hits, &q);
	n += walk(f, &screen_reports, NULL);
	n += walk(f, &screen_history, &f->post);
	n += walk(f, &screen_people, NULL);
	n += walk(f, &screen_pm_list, NULL);
	n += walk(f, &screen_pm_thread, &f->conversation);
	n += walk(f, &screen_pm_write, &(struct pm_write_req){ 0 });
	n += walk(f, &screen_pm_report, &f->message);
	n += walk(f, &screen_dir_find, NULL);
	n += walk(f, &screen_dir_results, &(struct dir_filter_req){
	    .filter = &(struct dir_filter){ 0 } });
	n += walk(f, &screen_dir_profile, &ruta.id);
	n += walk(f, &screen_dir_edit, NULL);
	n += walk(f, &screen_dir_suggest, NULL);
	n += walk(f, &screen_dir_mentorships, NULL);
	n += walk(f, &screen_dir_mentorship, &(int64_t){ 1 });
	n += walk(f, &screen_dir_message, &message);
	n += walk(f, &screen_dir_orgs, NULL);
	n += walk(f, &screen_dir_org, &f->org);
	n += walk(f, &screen_dir_org_edit, &f->org);
	n += walk(f, &screen_dir_org_members, &f->org);
	n += walk(f, &screen_dir_org_member, &(struct dir_org_member_req){
	    .org = f->org, .account_id = f->ruta_id, .label = "Rūta" });
	n += walk(f, &screen_dir_org_add, &f->org);
	n += walk(f, &screen_dir_tags, NULL);
	choice_req_free(&choice);
	return n;
}

static void
login(struct fx *f, const char *name)
{
	assert_int_equal(account_by_name(f->t.db, name, &f->app.acct), 0);
	f->app.actor = actor_account(&f->app.acct, "lt", 0);
	f->app.who = UI_MEMBER;
}

/* How many screens these headers declare: the walk must describe each. */
static int
screens_declared(void)
{
	static const char *const headers[] = { "ui/screen.h",
	    "ui/directory-ui.h" };
	const char *me = __FILE__, *tail = "tests/unit/test_keys_table.c";
	size_t i, n = strlen(me) - strlen(tail);
	char *path, line[256];
	FILE *fp;
	int count = 0;

	assert_true(strlen(me) >= strlen(tail) && strcmp(me + n, tail) == 0);
	for (i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		path = xasprintf("%.*s%s", (int)n, me, headers[i]);
		assert_non_null(fp = fopen(path, "r"));
		while (fgets(line, sizeof line, fp) != NULL)
			count += strncmp(line, "extern const struct screen_ops ",
			    31) == 0;
		fclose(fp);
		free(path);
	}
	return count;
}

static void
test_every_screen(void **state)
{
	struct fx *f = *state;
	int member, moderator, declared = screens_declared();

	login(f, "ruta");
	member = walk_all(f);
	/* Every screen there is, once (a new one joins walk_all). */
	assert_true(declared > 0);
	assert_int_equal(f->screens, declared);
	login(f, "aiste");
	moderator = walk_all(f);
	/* The walk saw letters, and the moderator's own ones. */
	assert_true(member >= 10);
	assert_true(moderator > member);
}

/* Positive control: a described screen with a letter that a reserved key
 * takes (injected past view_action, which would refuse it) is caught,
 * for each kind of reserved letter. */
static void
test_injected_collision(void **state)
{
	struct fx *f = *state;
	const int bad[] = { 'j', 'k', 'q', '?', '<', '>', '!', ' ', 'R', '1' };
	size_t i;

	login(f, "ruta");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct view v = { 0 };
		void *st = screen_boards.open(&f->app, NULL);

		screen_boards.describe(&f->app, st, &v);
		assert_int_equal(colliding(&v), 0);
		v.actions = xreallocarray(v.actions, (size_t)v.nactions + 1,
		    sizeof *v.actions);
		v.actions[v.nactions].key = bad[i];
		v.actions[v.nactions++].label = xstrdup("injected");
		assert_int_equal(colliding(&v), bad[i]);
		view_clear(&v);
		screen_boards.close(&f->app, st);
	}
	/* h and l stay free for lists and pagers (Hide, Lock). */
	assert_null(keys_collision('h'));
	assert_null(keys_collision('l'));
	assert_null(keys_collision('/'));
}

/* How a child that adds the letter key to a view ends. */
static int
action_in_child(int key)
{
	pid_t pid = fork();
	int status = 0;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct view v = { 0 };

		/* No core file for the abort this test asks for. */
		close(STDERR_FILENO);
		view_action(&v, key, "x");
		view_clear(&v);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

/* view_action itself refuses a reserved letter (control: a free one and
 * the search key pass). */
static void
test_view_action_refuses(void **state)
{
	int status;

	(void)state;
	status = action_in_child('r');
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = action_in_child('/');
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = action_in_child('j');
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	status = action_in_child('k');
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

/* The plain mode's letters and words come from the table: l lists again,
 * so Lock's l is offered and taken as k; q, Q, ? and / mean what the
 * table says. */
static void
test_plain_words(void **state)
{
	struct view_action acts[] = { { 'l', "Lock" }, { '/', "Search" } };
	struct view_item items[2] = { { 0 } };
	struct view v = { .items = items, .nitems = 2, .actions = acts,
	    .nactions = 2 };
	struct ui_event ev = { 0 };
	int focus = 0;
	bool list;

	(void)state;
	assert_int_equal(line_key('l'), 'k');
	assert_int_equal(line_key('r'), 'r');
	assert_true(line_parse_answer(&v, "l", &focus, &ev, &list) && list);
	assert_true(line_parse_answer(&v, "k", &focus, &ev, &list) && !list);
	assert_int_equal(ev.type, EV_ACTION);
	assert_int_equal(ev.key, 'l');
	assert_true(line_parse_answer(&v, "/", &focus, &ev, &list));
	assert_int_equal(ev.type, EV_ACTION);
	assert_int_equal(ev.key, '/');
	assert_true(line_parse_answer(&v, "Q", &focus, &ev, &list));
	assert_int_equal(ev.type, EV_BACK);
	assert_true(line_parse_answer(&v, "?", &focus, &ev, &list));
	assert_int_equal(ev.type, EV_HELP);
	/* No page after this one: > means nothing. */
	assert_false(line_parse_answer(&v, ">", &focus, &ev, &list));
	/* A number opens its item and makes it the chosen one: a letter
	 * after it acts on that item. */
	focus = 0;
	assert_true(line_parse_answer(&v, "2", &focus, &ev, &list));
	assert_int_equal(ev.type, EV_SELECT);
	assert_int_equal(ev.index, 1);
	assert_int_equal(focus, 1);
}

/* s is the key bar entry "names label" of the catalog's label key. */
static void
expect(const char *s, const char *names, const char *key)
{
	char *want = xasprintf("%s %s", names, T(key));

	assert_string_equal(s, want);
	free(want);
}

/* help has the line "names: text of key". */
static void
has_line(const char *help, const char *names, const char *key)
{
	char *want = xasprintf("%s: %s", names, T(key));

	assert_non_null(strstr(help, want));
	free(want);
}

/* help has the line "names: text". */
static void
has_line_text(const char *help, const char *names, const char *text)
{
	char *want = xasprintf("%s: %s", names, text);

	assert_non_null(strstr(help, want));
	free(want);
}

/* The key bar and the help lines of each kind of view. */
static void
test_bar_and_help(void **state)
{
	struct view_item post = { .label = "#1", .body = "text" };
	struct view pager = { .kind = VIEW_PAGER, .items = &post, .nitems = 1,
	    .unit_label = "posts" };
	struct view text = { .q_logs_out = true };
	struct form *f = form_new("Send");
	struct view form = { .form = f };
	char *out[8], *help, *want;
	int n, i;

	(void)state;
	n = keys_bar(&pager, false, out, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "PgDn/PgUp");
	assert_string_equal(out[1], "j/k posts");
	for (i = 0; i < n; i++)
		free(out[i]);
	n = keys_bar(&text, true, out, 8);
	assert_int_equal(n, 2);
	expect(out[0], "q", "menu.logout");
	expect(out[1], "?", "key.help");
	for (i = 0; i < n; i++)
		free(out[i]);
	/* In the editor Ctrl-X sends, named by the form's button. */
	form_add(f, "body", FIELD_TEXTAREA, "Text", true);
	assert_int_equal(keys_where(&form), KW_EDITOR);
	n = keys_bar(&form, false, out, 8);
	assert_int_equal(n, 2);
	expect(out[0], "Tab", "key.next_field");
	assert_string_equal(out[1], "Ctrl-X Send");
	for (i = 0; i < n; i++)
		free(out[i]);
	/* On several of choices Space picks, in the bar and the help; not
	 * on a one-line field. */
	form_add(f, "topics", FIELD_MULTI, "Topics", false);
	form_add(f, "name", FIELD_TEXT, "Name", false);
	f->focus = 1;
	assert_int_equal(keys_where(&form), KW_FORM | KW_CHECKS);
	n = keys_bar(&form, false, out, 8);
	assert_int_equal(n, 3);
	expect(out[0], "Tab", "key.next_field");
	expect(out[1], "Space", "key.toggle");
	expect(out[2], "Enter", "key.confirm");
	for (i = 0; i < n; i++)
		free(out[i]);
	help = keys_help(&form, KM_FULL);
	has_line(help, "Space", "keys.help.toggle");
	free(help);
	f->focus = 2;
	assert_int_equal(keys_where(&form), KW_FORM);
	help = keys_help(&form, KM_FULL);
	assert_null(strstr(help, T("keys.help.toggle")));
	has_line(help, "Enter", "keys.help.confirm");
	free(help);
	help = keys_help(&pager, KM_FULL);
	want = TFA("keys.help.units", A_STR("posts"));
	has_line_text(help, "j k", want);
	free(want);
	has_line(help, "q Esc", "keys.help.back");
	free(help);
	/* The plain prompt's reminder: l, q and ?, q logging out on the
	 * main menu. */
	help = keys_prompt(&pager);
	want = xasprintf("l %s, q %s, ? %s:", T("keys.prompt.list"),
	    T("keys.prompt.back"), T("keys.prompt.help"));
	assert_string_equal(help, want);
	free(want);
	free(help);
	help = keys_prompt(&text);
	assert_non_null(strstr(help, T("keys.prompt.logout")));
	free(help);
	help = keys_help(&pager, KM_PLAIN);
	has_line(help, "l", "keys.help.list");
	assert_null(strstr(help, "j k"));
	free(help);
	form_free(f);
}

static int
setup(void **state)
{
	struct fx *f;
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 };
	struct actor ruta, jonas;
	int64_t aiste;
	struct dir_org_input org = { .kind = "library", .name = "Biblioteka",
	    .description = "", .contact = "" };

	if (ti18n_setup(state) != 0)
		return -1;
	f = tdb_new(sizeof *f, "keys_table");
	config_defaults(&f->cfg);
	f->app.cfg = &f->cfg;
	f->app.db = f->t.db;
	f->app.mode = UI_MODE_FULL;
	ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	aiste = tdb_account(&f->t, "aiste", "Aistė", "lt", ROLE_MODERATOR);
	f->ruta_id = ruta.account_id;
	if (forum_board_add(f->t.db, &admin, "Kava", "", "lt", &f->board) != NULL ||
	    forum_thread_start(f->t.db, &jonas, f->board, "Rytas",
	    "Labas rytas visiems", "lt", &f->thread, &f->post).key != NULL ||
	    forum_report(f->t.db, &ruta, f->post, "Neaišku") != NULL ||
	    messages_send(f->t.db, &jonas, ruta.account_id, "Labas, Rūta",
	    &f->conversation, &f->message).key != NULL ||
	    messages_report(f->t.db, &ruta, f->message, "Bandymas").key != NULL ||
	    directory_org_add(f->t.db, &admin, &org, &f->org).key != NULL ||
	    directory_org_member_set(f->t.db, &admin, f->org,
	    aiste, DIR_ORG_ADMIN).key != NULL ||
	    directory_org_member_set(f->t.db, &admin, f->org,
	    ruta.account_id, DIR_ORG_MEMBER).key != NULL)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	config_free(&f->cfg);
	tdb_teardown(state);
	return ti18n_teardown(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_screen, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_injected_collision, setup,
		    teardown),
		cmocka_unit_test(test_view_action_refuses),
		cmocka_unit_test(test_plain_words),
		cmocka_unit_test_setup_teardown(test_bar_and_help, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
