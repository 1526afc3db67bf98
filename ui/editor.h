/* The multi-line text editor's logic, without drawing: UTF-8 text with a
 * cursor that is always on a grapheme boundary, word-wrapped into visual
 * lines by ICU line breaking, moved by graphemes and by visual lines,
 * scrolled to keep the cursor in view, and held within a limit of code
 * points. Forum posts use it, and so can events and surveys; the
 * full-screen renderer draws editor_line()s of editor_text().
 *
 * The stored text never holds a control character but '\n': CRLF and CR
 * become '\n', TAB becomes four spaces, U+2028/U+2029 become '\n', other
 * controls are dropped and bad UTF-8 becomes U+FFFD. */
#ifndef TINKLAS_UI_EDITOR_H
#define TINKLAS_UI_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct editor;

enum editor_key {
	ED_LEFT,	/* one grapheme back ('\n' is one) */
	ED_RIGHT,
	ED_UP,		/* one visual line, keeping the wanted column */
	ED_DOWN,
	ED_HOME,	/* start / end of the visual line */
	ED_END,
	ED_PGUP,	/* a page of visual lines (height - 1) */
	ED_PGDN,
	ED_BACKSPACE,	/* deletes the grapheme before / after */
	ED_DELETE,
	ED_NEWLINE,
	ED_TOP,		/* start / end of the text */
	ED_BOTTOM
};

enum editor_result {
	ED_OK,		/* done */
	ED_LIMIT,	/* refused whole: the text would pass the limit */
	ED_IGNORED	/* nothing to do: at an edge, or nothing to insert */
};

/* A visual line: bytes [start, end) of editor_text(), without the '\n'. A
 * wrapped line keeps its trailing blanks, which may pass the width: draw
 * with clipping. quote: the line's paragraph starts with "> " or is ">";
 * wrapped continuations of a quote are quote too. */
struct editor_line {
	size_t	start;
	size_t	end;
	bool	quote;
};

/* A new editor holding initial (NULL: empty), cursor at its end, laid out
 * for 80 x 24 until editor_layout says otherwise. max_cp (0: none) limits
 * the code points insertions may reach; a longer initial text is kept
 * whole and only refuses insertions. */
struct editor *editor_new(const char *initial, size_t max_cp);
void editor_free(struct editor *ed);

/* Does what key k means (see enum editor_key). Returns ED_OK, ED_IGNORED
 * when there is nothing to do, ED_LIMIT when a newline would pass the
 * limit. */
enum editor_result editor_key(struct editor *ed, enum editor_key k);
/* Inserts utf8 (one character or a whole paste) at the cursor, cleaned as
 * above; the cursor goes after it. Returns ED_LIMIT, changing nothing, when
 * the text would pass the limit; ED_IGNORED when nothing was left. */
enum editor_result editor_insert(struct editor *ed, const char *utf8);
/* editor_insert of one code point, as a key event delivers it. */
enum editor_result editor_insert_cp(struct editor *ed, uint32_t cp);

/* The text, NUL-terminated; valid until the next change. */
const char *editor_text(const struct editor *ed);
/* Code points of the text, and the limit (0: none), for "N / max". */
size_t editor_length_cp(const struct editor *ed);
size_t editor_max_cp(const struct editor *ed);
/* True when the text differs from the initial one: Esc asks first. */
bool editor_modified(const struct editor *ed);

/* Lays the text out for a window of width x height cells; cheap when
 * neither changed. Lines hold at most width - 1 columns of text (besides
 * hanging blanks), so a cursor after a full line stays inside the window. */
void editor_layout(struct editor *ed, int width, int height);
/* Number of visual lines (>= 1), and line i of them (0 <= i < lines). */
int editor_lines(const struct editor *ed);
const struct editor_line *editor_line(const struct editor *ed, int i);
/* The cursor's visual row (absolute, from 0) and display column (< width;
 * wide characters count 2), and its byte offset in editor_text(). */
void editor_cursor(const struct editor *ed, int *row, int *col);
size_t editor_offset(const struct editor *ed);
/* The first visual row to draw: the cursor's row is always among the
 * height rows from it. */
int editor_scroll(const struct editor *ed);

#endif
