/* One CSV cell (see core/csv.h): UTF-8 passes through untouched, quotes
 * are doubled, and cells a spreadsheet would run as a formula (= + - @,
 * and TAB or CR, which some read the same) are shown as text by a leading
 * apostrophe. */
#include "core/csv.h"
#include "common/strbuf.h"

#include <stdbool.h>
#include <string.h>

void
csv_cell(struct strbuf *out, const char *s)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		sb_putc(out, '"');
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		sb_putc(out, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			sb_putc(out, '"');
		sb_putc(out, *s);
	}
	if (quote)
		sb_putc(out, '"');
}
