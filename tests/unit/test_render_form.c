/* The full screen's form keys (ui/widget-form.c) without a terminal: keys
 * fed as get_wch gives them go into a form, and the value and the cursor
 * (which forms/ owns) are checked. Among them the heap overflow of issue 7:
 * the screen emptied a field (field_set) while the cursor stood at its
 * end, and the next key wrote before the start of the value. Several of
 * choices is also drawn by both real renderers (tests/unit/record.h): the
 * full screen's picture and cursor, the plain mode's questions and
 * answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "common/xalloc.h"
#include "forms/form.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"
#include "tests/unit/record.h"
#include "ui/render-capture.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "ui/widget-form.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct fixture {
	struct form		*f;
	struct form_edit	*fe;
	struct ui_event		 ev;
};

static int
setup(void **state)
{
	static struct fixture fx;

	if (i18n_set_lang("en") != 0)
		return -1;
	memset(&fx, 0, sizeof fx);
	fx.f = form_new("Send");
	fx.fe = form_edit_new();
	*state = &fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	form_edit_free(fx->fe);
	form_free(fx->f);
	return 0;
}

/* One key; returns what the widget did with it. */
static enum widget_key
key(struct fixture *fx, int type, wint_t ch)
{
	form_edit_enter(fx->fe, fx->f);		/* as each present does */
	memset(&fx->ev, 0, sizeof fx->ev);
	return form_edit_key(fx->fe, fx->f, type, ch, &fx->ev);
}

static void
type_text(struct fixture *fx, const wchar_t *s)
{
	for (; *s != L'\0'; s++)
		assert_int_equal(key(fx, OK, (wint_t)*s), WIDGET_KEY_DONE);
}

static void
press(struct fixture *fx, int code, int n)
{
	while (n-- > 0)
		key(fx, KEY_CODE_YES, (wint_t)code);
}

static void
test_typing_and_cursor_keys(void **state)
{
	struct fixture *fx = *state;
	struct field *fld = form_add(fx->f, "name", FIELD_TEXT, "Name", true);

	type_text(fx, L"abc");
	assert_string_equal(fld->value, "abc");
	assert_int_equal(fld->cur, 3);
	press(fx, KEY_LEFT, 2);
	assert_int_equal(fld->cur, 1);
	type_text(fx, L"X");
	assert_string_equal(fld->value, "aXbc");
	assert_int_equal(fld->cur, 2);
	press(fx, KEY_HOME, 1);
	assert_int_equal(fld->cur, 0);
	press(fx, KEY_LEFT, 1);		/* nothing before the start */
	assert_int_equal(fld->cur, 0);
	press(fx, KEY_END, 1);
	assert_int_equal(fld->cur, 4);
	press(fx, KEY_RIGHT, 1);	/* nothing after the end */
	assert_int_equal(fld->cur, 4);
	/* Both Backspaces a terminal may send, and Delete. */
	key(fx, OK, 127);
	assert_string_equal(fld->value, "aXb");
	key(fx, OK, 8);
	assert_string_equal(fld->value, "aX");
	press(fx, KEY_BACKSPACE, 1);
	assert_string_equal(fld->value, "a");
	press(fx, KEY_HOME, 1);
	press(fx, KEY_DC, 1);
	assert_string_equal(fld->value, "");
	assert_int_equal(fld->cur, 0);
	/* A control key that means nothing here changes nothing. */
	type_text(fx, L"ok");
	key(fx, OK, 1);		/* Ctrl-A */
	assert_string_equal(fld->value, "ok");
	assert_int_equal(fld->cur, 2);
}

static void
test_ctrl_u_clears(void **state)
{
	struct fixture *fx = *state;
	struct field *fld = form_add(fx->f, "name", FIELD_TEXT, "Name", true);

	type_text(fx, L"some words");
	press(fx, KEY_LEFT, 3);
	assert_int_equal(key(fx, OK, 21), WIDGET_KEY_DONE);	/* Ctrl-U */
	assert_string_equal(fld->value, "");
	assert_int_equal(fld->cur, 0);
	type_text(fx, L"z");
	assert_string_equal(fld->value, "z");
}

