/* ui/editor: the multi-line editor's logic (wrapping, cursor movement by
 * graphemes and visual lines, the limit, cleaning of pastes, quotes,
 * scrolling, speed of long pastes), and i18n_wrap_spans, which it uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "common/strbuf.h"
#include "common/utf8.h"
#include "i18n/i18n.h"
#include "tests/unit/fixture.h"
#include "ui/editor.h"

static const char *const lt_text =
    "Šarūnas išėjo į mišką rinkti grybų, o Žydrūnė liko namie skaityti "
    "knygos apie Kauno senamiestį ir jo žmones.";

/* Columns of line i without its hanging blanks. */
static int
line_width(struct editor *ed, int i)
{
	const struct editor_line	*l = editor_line(ed, i);
	const char			*t = editor_text(ed);
	size_t				 e = l->end;

	while (e > l->start && t[e - 1] == ' ')
		e--;
	return i18n_width_n(t + l->start, e - l->start);
}

/* Presses k n times. */
static void
press(struct editor *ed, enum editor_key k, int n)
{
	while (n-- > 0)
		editor_key(ed, k);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The spans are i18n_wrap's lines, at their byte offsets. */
static void
check_spans_match_wrap(const char *text, int width)
{
	struct i18n_span	*sp;
	char			**lines;
	int			  n, m, i;
	size_t			  e;

	n = i18n_wrap_spans(text, width, &sp);
	m = i18n_wrap(text, width, &lines);
	assert_int_equal(n, m);
	for (i = 0; i < n; i++) {
		e = sp[i].end;
		while (e > sp[i].start && text[e - 1] == ' ')
			e--;
		assert_int_equal(e - sp[i].start, strlen(lines[i]));
		assert_memory_equal(text + sp[i].start, lines[i],
		    strlen(lines[i]));
		if (i + 1 < n)
			assert_true(sp[i + 1].start == sp[i].end ||
			    (text[sp[i].end] == '\n' &&
			    sp[i + 1].start == sp[i].end + 1));
	}
	free(sp);
	i18n_free_lines(lines, m);
}

static void
test_spans_match_wrap(void **state)
{
	struct strbuf	sb = { 0 };
	int		i, w;

	(void)state;
	for (w = 1; w <= 40; w += 3) {
		check_spans_match_wrap(lt_text, w);
		check_spans_match_wrap("ab 漢字漢字漢 e\u0301e\u0301e\u0301 "
		    "Привіт, як справи? (дуже) добре!", w);
		check_spans_match_wrap("one\n\ntwo   three     four", w);
	}
	/* Longer than one ICU window: paragraphs of 3,000 words, a word of
	 * 5,000 letters, digits and punctuation. */
	for (i = 0; i < 3000; i++)
		sb_printf(&sb, "%s%d ", i % 7 ? "žodis" : "(\"a-b\")", i);
	sb_puts(&sb, "\n");
	for (i = 0; i < 5000; i++)
		sb_puts(&sb, i % 3 ? "ą" : "x");
	sb_puts(&sb, " $12,345.67 end");
	for (w = 7; w <= 120; w += 37)
		check_spans_match_wrap(sb.s, w);
	sb_free(&sb);
}

static void
test_spans_of_empty_paragraphs(void **state)
{
	struct i18n_span *sp;

	(void)state;
	assert_int_equal(i18n_wrap_spans("", 10, &sp), 1);
	assert_true(sp[0].start == 0 && sp[0].end == 0);
	free(sp);
	assert_int_equal(i18n_wrap_spans("ab\n", 10, &sp), 2);
	assert_true(sp[0].start == 0 && sp[0].end == 2);
	assert_true(sp[1].start == 3 && sp[1].end == 3);
	free(sp);
}

static void
test_wrap_keeps_words(void **state)
{
	struct editor	*ed = editor_new(lt_text, 0);
	const char	*t = editor_text(ed);
	int		 i, n;

	(void)state;
	editor_layout(ed, 20, 10);
	n = editor_lines(ed);
	assert_true(n >= 6);
	for (i = 0; i < n; i++) {
		assert_true(line_width(ed, i) <= 19);
		/* Every wrapped line ends after a space: no word is cut. */
		if (i + 1 < n)
			assert_int_equal(t[editor_line(ed, i)->end - 1], ' ');
	}
	assert_int_equal(editor_line(ed, 0)->start, 0);
	assert_int_equal(editor_line(ed, n - 1)->end, strlen(t));

	/* A word longer than the line is cut at graphemes. */
	editor_free(ed);
	ed = editor_new("e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301", 0);
	editor_layout(ed, 4, 10);
	assert_int_equal(editor_lines(ed), 3);
	assert_int_equal(editor_line(ed, 0)->end, 9);	/* three é */
	assert_int_equal(line_width(ed, 0), 3);
	editor_free(ed);
}

static void
test_combining_is_one_step(void **state)
{
	struct editor	*ed = editor_new("ae\u0301b", 0);
	int		 row, col;

	(void)state;
	assert_int_equal(editor_offset(ed), 5);
	assert_int_equal(editor_key(ed, ED_LEFT), ED_OK);
	assert_int_equal(editor_offset(ed), 4);
	assert_int_equal(editor_key(ed, ED_LEFT), ED_OK);
	assert_int_equal(editor_offset(ed), 1);		/* over e + U+0301 */
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 1);
	assert_int_equal(editor_key(ed, ED_RIGHT), ED_OK);
	assert_int_equal(editor_offset(ed), 4);
	editor_cursor(ed, &row, &col);
	assert_int_equal(col, 2);
	assert_int_equal(editor_key(ed, ED_BACKSPACE), ED_OK);
	assert_string_equal(editor_text(ed), "ab");
	assert_int_equal(editor_offset(ed), 1);
	assert_int_equal(editor_length_cp(ed), 2);

	/* A combining mark typed after a letter joins it; the cursor stays
	 * after the cluster. */
	assert_int_equal(editor_insert(ed, "e"), ED_OK);
	assert_int_equal(editor_insert_cp(ed, 0x0301), ED_OK);
	assert_string_equal(editor_text(ed), "ae\u0301b");
	assert_int_equal(editor_offset(ed), 4);
	assert_int_equal(editor_key(ed, ED_DELETE), ED_OK);
	assert_string_equal(editor_text(ed), "ae\u0301");
	assert_int_equal(editor_key(ed, ED_DELETE), ED_IGNORED);
	assert_int_equal(editor_key(ed, ED_RIGHT), ED_IGNORED);
	press(ed, ED_LEFT, 2);
	assert_int_equal(editor_key(ed, ED_LEFT), ED_IGNORED);
	assert_int_equal(editor_key(ed, ED_BACKSPACE), ED_IGNORED);
	editor_free(ed);
}

