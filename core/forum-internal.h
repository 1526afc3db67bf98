/* What the forum files share: who may do what, text checks, the search
 * index and notifications. Only core/forum-*.c include this. */
#ifndef TINKLAS_FORUM_INTERNAL_H
#define TINKLAS_FORUM_INTERNAL_H

#include "core/db-internal.h"
#include "core/forums.h"

/* A post with what the rules need to know about it and its thread. */
struct forum_post_row {
	int64_t	 id;
	int64_t	 thread_id;
	int64_t	 board_id;
	int64_t	 author_id;
	int64_t	 seq;
	int	 hidden;		/* 0, 1 moderator, 2 reports */
	bool	 deleted;
	bool	 thread_hidden;
	bool	 locked;
};

/* A thread's board, author and flags. */
struct forum_thread_row {
	int64_t	 id;
	int64_t	 board_id;
	int64_t	 author_id;
	int64_t	 last_seq;
	bool	 pinned;
	bool	 locked;
	bool	 hidden;
};

/* The viewer's read horizon, for SQL whose ?1 is the viewer's account: a
 * thread with no read mark whose last post is older than the account
 * counts as read. Strictly older: a post in the account's own second may
 * have come after it. NULL for guests, so nothing falls under it. */
#define FORUM_HORIZON "(SELECT created FROM accounts WHERE id = ?1)"
/* The same horizon as a value to bind where a query reads it per read
 * mark: the account's creation, or -1 (nothing older) when there is none. */
int64_t forum_horizon(struct db *db, const struct actor *v);

/* The viewer's language when valid, else "lt". */
const char *forum_lang(const struct actor *v);

/* Loads a row by id: 0, or -1 when there is none. */
int forum_load_post(struct db *db, int64_t id, struct forum_post_row *out);
int forum_load_thread(struct db *db, int64_t id, struct forum_thread_row *out);

/* Whether the viewer may write a post now: NULL, or "error.forum.guest",
 * "error.forum.suspended", "error.forum.flood". Call inside the write
 * transaction so the flood count is exact. */
const char *forum_may_post(struct db *db, const struct actor *v);
/* Whether the viewer may edit now: as many edits a minute as posts
 * (posts_per_minute), moderators without limit. NULL or
 * "error.forum.edit_flood". Inside the write transaction. */
const char *forum_may_edit(struct db *db, const struct actor *v);

/* Sanitised copies of user text, or NULL with *err set to the key that
 * says why not: a title of 1-max code points, a body of 1-20,000. */
char *forum_clean_line(const char *s, size_t max, const char *key,
    const char **err);
char *forum_clean_body(const char *s, const char **err);
/* Checks a post language (NULL means the viewer's); returns the code to
 * store or NULL when it is not one of i18n's. */
const char *forum_check_lang(const struct actor *v, const char *lang);

/* Brings the search index in step with a post (removed when hidden,
 * deleted or in a hidden thread) or with every post of a thread. */
int forum_index_post(struct db *db, int64_t post_id);
int forum_index_thread(struct db *db, int64_t thread_id);

/* Prepares a search statement that calls forum_rank(post_fts), teaching
 * the connection that function first when it does not know it yet. */
sqlite3_stmt *forum_prepare_ranked(struct db *db, const char *sql);

/* Records a new post's notifications: mentions of @name in body, and for
 * replies, the thread's earlier authors; never the author. Then adds the
 * author to the thread's participants. 0 or -1. */
int forum_notify(struct db *db, int64_t author_id, int64_t thread_id,
    int64_t post_id, const char *body, bool reply);

/* Tells the author of a post that it was hidden (inside the caller's
 * transaction): actor 0 and reason "" for the hide by three reports. A
 * moderator hiding their own post is not told. 0 or -1. */
int forum_notify_hidden(struct db *db, int64_t post_id, int64_t actor_id,
    const char *reason);

/* A moderator's reason: a clean copy (NULL and "" give ""), or NULL with
 * *err "error.forum.reason_length" when it is too long. */
char *forum_clean_reason(const char *reason, const char **err);

/* A posting call's refusal with the field of the compose form it is
 * about: "title" and "body" with their limit as arg, "lang"; else none. */
struct core_error forum_text_error(const char *key);

#endif