/* Lithuanian letters are two bytes each: the cursor moves by whole
 * characters (graphemes), never into one. */
static void
test_multibyte(void **state)
{
	struct fixture *fx = *state;
	struct field *fld = form_add(fx->f, "name", FIELD_TEXT, "Name", true);

	type_text(fx, L"\u017eą\u0117");	/* žąė */
	assert_string_equal(fld->value, "\u017e\u0105\u0117");
	assert_int_equal(fld->cur, 6);
	press(fx, KEY_LEFT, 1);
	assert_int_equal(fld->cur, 4);
	key(fx, OK, 127);
	assert_string_equal(fld->value, "\u017e\u0117");
	assert_int_equal(fld->cur, 2);
	type_text(fx, L"a");
	assert_string_equal(fld->value, "\u017ea\u0117");
	assert_int_equal(fld->cur, 3);
	/* A C1 control character is not text: it never reaches the value. */
	key(fx, OK, 0x85);
	assert_string_equal(fld->value, "\u017ea\u0117");
}

/* Tab and Down go to the next field (its cursor at its end), Up back;
 * Enter checks the field and goes on, and on the button sends; Esc goes
 * back. */
static void
test_focus_and_enter(void **state)
{
	struct fixture *fx = *state;
	struct field *a = form_add(fx->f, "a", FIELD_TEXT, "A", true);
	struct field *b = form_add(fx->f, "b", FIELD_PASSWORD, "B", true);

	field_set(b, "hidden");
	type_text(fx, L"one");
	key(fx, OK, '\t');
	assert_int_equal(fx->f->focus, 1);
	assert_int_equal(b->cur, 6);
	type_text(fx, L"!");
	assert_string_equal(b->value, "hidden!");
	press(fx, KEY_UP, 1);
	assert_int_equal(fx->f->focus, 0);
	assert_int_equal(a->cur, 3);
	press(fx, KEY_DOWN, 2);
	assert_int_equal(fx->f->focus, 2);	/* the button */
	press(fx, KEY_DOWN, 1);
	assert_int_equal(fx->f->focus, 2);	/* nothing after it */
	assert_int_equal(key(fx, OK, '\r'), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_SUBMIT);
	assert_int_equal(key(fx, OK, 27), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_BACK);
}

/* Ctrl-X sends a valid form; an invalid one stays, with the error on the
 * first wrong field, which gets the focus. */
static void
test_ctrl_x(void **state)
{
	struct fixture *fx = *state;
	struct field *a = form_add(fx->f, "a", FIELD_TEXT, "A", true);

	form_add(fx->f, "b", FIELD_TEXT, "B", false);
	key(fx, OK, '\t');
	assert_int_equal(key(fx, OK, 24), WIDGET_KEY_DONE);
	assert_non_null(a->error);
	assert_int_equal(fx->f->focus, 0);
	type_text(fx, L"x");
	assert_int_equal(key(fx, OK, 24), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_SUBMIT);
}

/* The heap overflow: Settings -> Change password emptied the first field
 * with field_set while the cursor stood at the end of what had been typed;
 * the renderer kept its own cursor, and the next letter was put 15 bytes
 * past the end of an empty value (ASan: negative-size-param). */
static void
test_emptied_field_then_key(void **state)
{
	struct fixture *fx = *state;
	struct field *cur = form_add(fx->f, "current", FIELD_PASSWORD,
	    "Current", true);
	struct field *new1 = form_add(fx->f, "new", FIELD_PASSWORD, "New", true);

	type_text(fx, L"wrong-password1");
	key(fx, OK, '\t');
	type_text(fx, L"good password");
	press(fx, KEY_UP, 1);
	assert_int_equal(cur->cur, strlen("wrong-password1"));
	/* What the screen does when the current password is wrong. */
	field_set(cur, "");
	assert_int_equal(cur->cur, 0);
	type_text(fx, L"r");
	assert_string_equal(cur->value, "r");
	assert_int_equal(cur->cur, 1);
	press(fx, KEY_BACKSPACE, 1);
	assert_string_equal(cur->value, "");
	assert_string_equal(new1->value, "good password");
	/* The same with a shorter text instead of an empty one. */
	type_text(fx, L"abcdef");
	field_set(cur, "ab");
	type_text(fx, L"c");
	assert_string_equal(cur->value, "abc");
	assert_int_equal(cur->cur, 3);
}