static void
test_up_down_keep_column(void **state)
{
	struct editor	*ed = editor_new("Labas rytas\nČia\nŠiandien šilta", 0);
	int		 row, col;

	(void)state;
	editor_layout(ed, 40, 10);
	editor_key(ed, ED_TOP);
	press(ed, ED_RIGHT, 8);			/* "Labas ry|tas" */
	assert_int_equal(editor_key(ed, ED_DOWN), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 3);		/* end of the short "Čia" */
	assert_int_equal(editor_key(ed, ED_DOWN), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 8);		/* the column came back */
	assert_int_equal(editor_key(ed, ED_DOWN), ED_IGNORED);
	assert_int_equal(editor_key(ed, ED_UP), ED_OK);
	assert_int_equal(editor_key(ed, ED_UP), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 8);
	assert_int_equal(editor_key(ed, ED_UP), ED_IGNORED);
	editor_free(ed);

	/* Wide characters count two columns; the cursor never lands inside
	 * one, and goes back to its column past it. */
	ed = editor_new("abcdefgh\n漢字漢字\nabcdefgh", 0);
	editor_layout(ed, 40, 10);
	editor_key(ed, ED_TOP);
	press(ed, ED_RIGHT, 5);
	editor_key(ed, ED_DOWN);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);		/* before the third 漢 */
	assert_int_equal(editor_offset(ed), 9 + 6);
	editor_key(ed, ED_DOWN);
	editor_cursor(ed, &row, &col);
	assert_int_equal(col, 5);
	editor_key(ed, ED_UP);
	editor_key(ed, ED_RIGHT);		/* sideways: a new column */
	editor_key(ed, ED_DOWN);
	editor_cursor(ed, &row, &col);
	assert_int_equal(col, 6);
	editor_free(ed);
}

