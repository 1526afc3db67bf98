/* The one filter for user text (RELIABILITY.md, "Text that reaches a
 * terminal"): applied when text is stored, and on every output path that
 * does not go through ncurses. Idempotent: sanitising twice changes
 * nothing. */
#ifndef TINKLAS_SANITIZE_H
#define TINKLAS_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/utf8.h"	/* utf8_count, for limits in code points */

enum sanitize_kind {
	SANITIZE_LINE,	/* names, titles, labels: one line, spaces collapsed */
	SANITIZE_BODY,	/* multi-line text: LF and TAB kept */
};

/* Returns a newly allocated, NFC-normalised, sanitised copy of the first
 * len bytes of s. For SANITIZE_LINE, max_cp (code points) and max_cols
 * (display columns) limit the result when non-zero. */
char *sanitize(const char *s, size_t len, enum sanitize_kind kind,
    size_t max_cp, int max_cols);

/* Whether a one-line field keeps the code point c at all (a typed or
 * pasted character that the filter above would delete is refused at
 * once, so what a field holds is what the terminal shows). */
bool sanitize_line_keeps(uint32_t c);

#endif