/* Choices turn with Left, Right and Space; a choice field without choices
 * takes the keys without dividing by zero. */
static void
test_choice_keys(void **state)
{
	struct fixture *fx = *state;
	struct field *c = form_add(fx->f, "c", FIELD_CHOICE, "C", true);
	struct field *none;

	field_add_choice(c, "lt", "Lietuvi\u0173");
	field_add_choice(c, "en", "English");
	field_add_choice(c, "pl", "Polski");
	press(fx, KEY_RIGHT, 1);
	assert_string_equal(c->value, "en");
	key(fx, OK, ' ');
	assert_string_equal(c->value, "pl");
	press(fx, KEY_RIGHT, 1);
	assert_string_equal(c->value, "lt");
	press(fx, KEY_LEFT, 1);
	assert_string_equal(c->value, "pl");
	/* ? on a choice asks for help (it is no text there). */
	assert_int_equal(key(fx, OK, '?'), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_HELP);
	none = form_add(fx->f, "none", FIELD_CHOICE, "None", true);
	key(fx, OK, '\t');
	assert_ptr_equal(fx->f->fields[fx->f->focus], none);
	press(fx, KEY_RIGHT, 1);
	press(fx, KEY_LEFT, 1);
	key(fx, OK, ' ');
	assert_int_equal(none->nchoices, 0);
}

/* A multi-line field is edited in the editor: Enter is a new line there,
 * and the field's value follows each key. */
static void
test_textarea(void **state)
{
	struct fixture *fx = *state;
	struct field *t = form_add(fx->f, "body", FIELD_TEXTAREA, "Text", true);

	field_set(t, "> quoted");
	press(fx, KEY_END, 1);
	key(fx, OK, '\r');
	type_text(fx, L"r\u0117plys");
	assert_string_equal(t->value, "> quoted\nr\u0117plys");
	key(fx, OK, 127);
	assert_string_equal(t->value, "> quoted\nr\u0117ply");
	/* Enter does not send from the editor; Ctrl-X does. */
	assert_int_equal(key(fx, OK, '\r'), WIDGET_KEY_DONE);
	assert_int_equal(key(fx, OK, 24), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_SUBMIT);
}

/* The widget's editor follows the field: a value set behind it (a new
 * form made where the last one was freed, or a draft taken back) is what
 * the next key edits, not the old text. */
static void
test_textarea_value_set_behind(void **state)
{
	struct fixture *fx = *state;
	struct field *t = form_add(fx->f, "body", FIELD_TEXTAREA, "Text", true);

	type_text(fx, L"Anna line 3");
	assert_string_equal(t->value, "Anna line 3");
	field_set(t, "");
	type_text(fx, L"Anna line 4");
	assert_string_equal(t->value, "Anna line 4");
	field_set(t, "Kept draft");
	press(fx, KEY_END, 1);
	type_text(fx, L"!");
	assert_string_equal(t->value, "Kept draft!");
}

/* Several of choices with a limit of 2 between two text fields. */
static struct field *
add_topics(struct form *f)
{
	struct field *m;

	form_add(f, "name", FIELD_TEXT, "Name", false);
	m = form_add(f, "topics", FIELD_MULTI, "Topics", true);
	field_add_choice(m, "lang", "Languages");
	field_add_choice(m, "it", "Computers");
	field_add_choice(m, "art", "Art and crafts");
	field_add_choice(m, "sport", "Sport");
	m->max_chosen = 2;
	form_add(f, "after", FIELD_TEXT, "After", false);
	return m;
}

/* Space picks the item at the cursor; Down and Up go through the items and
 * then on to the next or previous field; past the limit Space changes
 * nothing and the field says why, until one is taken off. */