static void
test_home_end_on_wrapped_lines(void **state)
{
	struct editor	*ed = editor_new("alpha beta gamma", 0);
	int		 row, col;

	(void)state;
	editor_layout(ed, 12, 10);		/* wraps at 11: "alpha beta " */
	assert_int_equal(editor_lines(ed), 2);
	editor_key(ed, ED_TOP);
	assert_int_equal(editor_key(ed, ED_END), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 0);		/* before the hanging space */
	assert_int_equal(col, 10);
	assert_int_equal(editor_key(ed, ED_RIGHT), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	assert_int_equal(editor_key(ed, ED_END), ED_OK);
	assert_int_equal(editor_offset(ed), strlen("alpha beta gamma"));
	assert_int_equal(editor_key(ed, ED_HOME), ED_OK);
	assert_int_equal(editor_offset(ed), 11);
	assert_int_equal(editor_key(ed, ED_HOME), ED_IGNORED);
	editor_free(ed);
}

static void
test_backspace_joins_lines(void **state)
{
	struct editor	*ed = editor_new("pirma\nantra", 0);
	int		 row, col;

	(void)state;
	editor_key(ed, ED_HOME);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(editor_key(ed, ED_BACKSPACE), ED_OK);
	assert_string_equal(editor_text(ed), "pirmaantra");
	assert_int_equal(editor_lines(ed), 1);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 5);
	assert_int_equal(editor_key(ed, ED_NEWLINE), ED_OK);
	assert_string_equal(editor_text(ed), "pirma\nantra");
	assert_int_equal(editor_lines(ed), 2);
	editor_key(ed, ED_UP);
	editor_key(ed, ED_END);
	assert_int_equal(editor_key(ed, ED_DELETE), ED_OK);
	assert_string_equal(editor_text(ed), "pirmaantra");
	editor_free(ed);
}

static void
test_limit_refuses_whole(void **state)
{
	struct editor	*ed = editor_new("ąčę", 10);
	struct strbuf	 sb = { 0 };
	int		 i;

	(void)state;
	assert_int_equal(editor_insert(ed, "žąsys"), ED_OK);	/* 8 */
	assert_int_equal(editor_insert(ed, "abc"), ED_LIMIT);	/* 11 */
	assert_string_equal(editor_text(ed), "ąčęžąsys");
	assert_int_equal(editor_length_cp(ed), 8);
	assert_int_equal(editor_insert(ed, "ab"), ED_OK);	/* exactly 10 */
	assert_int_equal(editor_insert_cp(ed, 'x'), ED_LIMIT);
	assert_int_equal(editor_key(ed, ED_NEWLINE), ED_LIMIT);
	assert_int_equal(editor_length_cp(ed), 10);
	assert_int_equal(editor_key(ed, ED_BACKSPACE), ED_OK);
	assert_int_equal(editor_insert_cp(ed, 'x'), ED_OK);
	assert_string_equal(editor_text(ed), "ąčęžąsysax");
	editor_free(ed);

	/* A 20,001-character paste into the forum limit is refused whole. */
	ed = editor_new("Sveiki! ", 20000);
	for (i = 0; i < 20001 - 8; i++)
		sb_puts(&sb, "ž");
	assert_int_equal(editor_insert(ed, sb.s), ED_LIMIT);
	assert_string_equal(editor_text(ed), "Sveiki! ");
	sb.s[sb.len - 2] = '\0';		/* one ž less: 20,000 fits */
	assert_int_equal(editor_insert(ed, sb.s), ED_OK);
	assert_int_equal(editor_length_cp(ed), 20000);
	sb_free(&sb);
	editor_free(ed);

	/* A longer initial text is kept whole; deleting still works. */
	ed = editor_new("abcdef", 3);
	assert_string_equal(editor_text(ed), "abcdef");
	assert_int_equal(editor_insert(ed, "g"), ED_LIMIT);
	assert_int_equal(editor_key(ed, ED_BACKSPACE), ED_OK);
	assert_string_equal(editor_text(ed), "abcde");
	editor_free(ed);
}

