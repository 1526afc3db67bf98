/* One aligned line of figures with its bar, shared by the survey results
 * and the metrics (ui/survey-results-ui.h). Widths are display columns
 * (i18n_width), so Lithuanian and Cyrillic labels line up as ASCII ones. */
#include "ui/survey-results-ui.h"
#include "ui/bar-chart.h"
#include "ui/ui.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <assert.h>

bool
figures_ascii(const struct app *app)
{
	return app->ascii || app->mode == UI_MODE_PLAIN;
}

static void
pad(struct strbuf *sb, int n)
{
	for (; n > 0; n--)
		sb_putc(sb, ' ');
}

void
figures_line(struct app *app, struct strbuf *sb, int indent,
    const char *label, int labelw, const char *figures, int figw,
    double share, int barw)
{
	int w = i18n_width(label);

	assert(indent >= 0 && labelw >= 0 && figw >= 0 && barw >= 0);
	pad(sb, indent);
	sb_puts(sb, label);
	if (w > labelw) {
		sb_putc(sb, '\n');
		pad(sb, indent);
		w = 0;
	}
	pad(sb, labelw - w + 1 + figw - i18n_width(figures));
	sb_puts(sb, figures);
	sb_puts(sb, "  ");
	bar_chart_bar(sb, share, barw, figures_ascii(app));
	/* The bar's trailing spaces are not kept: a line ends where its
	 * ink does (plain mode, screen readers). */
	while (sb->len > 0 && sb->s[sb->len - 1] == ' ')
		sb->len--;
	sb->s[sb->len] = '\0';
	sb_putc(sb, '\n');
}