static void
test_multi_keys(void **state)
{
	struct fixture *fx = *state;
	struct field *m = add_topics(fx->f);

	key(fx, OK, '\t');
	assert_ptr_equal(fx->f->fields[fx->f->focus], m);
	key(fx, OK, ' ');			/* Languages */
	assert_string_equal(m->value, "lang");
	press(fx, KEY_DOWN, 1);
	assert_ptr_equal(fx->f->fields[fx->f->focus], m);	/* still here */
	key(fx, OK, ' ');			/* Computers */
	assert_string_equal(m->value, "lang,it");
	press(fx, KEY_DOWN, 1);
	assert_int_equal(key(fx, OK, ' '), WIDGET_KEY_DONE);	/* Art: a third */
	assert_string_equal(m->value, "lang,it");
	assert_false(field_is_chosen(m, 2));
	assert_non_null(m->error);
	assert_string_equal(m->error, "At most 2 can be chosen: press Space "
	    "on a chosen one to take it off first.");
	press(fx, KEY_UP, 1);
	key(fx, OK, ' ');			/* Computers off */
	assert_string_equal(m->value, "lang");
	assert_null(m->error);
	press(fx, KEY_DOWN, 2);
	key(fx, OK, ' ');			/* Sport, the last */
	assert_string_equal(m->value, "lang,sport");
	press(fx, KEY_DOWN, 1);			/* past the last: on */
	assert_int_equal(fx->f->focus, 2);
	press(fx, KEY_UP, 1);			/* back: on the last item */
	assert_ptr_equal(fx->f->fields[fx->f->focus], m);
	key(fx, OK, ' ');
	assert_string_equal(m->value, "lang");
	press(fx, KEY_UP, 3);			/* to the first, then out */
	assert_ptr_equal(fx->f->fields[fx->f->focus], m);
	press(fx, KEY_UP, 1);
	assert_int_equal(fx->f->focus, 0);
	/* Typed letters are no text here; ? is help; Enter goes on. */
	press(fx, KEY_DOWN, 1);
	assert_int_equal(key(fx, OK, 'x'), WIDGET_KEY_DONE);
	assert_string_equal(m->value, "lang");
	assert_int_equal(key(fx, OK, '?'), WIDGET_KEY_EVENT);
	assert_int_equal(fx->ev.type, EV_HELP);
	key(fx, OK, '\r');
	assert_int_equal(fx->f->focus, 2);
}

/* Required, with nothing picked, Enter stays with the error; an empty
 * list of choices takes the keys without harm. */
static void
test_multi_required_and_empty(void **state)
{
	struct fixture *fx = *state;
	struct field *m = add_topics(fx->f);
	struct field *none = form_add(fx->f, "none", FIELD_MULTI, "None", false);

	key(fx, OK, '\t');
	key(fx, OK, '\r');
	assert_ptr_equal(fx->f->fields[fx->f->focus], m);
	assert_string_equal(m->error, "Please fill this in.");
	key(fx, OK, ' ');
	key(fx, OK, '\r');
	assert_int_equal(fx->f->focus, 2);
	key(fx, OK, '\t');
	assert_ptr_equal(fx->f->fields[fx->f->focus], none);
	key(fx, OK, ' ');
	press(fx, KEY_UP, 1);
	assert_int_equal(fx->f->focus, 2);
	press(fx, KEY_DOWN, 2);
	assert_int_equal(fx->f->focus, 4);	/* the button */
	assert_false(form_validate(fx->f));	/* nothing to choose from */
	assert_ptr_equal(fx->f->fields[fx->f->focus], none);
}

/* The real renderers draw a form of the test screen below. */
static struct form *shown_form;

static void
form_screen_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	(void)st;
	v->title = xstrdup("Survey");
	v->form = shown_form;
}

static const struct screen_ops form_screen = {
	.name = "survey-form",
	.title_key = "reason.title",
	.describe = form_screen_describe,
};

/* Runs the test screen in mode with input as what the terminal sends, and
 * returns the last picture (newly allocated). */