static void
test_paste_is_cleaned(void **state)
{
	struct editor *ed = editor_new("a\r\nb", 0);

	(void)state;
	assert_string_equal(editor_text(ed), "a\nb");
	assert_false(editor_modified(ed));
	assert_int_equal(editor_insert(ed, "\r\nc\rd\r\n\r\ne"), ED_OK);
	assert_string_equal(editor_text(ed), "a\nb\nc\nd\n\ne");
	assert_true(editor_modified(ed));
	/* A CR and its LF arriving as two key events make one newline. */
	assert_int_equal(editor_insert(ed, "\r"), ED_OK);
	assert_int_equal(editor_insert(ed, "\n"), ED_IGNORED);
	assert_int_equal(editor_insert(ed, "\n"), ED_OK);
	assert_string_equal(editor_text(ed), "a\nb\nc\nd\n\ne\n\n");
	editor_free(ed);

	ed = editor_new("", 0);
	assert_int_equal(editor_insert(ed, "x\ty\x1b[31mz\x07\x7f\xc2\x9b"),
	    ED_OK);
	assert_string_equal(editor_text(ed), "x    y[31mz");
	assert_int_equal(editor_insert(ed, "\x1b\x01"), ED_IGNORED);
	assert_int_equal(editor_insert(ed, "\xff\xc3(\xe2\x80\xa8"), ED_OK);
	assert_string_equal(editor_text(ed), "x    y[31mz\uFFFD\uFFFD(\n");
	assert_int_equal(editor_insert_cp(ed, 0xd800), ED_IGNORED);
	assert_int_equal(editor_insert_cp(ed, 0x1F600), ED_OK);
	assert_int_equal(editor_length_cp(ed), 16);
	editor_free(ed);
}

static void
test_modified(void **state)
{
	struct editor *ed = editor_new("Labas", 0);

	(void)state;
	assert_false(editor_modified(ed));
	editor_insert(ed, "!");
	assert_true(editor_modified(ed));
	editor_key(ed, ED_BACKSPACE);
	assert_false(editor_modified(ed));	/* the same text again */
	editor_free(ed);
}

static void
test_quotes_marked(void **state)
{
	struct editor	*ed;
	const char	*t;
	int		 i, n, nq = 0;

	(void)state;
	ed = editor_new("> Jonas rašė: susitinkame šeštadienį prie bibliotekos "
	    "dešimtą valandą\n>\nGerai, būsiu.\n>not a quote", 0);
	editor_layout(ed, 20, 10);
	t = editor_text(ed);
	n = editor_lines(ed);
	assert_true(n >= 7);
	for (i = 0; i < n; i++) {
		const struct editor_line *l = editor_line(ed, i);

		if (l->quote)
			nq++;
		if (strncmp(t + l->start, "Gerai", 5) == 0 ||
		    strncmp(t + l->start, ">not", 4) == 0)
			assert_false(l->quote);
	}
	assert_true(editor_line(ed, 0)->quote);
	assert_true(editor_line(ed, 1)->quote);		/* a continuation */
	/* All but "Gerai, būsiu." and ">not a quote". */
	assert_int_equal(nq, n - 2);

	/* Typing "> " at a paragraph's start marks all of its lines. */
	editor_key(ed, ED_BOTTOM);
	editor_key(ed, ED_HOME);
	editor_key(ed, ED_UP);
	editor_key(ed, ED_HOME);
	assert_int_equal(strncmp(editor_text(ed) + editor_offset(ed),
	    "Gerai", 5), 0);
	editor_insert(ed, "> ");
	for (i = 0, nq = 0; i < editor_lines(ed); i++)
		nq += editor_line(ed, i)->quote;
	assert_int_equal(nq, editor_lines(ed) - 1);
	editor_free(ed);
}

