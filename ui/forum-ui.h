/* What the forum screens share: opening a thread, composing, and the words
 * for counts and times. */
#ifndef TINKLAS_FORUM_UI_H
#define TINKLAS_FORUM_UI_H

#include <stdint.h>

struct app;

/* Where a thread opens: at seq, or (0) at the first unread post. */
struct thread_req {
	int64_t	 thread_id;
	int64_t	 seq;
};

enum compose_kind { COMPOSE_THREAD, COMPOSE_REPLY, COMPOSE_EDIT };

struct compose_req {
	enum compose_kind	 kind;
	int64_t			 board_id;	/* COMPOSE_THREAD */
	int64_t			 thread_id;	/* COMPOSE_REPLY */
	int64_t			 post_id;	/* COMPOSE_EDIT */
	int64_t			 seq;		/* COMPOSE_EDIT: the post's number */
	const char		*title;		/* translated, naming the post it is
						 * about (copied); NULL: by kind */
	const char		*body;		/* initial text: a quote, the post */
	const char		*lang;		/* NULL: the user's */
	int64_t			*posted_seq;	/* gets the new (or edited) post's
						 * seq */
};

/* "> " before every line of body, with who wrote it first; newly
 * allocated. */
char *forum_quote(const char *author, const char *body);
/* Pushes the thread screen. */
void forum_open_thread(struct app *app, int64_t thread_id, int64_t seq);

/* Moderators' actions (ui/forum-moderate.c): each pushes a form asking
 * why, naming the action and the thread or post. key is 'p' (pin), 'l'
 * (lock) or 'h' (hide); each toggles. */
struct forum_thread;
struct forum_post;
void forum_moderate_thread(struct app *app, const struct forum_thread *t,
    int key);
/* Hides or shows p again. */
void forum_moderate_post(struct app *app, const char *thread_title,
    const struct forum_post *p);
/* Asks which board the thread goes to (its own one marked current and
 * focused: choosing it does nothing), then why. */
void forum_moderate_move(struct app *app, const struct forum_thread *t);
/* "Post #3 by Rūta in “Title”", for the forms about a post; allocated. */
char *forum_post_about(const struct forum_post *p, const char *thread_title);

#endif
