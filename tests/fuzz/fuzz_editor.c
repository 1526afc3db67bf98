/* libFuzzer target for ui/editor.c, the editor's input: the bytes are a
 * script of keys, pastes, typed code points and window sizes. After each
 * step the text must hold no control but '\n' and be valid UTF-8, the
 * count of code points must be right and within the limit, the cursor
 * inside the text and the window, and the visual lines in order. Build:
 * `make fuzz`. */
#include "i18n/i18n.h"
#include "ui/editor.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Code points of valid UTF-8 s (shortest forms, no surrogates), or
 * aborts. */
static size_t
count_valid(const unsigned char *s)
{
	size_t n = 0;

	while (*s != '\0') {
		uint32_t cp;
		int len, i;

		if (*s < 0x80) {
			cp = *s;
			len = 1;
		} else if ((*s & 0xe0) == 0xc0) {
			cp = *s & 0x1f;
			len = 2;
		} else if ((*s & 0xf0) == 0xe0) {
			cp = *s & 0x0f;
			len = 3;
		} else if ((*s & 0xf8) == 0xf0) {
			cp = *s & 0x07;
			len = 4;
		} else
			abort();
		for (i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80)
				abort();
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			abort();
		/* C0 but '\n', DEL and C1 are controls. */
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f))
			abort();
		s += len;
		n++;
	}
	return n;
}

static void
check(const struct editor *ed, size_t max_cp, int width, int height)
{
	const char *text = editor_text(ed);
	size_t len = strlen(text), n, prev_end = 0;
	int i, lines = editor_lines(ed), row, col, top;

	n = count_valid((const unsigned char *)text);
	if (n != editor_length_cp(ed))
		abort();
	if (max_cp > 0 && n > max_cp)
		abort();
	if (editor_offset(ed) > len)
		abort();
	if (lines < 1)
		abort();
	for (i = 0; i < lines; i++) {
		const struct editor_line *l = editor_line(ed, i);

		if (l->start > l->end || l->end > len || l->start < prev_end)
			abort();
		prev_end = l->end;
	}
	editor_cursor(ed, &row, &col);
	top = editor_scroll(ed);
	if (row < 0 || row >= lines || col < 0 || col >= width)
		abort();
	if (row < top || row >= top + height)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct editor *ed;
	size_t i = 0, max_cp;
	int width = 80, height = 24;
	char chunk[64];

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		if (i18n_init("Europe/Vilnius") != 0)
			abort();
		ready = 1;
	}
	if (size < 1)
		return 0;
	/* The first byte: the limit (0: none); a limit below the initial
	 * text is not a finding, so there is no initial text. */
	max_cp = data[i++] % 64;
	ed = editor_new(NULL, max_cp);
	editor_layout(ed, width, height);
	check(ed, max_cp, width, height);
	while (i < size) {
		uint8_t op = data[i++];
		size_t n;

		switch (op % 5) {
		case 0:	/* a key */
		case 1:
			if (i < size)
				editor_key(ed, (enum editor_key)(data[i++] % 13));
			break;
		case 2:	/* a paste of up to 63 bytes, as they come */
			n = i < size ? data[i++] % sizeof chunk : 0;
			if (n > size - i)
				n = size - i;
			memcpy(chunk, data + i, n);
			chunk[n] = '\0';
			i += n;
			editor_insert(ed, chunk);
			break;
		case 3:	/* a typed code point, any value */
			if (size - i >= 3) {
				editor_insert_cp(ed, (uint32_t)data[i] << 16 |
				    (uint32_t)data[i + 1] << 8 | data[i + 2]);
				i += 3;
			}
			break;
		case 4:	/* a new window size, as a form field or a resize */
			if (size - i >= 2) {
				width = 20 + data[i] % 120;
				height = 1 + data[i + 1] % 30;
				i += 2;
			}
			break;
		}
		editor_layout(ed, width, height);
		check(ed, max_cp, width, height);
	}
	editor_free(ed);
	return 0;
}
