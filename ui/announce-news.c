/* The moderators' announcement in a session (core/announce.h): polled with
 * the notifications, shown once per session. The full screen puts it on
 * the status line, which it redraws alone (the cursor and what is being
 * typed stay), until another screen opens; the plain mode says it before
 * its next prompt. The one current when the session starts is on its
 * welcome screen instead. */
#include "ui/announce-ui.h"
#include "ui/ui.h"
#include "common/xalloc.h"
#include "core/announce.h"
#include "i18n/i18n.h"

#include <stdlib.h>

void
announce_start(struct app *app)
{
	app->announce_id = announce_current_id(app->db);
}

void
announce_seen(struct app *app, int64_t id)
{
	if (id > app->announce_id)
		app->announce_id = id;
}

bool
announce_poll(struct app *app)
{
	struct announcement an;
	int64_t id = announce_current_id(app->db);

	/* Ids only grow, and a reading error looks like "none": so only a
	 * larger id is news, and an announcement is never shown twice. */
	if (id == 0 && app->announce != NULL) {
		/* Cleared while it stood on the status line. */
		free(app->announce);
		app->announce = NULL;
		return true;
	}
	if (id <= app->announce_id ||
	    announce_current(app->db, &an) != 1)
		return false;
	app->announce_id = an.id;
	free(app->announce);
	app->announce = an.body;
	return true;
}

char *
announce_news(struct app *app)
{
	char *s;

	if (app->mode != UI_MODE_PLAIN || app->announce == NULL)
		return NULL;
	s = TFA("announce.news", A_STR(app->announce));
	free(app->announce);
	app->announce = NULL;
	return s;
}

void
announce_screen_changed(struct app *app)
{
	/* The plain mode says it at once: nothing waits there. */
	if (app->mode != UI_MODE_FULL)
		return;
	free(app->announce);
	app->announce = NULL;
}