static char *
picture(enum ui_mode mode, const char *input)
{
	struct tdb t;
	struct rec r;
	int in[2];
	char *pic;

	tdb_open(&t, "render-form");
	rec_open(&r, t.db, NULL, "en", mode, REC_DRAW);
	assert_int_equal(pipe(in), 0);
	assert_int_equal(write(in[1], input, strlen(input)),
	    (ssize_t)strlen(input));
	close(in[1]);
	/* In place of the empty input; the renderer reads the terminal it
	 * started on, so it starts again. */
	r.inner->stop(&r.app);
	assert_true(dup2(in[0], r.p.in_fd) >= 0);
	close(in[0]);
	assert_int_equal(r.inner->start(&r.app), 0);
	if (mode == UI_MODE_FULL)
		capture_resize(24, 80);
	rec_run(&r, &form_screen, NULL, false, NULL, 0);
	pic = xstrdup(rec_last(&r)->picture);
	rec_close(&r);
	tdb_close(&t);
	return pic;
}

/* The full screen: a "[x] label" line per item, the cursor on the box of
 * the focused item (screen readers follow it), the limit under them, Space
 * in the key bar; past the limit the message shows and nothing is lost. */
static void
test_multi_full_picture(void **state)
{
	struct fixture *fx = *state;
	struct field *m = add_topics(fx->f);
	char *pic;

	shown_form = fx->f;
	fx->f->focus = 1;
	field_set(m, "it");
	/* Space on Languages, Down twice, Space on Art: one too many. */
	pic = picture(UI_MODE_FULL, " \033OB\033OB ");
	assert_non_null(strstr(pic, "\n > Topics\n"
	    "     [x] Languages\n"
	    "     [x] Computers\n"
	    "     [ ] Art and crafts\n"
	    "     [ ] Sport\n"
	    "     ! At most 2 can be chosen: press Space on a chosen one to take it off\n"
	    "       first.\n"));
	assert_non_null(strstr(pic, "Tab Next field  Space Choose  Enter Confirm"));
	/* The cursor on Art's box: row of the title bar, "Survey", a blank,
	 * "Name", its value, "> Topics", then the items. */
	assert_non_null(strstr(pic, "\ncursor 8,6\n"));
	assert_string_equal(m->value, "lang,it");
	free(pic);
	/* Without an error, the limit is told under the items. */
	field_set_error(m, NULL);
	pic = picture(UI_MODE_FULL, "");
	assert_non_null(strstr(pic, "     [ ] Sport\n Choose at most 2 options.\n"));
	assert_non_null(strstr(pic, "\ncursor 6,6\n"));	/* the first item */
	free(pic);
}

/* The plain mode: numbered items with the chosen marked, the limit, what
 * is chosen now; numbers separated by commas; a wrong answer is named and
 * asked again; Enter alone keeps what is there. */
static void
test_multi_plain(void **state)
{
	struct fixture *fx = *state;
	struct field *m = add_topics(fx->f);
	char *pic;

	shown_form = fx->f;
	field_set(m, "art");
	pic = picture(UI_MODE_PLAIN, "\n1,5\n1, 2, 3\n2 4\n");
	assert_non_null(strstr(pic, "Topics\n"
	    "1. Languages\n"
	    "2. Computers\n"
	    "3. Art and crafts (chosen)\n"
	    "4. Sport\n"
	    "Choose at most 2 options.\n"
	    "Now: Art and crafts\n"
	    "Press Enter alone to keep what is there.\n"
	    "[Survey] Numbers separated by commas, - for none (? is help, ! "
	    "cancels): "));
	assert_non_null(strstr(pic, "Not one of the choices: 5.\n"));
	assert_non_null(strstr(pic, "Choose at most 2 options.\n"));
	assert_non_null(strstr(pic, "4. Sport\n"));
	assert_string_equal(m->value, "it,sport");
	assert_non_null(strstr(pic, "After (optional)\n"));	/* asked next */
	free(pic);
	/* Enter alone keeps the choice. */
	pic = picture(UI_MODE_PLAIN, "\n\n");
	assert_string_equal(m->value, "it,sport");
	assert_non_null(strstr(pic, "2. Computers (chosen)\n"));
	free(pic);
}

