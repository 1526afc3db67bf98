/* Who is online without a terminal (tests/unit/record.h): the session's
 * row follows the part of Tinklas on top of the main menu, the menu says
 * how many people are online, and a moderator's list names each session
 * with its part and ends one after the confirmation (its process gets the
 * signal, the row goes). */
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "tests/unit/record-suite.h"

#include "core/sessions.h"
#include "i18n/i18n.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

struct parts {
	char	 text[128];
};

static int
note_part(const struct session_info *s, void *arg)
{
	struct parts *p = arg;

	snprintf(p->text + strlen(p->text), sizeof p->text - strlen(p->text),
	    "%s:%s;", s->kind == SESSION_MEMBER ? s->name : "guest", s->part);
	return 0;
}

static const char *
parts(struct rec_fx *fx, struct parts *p)
{
	p->text[0] = '\0';
	assert_true(session_each(fx->t.db, note_part, p) >= 0);
	return p->text;
}

/* The UI process says where it is as the screens change. */
static void
test_where_follows_screens(void **state)
{
	static const struct rec_step s[] = { OPEN("menu", "menu.forums") };
	struct rec_fx *fx = *state;
	struct parts p;
	struct rec r;

	assert_int_equal(session_begin(fx->t.db, rec_fx_id(state, "ruta"),
	    getpid(), "::1", 3), 0);
	rec_open(&r, fx->t.db, "ruta", "en", fx->mode, REC_NO_DRAW);
	r.p.session_id = session_id_of(fx->t.db, getpid());
	assert_true(r.p.session_id > 0);
	rec_run(&r, &screen_menu, NULL, false, NULL, 0);
	assert_string_equal(parts(fx, &p), "ruta:menu;");
	rec_run(&r, &screen_menu, NULL, false, s, NSTEPS(s));
	assert_string_equal(rec_last(&r)->screen, "boards");
	assert_string_equal(parts(fx, &p), "ruta:forums;");
	rec_close(&r);
}

/* The member's menu counts the live sessions, a guest's too. */
static void
test_menu_counts(void **state)
{
	struct rec_fx *fx = *state;
	struct rec r;
	char *want;

	assert_int_equal(session_begin(fx->t.db, rec_fx_id(state, "ruta"),
	    getpid(), "::1", 3), 0);
	assert_int_equal(session_begin_guest(fx->t.db, SESSION_GUEST,
	    getppid(), "::1"), 0);
	rec_open(&r, fx->t.db, "ruta", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_menu, NULL, false, NULL, 0);
	want = TFA("menu.online", A_NUM(2));
	assert_non_null(rec_last(&r)->text);
	assert_non_null(strstr(rec_last(&r)->text, want));
	free(want);
	rec_close(&r);
}

/* A moderator sees Rūta in the forums and ends her session. */
static void
test_moderator_ends_session(void **state)
{
	struct rec_fx *fx = *state;
	static const struct rec_step s[] = {
		OPEN("menu", "menu.online_who"),
		ON("online", "Rūta", 'e'),
		{ .screen = "confirm", .type = EV_SELECT, .index = 1 },
	};
	pid_t child = tfx_sleeper();
	const struct rec_view *v;
	struct rec r;
	int status, i;

	assert_int_equal(session_begin(fx->t.db, rec_fx_id(state, "ruta"),
	    child, "192.0.2.1", 3), 0);
	assert_int_equal(session_where(fx->t.db, session_id_of(fx->t.db,
	    child), "forums"), 0);
	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_menu, NULL, false, s, 1);
	v = rec_last(&r);
	assert_string_equal(v->screen, "online");
	assert_true((i = rec_find_item(v, "Rūta")) >= 0);
	assert_non_null(strstr(v->items[i].status, T("menu.forums")));
	assert_true(rec_has_action(v, 'e'));
	rec_close(&r);

	rec_open(&r, fx->t.db, "moderatore", "en", fx->mode, REC_NO_DRAW);
	rec_run(&r, &screen_menu, NULL, false, s, NSTEPS(s));
	v = rec_last(&r);
	assert_string_equal(v->screen, "online");
	assert_non_null(v->notice);
	assert_string_equal(v->notice, T("online.ended"));
	assert_int_equal(rec_find_item(v, "Rūta"), -1);
	rec_close(&r);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		REC_BOTH(test_where_follows_screens),
		REC_BOTH(test_menu_counts),
		REC_BOTH(test_moderator_ends_session),
	};

	return cmocka_run_group_tests(tests, rec_suite_setup,
	    rec_suite_teardown);
}
