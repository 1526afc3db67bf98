/* A feature as one descriptor, as tmux's cmd_entry: its line on the main
 * menu and the screen that line opens, who sees it, its badge count, its
 * lines on the welcome screen's "what's new" and its line in the menu's
 * help. Each is a `const struct feature feature_NAME` in its own file
 * (ui/feature-NAME.c); ui/features.c lists them, and the main menu, the
 * welcome screen and the menu's help are built from that list only. */
#ifndef TINKLAS_FEATURE_H
#define TINKLAS_FEATURE_H

#include <stdbool.h>
#include <stdint.h>

struct app;
struct screen_ops;
struct view;

/* Who sees a feature; nobody else does. */
enum feature_who { FEATURE_EVERYONE, FEATURE_MEMBERS, FEATURE_MODERATORS };

/* One more subject type of a feature's inbox entries, with what Enter on
 * one opens: an entry's subject id means something else per type (the
 * directory's "mentorship" is a mentorship, its "account" the member's
 * own profile), so each type has its own opener. */
struct feature_inbox {
	const char	*subject;
	void		(*open)(struct app *app, int64_t id);
};

struct feature {
	const char		*name;		/* stable, for logs and tests */
	const char		*menu_key;	/* label of its menu line */
	/* What its menu line opens, given arg (app_push); NULL: log out. */
	const struct screen_ops	*screen;
	const void		*arg;
	enum feature_who	 who;
	/* Optional: a count shown on the menu line when not 0 (never asked
	 * for a guest), said by the plural pattern badge_key. */
	int64_t			(*badge)(struct app *app);
	const char		*badge_key;
	/* Optional: appends its "what's new" paragraphs to the welcome
	 * screen of a member. */
	void			(*welcome)(struct app *app, struct view *v);
	/* Optional: its paragraph in the main menu's help. */
	const char		*help_key;
	/* Optional: the subject type of the inbox entries it writes
	 * ("post"; core/inbox.h) and what Enter on one of them opens. */
	const char		*inbox_subject;
	void			(*inbox_open)(struct app *app, int64_t id);
	/* Optional: its other subject types, ending with a NULL subject. */
	const struct feature_inbox *inbox_more;
	/* Optional: the kinds of moderation queue item it owns
	 * ("forum.post"; core/queue.h) and what Enter on one opens. */
	const char		*queue_kind;
	void			(*queue_open)(struct app *app, int64_t id);
	/* Optional: a count the status line shows beside the notifications'
	 * (a member's unread private messages), which the plain mode says
	 * when it grew. It is read with the notifications, before each screen
	 * and at every poll, so it must be one indexed query; -1 when it
	 * could not be read. status_key is its plural pattern on the status
	 * line, status_news_key the plain mode's sentence. */
	int64_t			(*status_count)(struct app *app);
	const char		*status_key;
	const char		*status_news_key;
};

/* At most this many features (the status counts are kept per feature). */
#define FEATURES_MAX	16

/* Every feature, in menu order, ending with NULL (ui/features.c). */
extern const struct feature *const features[];

/* The feature whose inbox_subject (or one of inbox_more) is subject_type,
 * with its opener for that type in *open; or NULL. */
const struct feature *feature_for_inbox(const char *subject_type,
    void (**open)(struct app *app, int64_t id));
/* The feature whose queue_kind is kind, or NULL. */
const struct feature *feature_for_queue(const char *kind);

/* Whether the person in this session sees f; or what a feature's own
 * lines (the People hub's) are shown to. */
bool feature_visible(const struct feature *f, const struct app *app);
bool feature_who_sees(enum feature_who who, const struct app *app);

#endif