/* Survey scales: 0-10 in one row with the chosen number in brackets and
 * the cursor on it, Right moving it; a 5-point agreement scale in words
 * turns in place ("< Agree >"), its longest label within 80 columns. */
static void
add_scales(struct form *f)
{
	static const char *const agree[] = { "Strongly disagree", "Disagree",
	    "Neither agree nor disagree", "Agree", "Strongly agree" };
	struct field *nps = form_add(f, "nps", FIELD_CHOICE,
	    "How likely are you to recommend it?", true);
	struct field *ag = form_add(f, "agree", FIELD_CHOICE,
	    "Learning is valued in my family", true);
	char label[4];
	int i;

	for (i = 0; i <= 10; i++) {
		snprintf(label, sizeof label, "%d", i);
		field_add_choice(nps, label, label);
	}
	for (i = 0; i < 5; i++) {
		snprintf(label, sizeof label, "%d", i + 1);
		field_add_choice(ag, label, agree[i]);
	}
	field_set(nps, "7");
	field_set(ag, "3");
}

static void
test_scale_full_picture(void **state)
{
	struct fixture *fx = *state;
	char *pic;

	add_scales(fx->f);
	shown_form = fx->f;
	pic = picture(UI_MODE_FULL, "\033OC");		/* Right: 8 */
	assert_non_null(strstr(pic, "\n > How likely are you to recommend it?\n"
	    "      0   1   2   3   4   5   6   7  [8]  9   10\n"
	    "   Learning is valued in my family\n"
	    "     < Neither agree nor disagree >\n"));
	assert_non_null(strstr(pic, "\ncursor 4,38\n"));	/* on the 8 */
	assert_string_equal(form_value(fx->f, "nps"), "8");
	free(pic);
}

/* The plain mode: the scale in one row, and the number typed is the one
 * shown, not a place in a list; words stay a numbered list. */
static void
test_scale_plain(void **state)
{
	struct fixture *fx = *state;
	char *pic;

	add_scales(fx->f);
	form_add(fx->f, "after", FIELD_TEXT, "After", false);
	shown_form = fx->f;
	pic = picture(UI_MODE_PLAIN, "3\n5\n");
	assert_non_null(strstr(pic, "How likely are you to recommend it?\n"
	    " 0   1   2   3   4   5   6  [7]  8   9   10\n[Survey] Your answer"));
	assert_non_null(strstr(pic, "3. Neither agree nor disagree (current)\n"));
	assert_string_equal(form_value(fx->f, "nps"), "3");
	assert_string_equal(form_value(fx->f, "agree"), "5");
	free(pic);
}

/* A long item wraps under the start of its label, not under the box. */
static void
test_multi_long_item(void **state)
{
	struct fixture *fx = *state;
	struct field *m = form_add(fx->f, "kept", FIELD_MULTI,
	    "What kept you from learning?", false);
	char *pic;

	field_add_choice(m, "time", "Not enough time because of work or "
	    "family duties, and courses held only in the daytime");
	field_add_choice(m, "cost", "Cost");
	shown_form = fx->f;
	pic = picture(UI_MODE_FULL, "\033OB ");	/* Down, Space: Cost */
	assert_non_null(strstr(pic, "\n > What kept you from learning? (optional)\n"
	    "     [ ] Not enough time because of work or family duties, and courses held\n"
	    "         only in the daytime\n"
	    "     [x] Cost\n"));
	assert_non_null(strstr(pic, "\ncursor 6,6\n"));
	free(pic);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_typing_and_cursor_keys,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_ctrl_u_clears, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multibyte, setup, teardown),
		cmocka_unit_test_setup_teardown(test_focus_and_enter, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_ctrl_x, setup, teardown),
		cmocka_unit_test_setup_teardown(test_emptied_field_then_key, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_choice_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_textarea, setup, teardown),
		cmocka_unit_test_setup_teardown(test_textarea_value_set_behind,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_multi_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multi_required_and_empty,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_multi_full_picture, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_multi_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_multi_long_item, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scale_full_picture, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scale_plain, setup, teardown),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