static void
test_scroll_follows_cursor(void **state)
{
	struct editor	*ed = editor_new(NULL, 0);
	int		 i, row, col;

	(void)state;
	editor_layout(ed, 30, 5);
	for (i = 0; i < 30; i++) {
		editor_insert(ed, "eilutė");
		editor_key(ed, ED_NEWLINE);
		editor_cursor(ed, &row, &col);
		assert_true(row >= editor_scroll(ed));
		assert_true(row < editor_scroll(ed) + 5);
	}
	assert_int_equal(editor_lines(ed), 31);
	assert_int_equal(editor_scroll(ed), 26);
	assert_int_equal(editor_key(ed, ED_PGUP), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 26);
	assert_int_equal(editor_scroll(ed), 22);
	assert_int_equal(editor_key(ed, ED_TOP), ED_OK);
	assert_int_equal(editor_scroll(ed), 0);
	assert_int_equal(editor_key(ed, ED_PGDN), ED_OK);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 4);
	assert_int_equal(editor_scroll(ed), 4);
	press(ed, ED_PGDN, 20);
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, 30);
	assert_int_equal(editor_key(ed, ED_PGDN), ED_IGNORED);
	assert_true(row >= editor_scroll(ed) && row < editor_scroll(ed) + 5);
	assert_int_equal(editor_scroll(ed), 26);

	/* Deleting lines pulls the view back: no empty window below. */
	editor_key(ed, ED_TOP);
	press(ed, ED_DOWN, 10);
	for (i = 0; i < 20 * 7; i++)
		editor_key(ed, ED_DELETE);
	assert_int_equal(editor_lines(ed), 11);
	editor_key(ed, ED_BOTTOM);
	assert_int_equal(editor_scroll(ed), 6);
	/* A narrower window wraps again and keeps the cursor visible. */
	editor_layout(ed, 4, 3);
	editor_cursor(ed, &row, &col);
	assert_true(row >= editor_scroll(ed) && row < editor_scroll(ed) + 3);
	assert_true(col < 4);
	editor_free(ed);
}

/* Checks the editor's lines against a layout from scratch. */
static void
check_layout(struct editor *ed, int width)
{
	const char		*t = editor_text(ed);
	struct i18n_span	*sp;
	size_t			 ps;
	int			 n, i;
	bool			 q;

	n = i18n_wrap_spans(t, width - 1, &sp);
	assert_int_equal(editor_lines(ed), n);
	for (i = 0; i < n; i++) {
		const struct editor_line *l = editor_line(ed, i);

		assert_int_equal(l->start, sp[i].start);
		assert_int_equal(l->end, sp[i].end);
		for (ps = l->start; ps > 0 && t[ps - 1] != '\n'; ps--)
			;
		q = t[ps] == '>' && (t[ps + 1] == ' ' || t[ps + 1] == '\n' ||
		    t[ps + 1] == '\0');
		assert_int_equal(l->quote, q);
	}
	free(sp);
}

static void
test_edits_lay_out_as_from_scratch(void **state)
{
	static const char *const pieces[] = {
		"a", "ą", " ", "  ", "\n", "> ", ">", "žodis ", "漢字", "e\u0301",
		"Привіт ", "(", ")", "-", "ilgasžodisbetarpų", "12,5 ", "\"",
	};
	struct editor	*ed = editor_new(NULL, 0);
	unsigned	 seed = 7;
	int		 i, w, k;

	(void)state;
	for (w = 6; w <= 30; w += 12) {
		editor_layout(ed, w, 8);
		for (i = 0; i < 3000; i++) {
			seed = seed * 1103515245 + 12345;
			k = (int)(seed >> 16) % 20;
			if (k < 11)
				editor_insert(ed, pieces[(seed >> 8) %
				    (sizeof pieces / sizeof pieces[0])]);
			else if (k < 13)
				editor_key(ed, ED_BACKSPACE);
			else if (k < 14)
				editor_key(ed, ED_DELETE);
			else
				editor_key(ed, (enum editor_key)((seed >> 4) %
				    (ED_NEWLINE)));
			if (i % 10 == 0)
				check_layout(ed, w);
		}
		check_layout(ed, w);
	}
	editor_free(ed);
}

