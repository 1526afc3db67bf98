/* Tells this session's row (core/sessions.h) where the person is: the part
 * of Tinklas on top of the main menu (the feature's name: "forums"), and
 * when they last did something, for the moderators' "Who is online". A
 * write only when the part changes, and at most once a minute for input. */
#include "ui/ui.h"
#include "ui/feature.h"
#include "common/clock.h"
#include "core/sessions.h"

#include <stdio.h>
#include <string.h>

#define TOUCH_EVERY	60	/* seconds between activity marks */

/* The part the top of the stack belongs to: the feature whose screen sits
 * just above the main menu, or that screen's own name ("welcome"); the
 * main menu; or the first screen of a session without one ("register"). */
static const char *
current_part(const struct app *app)
{
	const struct screen_ops *ops;
	int i;

	if (app->stack[0].ops != &screen_menu)
		return app->stack[0].ops->name;
	if (app->depth == 1)
		return screen_menu.name;
	ops = app->stack[1].ops;
	for (i = 0; features[i] != NULL; i++)
		if (features[i]->screen == ops)
			return features[i]->name;
	return ops->name;
}

void
app_track_where(struct app *app, bool input)
{
	const char *part;
	int64_t now;

	if (app->p == NULL || app->p->session_id <= 0 || app->depth == 0)
		return;
	part = current_part(app);
	now = clock_now();
	if (strcmp(part, app->part) != 0) {
		snprintf(app->part, sizeof app->part, "%s", part);
		session_where(app->db, app->p->session_id, part);
		app->touched = now;
	} else if (input && now - app->touched >= TOUCH_EVERY) {
		session_touch(app->db, app->p->session_id);
		app->touched = now;
	}
}
