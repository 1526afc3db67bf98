/* The directory's screens (issue 9): the "People" hub; the private
 * messages (the conversations, one conversation, writing, and what a
 * moderator sees of a reported message); and the directory's own (the
 * dir_ ones: finding people and the people found, a profile, my
 * profile's form, suggestions, mentorships, one mentorship and its short
 * messages, organisations and one organisation), each a line of
 * people_entries[] or reached from one. Declared here, not in
 * ui/screen.h: the directory adds files, it does not change the house's. */
#ifndef TINKLAS_DIRECTORY_UI_H
#define TINKLAS_DIRECTORY_UI_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/feature.h"	/* enum feature_who */

#include "core/error.h"

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
extern const struct screen_ops screen_dir_find;		/* arg NULL: the filter */
extern const struct screen_ops screen_dir_results;	/* arg struct
							 * dir_filter_req * */
extern const struct screen_ops screen_dir_profile;	/* arg int64_t *: an
							 * account id */
extern const struct screen_ops screen_dir_edit;		/* arg NULL: my profile */
extern const struct screen_ops screen_dir_suggest;	/* arg NULL */
extern const struct screen_ops screen_dir_mentorships;	/* arg NULL */
extern const struct screen_ops screen_dir_mentorship;	/* arg int64_t *: a
							 * mentorship id */
extern const struct screen_ops screen_dir_message;	/* arg struct
							 * dir_message_req * */
extern const struct screen_ops screen_dir_orgs;		/* arg NULL */
extern const struct screen_ops screen_dir_tags;		/* arg NULL: the
							 * vocabulary, for
							 * moderators */
extern const struct screen_ops screen_dir_org;		/* arg int64_t *: an
							 * organisation id */
/* For its admins (and site admins): its form, its members, one of them,
 * adding one. */
extern const struct screen_ops screen_dir_org_edit;	/* arg int64_t *: an
							 * organisation id */
extern const struct screen_ops screen_dir_org_members;	/* arg int64_t *: an
							 * organisation id */
extern const struct screen_ops screen_dir_org_member;	/* arg struct
							 * dir_org_member_req * */
extern const struct screen_ops screen_dir_org_add;	/* arg int64_t *: an
							 * organisation id */

/* One line of the hub, as a feature is one line of the main menu: its
 * label, who sees it, an optional count after it (said by the plural
 * pattern count_key) and the screen it opens. people_entries[] ends with
 * a NULL label_key (ui/screen-people.c). */
struct people_entry {
	const char		*label_key;
	enum feature_who	 who;		/* who sees it */
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

/* ---- The profiles, finding, mentorships, organisations ---- */

struct dir_filter;
struct dir_lang;
struct dir_reason;
struct dir_tag;

/* The results of "Find people": the filter (copied, with its strings). */
struct dir_filter_req {
	const struct dir_filter	*filter;
};

/* A short message form (a mentorship request, an answer, a reflection):
 * the title (translated, copied), whether the text is required, and what
 * sending does: CORE_OK, or the refusal shown under the text. */
struct dir_message_req {
	const char	*title;
	const char	*label_key;
	const char	*hint_key;	/* NULL: none */
	bool		 required;
	struct core_error (*apply)(struct app *app, int64_t arg,
			    const char *text);
	const char	*done_key;	/* the notice after it worked */
	int64_t		 arg;
};

/* One member of an organisation, for its admin: who (label translated,
 * copied) and their role now. */
struct dir_org_member_req {
	int64_t		 org;
	int64_t		 account_id;
	const char	*label;
	bool		 admin;
};

struct dir_mentorship;
/* The catalog key of a mentorship's state as its viewer sees it ("asks
 * you", "waiting for their answer", "you mentor them"...). */
const char *dir_ms_state_key(const struct dir_mentorship *m);

/* Pushes a person's profile page (a list's Enter). */
void dir_open_profile(struct app *app, int64_t account_id);
/* Pushes one mentorship of the viewer (the inbox's Enter). */
void dir_open_mentorship(struct app *app, int64_t mentorship_id);
/* The mentorship requests waiting for the member's answer (0: none). */
int64_t dir_mentor_waiting(struct app *app);

/* Words for the directory's codes (ui/directory-format.c), newly
 * allocated: an eldership ("Šilainiai", "outside Kaunas"; "" for none),
 * languages with levels ("Ukrainian (native), Lithuanian (good)"), tags
 * and availability bits joined by commas. */
char *dir_eldership_text(const char *code);
char *dir_langs_text(const struct dir_lang *l, int n);
char *dir_tags_text(const struct dir_tag *t, int n);
char *dir_avail_text(unsigned avail);
/* The typed form of languages ("uk native, lt good"), and back: 0, or -1
 * when an entry is not "CODE LEVEL" (the level a dir_levels code or its
 * name in the current language; none: good). */
char *dir_langs_typed(const struct dir_lang *l, int n);
int dir_langs_parse(const char *s, struct dir_lang *out, int max, int *n);
/* Splits "Python, matematika" at commas into trimmed, non-empty parts,
 * each newly allocated into out; their number, or -1 when there are more
 * than max (the max already put in out are the caller's to free too). */
int dir_split_tags(const char *s, char **out, int max);

/* A suggestion's reasons in the reader's words (ui/directory-reasons.c):
 * "teaches Lithuanian; speaks Ukrainian, Russian; evenings; Šilainiai",
 * one kind said once. Newly allocated; "" for none. */
char *dir_reasons_text(const struct dir_reason *r, int n);

#endif