static void
test_long_pastes_are_fast(void **state)
{
	struct editor	*ed;
	struct strbuf	 sb = { 0 };
	double		 t0;
	int		 i, row, col;
	char		 one[8];
	const char	*p;

	(void)state;
	while (utf8_count_n(sb.s != NULL ? sb.s : "", sb.len) < 20000)
		sb_puts(&sb, "Vilniaus senamiestis – vienas didžiausių "
		    "Rytų ir Vidurio Europoje. ");
	sb.s[sb.len] = '\0';

	/* One paste of 20,000 characters. */
	ed = editor_new(NULL, 20000);
	editor_layout(ed, 78, 20);
	t0 = now();
	while (utf8_count(sb.s) > 20000)
		sb.s[--sb.len] = '\0';
	assert_int_equal(editor_insert(ed, sb.s), ED_OK);
	printf("# paste of 20,000 characters: %.1f ms, %d lines\n",
	    (now() - t0) * 1e3, editor_lines(ed));
	editor_cursor(ed, &row, &col);
	assert_int_equal(row, editor_lines(ed) - 1);
	check_layout(ed, 78);
	editor_free(ed);

	/* The same text typed one character at a time, cursor at the end. */
	ed = editor_new(NULL, 20000);
	editor_layout(ed, 78, 20);
	t0 = now();
	for (p = sb.s; *p != '\0'; p += strlen(one)) {
		i = 1;
		while (((unsigned char)p[i] & 0xc0) == 0x80)
			i++;
		memcpy(one, p, (size_t)i);
		one[i] = '\0';
		assert_int_equal(editor_insert(ed, one), ED_OK);
	}
	printf("# 20,000 single inserts at the end: %.1f ms\n",
	    (now() - t0) * 1e3);
	assert_string_equal(editor_text(ed), sb.s);
	check_layout(ed, 78);

	/* And 2,000 more in the middle of the first line (delete first). */
	editor_key(ed, ED_TOP);
	t0 = now();
	for (i = 0; i < 2000; i++) {
		editor_key(ed, ED_DELETE);
		assert_int_equal(editor_insert(ed, i % 6 ? "ė" : " "), ED_OK);
	}
	printf("# 2,000 deletes and inserts at the top: %.1f ms\n",
	    (now() - t0) * 1e3);
	check_layout(ed, 78);
	editor_free(ed);

	/* 20,000 letters without a space: cut, not quadratic. */
	ed = editor_new(NULL, 20000);
	editor_layout(ed, 78, 20);
	t0 = now();
	for (i = 0; i < 20000; i++)
		editor_insert_cp(ed, 0x17E);	/* ž */
	printf("# 20,000 single inserts of one long word: %.1f ms\n",
	    (now() - t0) * 1e3);
	assert_int_equal(editor_lines(ed), (20000 + 76) / 77);
	check_layout(ed, 78);
	editor_free(ed);
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans_match_wrap),
		cmocka_unit_test(test_spans_of_empty_paragraphs),
		cmocka_unit_test(test_wrap_keeps_words),
		cmocka_unit_test(test_combining_is_one_step),
		cmocka_unit_test(test_up_down_keep_column),
		cmocka_unit_test(test_home_end_on_wrapped_lines),
		cmocka_unit_test(test_backspace_joins_lines),
		cmocka_unit_test(test_limit_refuses_whole),
		cmocka_unit_test(test_paste_is_cleaned),
		cmocka_unit_test(test_modified),
		cmocka_unit_test(test_quotes_marked),
		cmocka_unit_test(test_scroll_follows_cursor),
		cmocka_unit_test(test_edits_lay_out_as_from_scratch),
		cmocka_unit_test(test_long_pastes_are_fast),
	};

	return cmocka_run_group_tests(tests, ti18n_setup, ti18n_teardown);
}
