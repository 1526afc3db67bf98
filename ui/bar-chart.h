/* Horizontal bars drawn with characters, for the survey results and the
 * metrics' trends: Unicode block characters in eighths of a cell on a
 * UTF-8 terminal in the full screen, '#' in the plain mode and on other
 * terminals (what a braille display or a screen reader reads as a run). */
#ifndef TINKLAS_BAR_CHART_H
#define TINKLAS_BAR_CHART_H

#include <stdbool.h>

struct strbuf;

/* Appends a bar for share (0 to 1; clamped) of width cells: exactly width
 * cells, the bar then spaces, so the labels after it line up. */
void bar_chart_bar(struct strbuf *out, double share, int width, bool ascii);

#endif
