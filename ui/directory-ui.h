/* The directory's screens (issue 9): the "People" hub and the private
 * messages (the conversations, one conversation, writing, and what a
 * moderator sees of a reported message). Declared here, not in
 * ui/screen.h: the directory adds files, it does not change the house's.
 * The profiles, finding people, organisations and mentorships add their
 * screens here and their lines to people_entries[]. */
#ifndef TINKLAS_DIRECTORY_UI_H
#define TINKLAS_DIRECTORY_UI_H

#include <stdbool.h>
#include <stdint.h>

struct app;
struct screen_ops;

/* The screens. */
extern const struct screen_ops screen_people;		/* arg NULL: the hub */
extern const struct screen_ops screen_pm_list;		/* arg NULL */
extern const struct screen_ops screen_pm_thread;	/* arg int64_t *: a
							 * conversation id */
extern const struct screen_ops screen_pm_write;		/* arg struct pm_write_req */
extern const struct screen_ops screen_pm_report;	/* arg int64_t *: a
							 * reported message */

/* One line of the hub, as a feature is one line of the main menu: its
 * label, who sees it, an optional count after it (said by the plural
 * pattern count_key) and the screen it opens. people_entries[] ends with
 * a NULL label_key (ui/screen-people.c). */
struct people_entry {
	const char		*label_key;
	bool			 members_only;	/* guests do not see it */
	int64_t			(*count)(struct app *app);
	const char		*count_key;
	const struct screen_ops	*screen;
};
extern const struct people_entry people_entries[];

/* What the writing form is for: a new message to to (0: the form asks for
 * the user name), shown as to_label (translated, copied; NULL: by to). */
struct pm_write_req {
	int64_t		 to;
	const char	*to_label;
	bool		 reply;		/* from the conversation: back to it */
	bool		*sent;		/* set when the message went */
};

/* Opens the writing form for member account_id (a profile's "write"). */
void people_write_to(struct app *app, int64_t account_id);
/* Pushes the screen of one conversation. */
void pm_open_conversation(struct app *app, int64_t conversation_id);
/* What Enter on a reported message in the moderation queue opens
 * (ui/feature-directory.c's queue_open). */
void pm_queue_open(struct app *app, int64_t message_id);
/* The member's unread private messages (0 for a guest or on error). */
int64_t pm_unread(struct app *app);

#endif
