/* The moderators' figures of issue 10: one survey's results (counts,
 * shares and bars per question, mean, median, the recommend score, the
 * free texts, breakdowns under the small-group rule) and the learning
 * network's metrics per month. Declared here, not in ui/screen.h or
 * ui/survey-ui.h: the surveys' hub and manage screen push them. */
#ifndef TINKLAS_SURVEY_RESULTS_UI_H
#define TINKLAS_SURVEY_RESULTS_UI_H

#include <stdbool.h>

#include "core/survey-results.h"	/* enum survey_dim */

struct app;
struct screen_ops;
struct strbuf;

extern const struct screen_ops screen_survey_results;	/* arg int64_t *: a
							 * survey id */
extern const struct screen_ops screen_metrics;		/* arg NULL: the
							 * last 12 months */

/* Bars are ASCII in the plain mode and on a terminal without UTF-8. */
bool figures_ascii(const struct app *app);
/* Appends one line of figures: indent spaces, label padded to labelw
 * columns (a longer label stands on its own line above), the figures
 * (already formatted) right-aligned in figw columns, two spaces and a bar
 * of share (0 to 1) of barw cells, then '\n'. Label and figures are on
 * one line so that a screen reader says them together; the bar comes
 * last, after what it shows. */
void figures_line(struct app *app, struct strbuf *sb, int indent,
    const char *label, int labelw, const char *figures, int figw,
    double share, int barw);

/* A group's label in the reader's words, newly allocated: a language's
 * name ("lt": "Lithuanian"), an eldership's ("" : none given), a role's
 * ("member": "members"). */
char *figures_group_word(enum survey_dim d, const char *label);

#endif
