/* Horizontal bars (ui/bar-chart.h). A cell holds eighths in Unicode, so a
 * 20-cell bar shows 160 steps; ASCII rounds to whole cells. */
#include "ui/bar-chart.h"
#include "common/strbuf.h"

#include <assert.h>
#include <math.h>

/* U+258F LEFT ONE EIGHTH BLOCK .. U+2589, then U+2588 FULL BLOCK. */
static const char *const eighths[8] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
	"\u2589",
};

void
bar_chart_bar(struct strbuf *out, double share, int width, bool ascii)
{
	long steps, full, i;
	int used;

	assert(width >= 0);
	if (!(share > 0))	/* also NaN */
		share = 0;
	if (share > 1)
		share = 1;
	if (ascii) {
		full = lround(share * width);
		for (i = 0; i < full; i++)
			sb_putc(out, '#');
		used = (int)full;
	} else {
		steps = lround(share * width * 8);
		full = steps / 8;
		for (i = 0; i < full; i++)
			sb_puts(out, "\u2588");
		used = (int)full;
		if (steps % 8 != 0) {
			sb_puts(out, eighths[steps % 8]);
			used++;
		}
	}
	for (; used < width; used++)
		sb_putc(out, ' ');
}
