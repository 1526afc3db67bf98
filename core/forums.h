/* The forums: boards, threads and posts, unread tracking, follows,
 * notifications, search, reports and moderation.
 *
 * Every call takes the person asking as a struct actor; what it sees
 * and may do follows from that. Calls that change something return NULL on
 * success or a catalog error key ("error.forum.locked") the caller shows in
 * the user's language; "error.internal" means the database failed (logged).
 * Calls that read return 0 (or a count) and fill *out, or -1 on error.
 * Text is sanitised (core/sanitize.h) and NFC-normalised when stored, so
 * what comes back is safe to draw; limits are in code points. Times are
 * seconds since the epoch, UTC. Every allocated result has a free function.
 *
 * Visibility: members and guests do not see hidden threads; hidden and
 * deleted posts keep their place and come back to them with hidden or
 * deleted set and an empty body (a placeholder), so the seqs of a page
 * have no gaps. Moderators of a board see everything, marked. */
#ifndef TINKLAS_FORUMS_H
#define TINKLAS_FORUMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/accounts.h"	/* enum role, ACCOUNT_NAME_MAX, ... */
#include "core/actor.h"		/* struct actor: who is asking */
#include "core/error.h"		/* struct core_error */
#include "core/inbox.h"		/* struct inbox_kind: the notices it writes */
#include "core/queue.h"		/* struct queue_kind: the reports */

struct db;

#define FORUM_TITLE_MAX		120	/* thread and board titles */
#define FORUM_BODY_MAX		20000	/* post bodies */
#define FORUM_DESC_MAX		500	/* board descriptions */
#define FORUM_REASON_MAX	200	/* report and moderation reasons */
#define FORUM_SNIPPET_MAX	100	/* search snippets */
#define FORUM_EDIT_HISTORY	20	/* earlier versions kept per post: the
					 * first one and the newest others */
#define FORUM_SEARCH_WORDS	8	/* words of a query beyond these are ignored */
#define FORUM_SEARCH_TOKENS	8	/* words of one term (a-b-c or a "phrase") */

#define FORUM_TITLE_SZ		(FORUM_TITLE_MAX * 4 + 1)
#define FORUM_DESC_SZ		(FORUM_DESC_MAX * 4 + 1)
#define FORUM_NAME_SZ		(ACCOUNT_NAME_MAX + 1)
#define FORUM_DISPLAY_SZ	(ACCOUNT_DISPLAY_MAX * 4 + 1)
#define FORUM_SNIPPET_SZ	(FORUM_SNIPPET_MAX * 4 + 8)
#define FORUM_REASON_SZ		(FORUM_REASON_MAX * 4 + 1)

/* ---------------------------------------------------------------- boards */

struct forum_board {
	int64_t	 id;
	char	 title[FORUM_TITLE_SZ];
	char	 description[FORUM_DESC_SZ];
	int	 position;		/* 1-based order in the list */
	char	 lang[8];		/* "" : any language */
	int64_t	 threads;		/* threads the viewer can see */
	int64_t	 unread_threads;	/* of those, with posts past the viewer's
					 * read mark (0 for guests) */
	int64_t	 new_posts;		/* posts past the viewer's read marks */
	bool	 muted;			/* the viewer muted the board */
};

struct forum_board_list {
	struct forum_board	*v;
	size_t			 n;
};

/* All boards in order of position with the viewer's counts. The counts
 * leave out hidden threads for everyone. 0 or -1. */
int forum_boards(struct db *db, const struct actor *viewer,
    struct forum_board_list *out);
void forum_board_list_free(struct forum_board_list *l);
/* One board with the viewer's counts: 0, or -1 when there is none. */
int forum_board_get(struct db *db, const struct actor *viewer,
    int64_t id, struct forum_board *out);

/* Board management, for admins (viewer role ROLE_ADMIN, which includes the
 * admin command); each change lands in the audit log. Titles are one line of
 * 1-120 code points ("error.forum.title_length"), descriptions up to 500
 * ("error.forum.description_length"), lang "" or one of i18n's languages
 * ("error.lang.unknown"). A new board goes last; *id_out may be NULL. */
const char *forum_board_add(struct db *db, const struct actor *viewer,
    const char *title, const char *description, const char *lang,
    int64_t *id_out);
/* Changes the fields that are not NULL. */
const char *forum_board_edit(struct db *db, const struct actor *viewer,
    int64_t id, const char *title, const char *description, const char *lang);
/* Removes an empty board; one holding threads is refused
 * ("error.forum.board_not_empty": move or hide its threads first). */
const char *forum_board_remove(struct db *db,
    const struct actor *viewer, int64_t id);
/* Moves a board to position (1-based, clamped), shifting the others. */
const char *forum_board_move(struct db *db, const struct actor *viewer,
    int64_t id, int position);

/* Board moderators: accounts that moderate one board without holding the
 * moderator role. Adding twice is not an error. */
const char *forum_board_moderator_add(struct db *db,
    const struct actor *viewer, int64_t board_id, int64_t account_id);
const char *forum_board_moderator_remove(struct db *db,
    const struct actor *viewer, int64_t board_id, int64_t account_id);

struct forum_person {
	int64_t	 id;
	char	 name[FORUM_NAME_SZ];
	char	 display[FORUM_DISPLAY_SZ];
};
struct forum_person_list {
	struct forum_person	*v;
	size_t			 n;
};
/* The board's own moderators, ordered by name. 0 or -1. */
int forum_board_moderators(struct db *db, int64_t board_id,
    struct forum_person_list *out);
void forum_person_list_free(struct forum_person_list *l);

/* --------------------------------------------------------------- threads */

struct forum_thread {
	int64_t	 id;
	int64_t	 board_id;
	char	 title[FORUM_TITLE_SZ];
	int64_t	 author_id;
	char	 author_name[FORUM_NAME_SZ];
	char	 author_display[FORUM_DISPLAY_SZ];
	int64_t	 created;
	int64_t	 last_post_at;
	int64_t	 last_seq;	/* seq of the newest post: pages end here */
	int64_t	 replies;	/* posts after the first, hidden ones too */
	int64_t	 read_seq;	/* the viewer's read mark; 0: never opened */
	int64_t	 first_unread;	/* read_seq + 1, or 0 when all is read */
	bool	 pinned;
	bool	 locked;
	bool	 hidden;	/* only moderators get hidden threads */
};

struct forum_thread_list {
	struct forum_thread	*v;
	size_t			 n;
	bool			 more;	/* another page follows */
};

/* Starts a thread in a board: title 1-120 code points (one line), body
 * 1-20,000 (multi-line); lang NULL means the viewer's. *thread_id and
 * *post_id (either may be NULL) get the new ids. Keys: "error.forum.guest",
 * "error.forum.suspended", "error.forum.flood", "error.forum.not_found",
 * "error.forum.title_length" (field "title", arg 120),
 * "error.forum.body_length" (field "body", arg 20,000),
 * "error.lang.unknown" (field "lang"). Sends mention notifications. */
struct core_error forum_thread_start(struct db *db,
    const struct actor *viewer, int64_t board_id, const char *title,
    const char *body, const char *lang, int64_t *thread_id, int64_t *post_id);
/* A page of a board's threads: pinned first, then by last activity,
 * newest first; offset counts threads the viewer can see. 0 or -1. */
int forum_threads(struct db *db, const struct actor *viewer,
    int64_t board_id, int offset, int limit, struct forum_thread_list *out);
void forum_thread_list_free(struct forum_thread_list *l);
/* One thread with the viewer's read mark: 0, or -1 when there is none or
 * the viewer may not see it. */
int forum_thread_get(struct db *db, const struct actor *viewer,
    int64_t id, struct forum_thread *out);
/* Renames a thread: its author or a moderator of its board. */
const char *forum_thread_retitle(struct db *db,
    const struct actor *viewer, int64_t id, const char *title);

/* Moderation of threads (moderators of the thread's board; the check, the
 * change and its audit entry are one transaction, and a refusal comes back
 * as a struct core_error). The audit log gets who, what and why: reason,
 * one line of up to 200 code points, "" or NULL for none, else
 * "error.forum.reason_length" (field "reason"). A move needs
 * moderation rights on both boards; moving to the thread's own board is
 * "error.forum.same_board". */
struct core_error forum_thread_pin(struct db *db, const struct actor *viewer,
    int64_t id, bool on, const char *reason);
struct core_error forum_thread_lock(struct db *db, const struct actor *viewer,
    int64_t id, bool on, const char *reason);
struct core_error forum_thread_hide(struct db *db, const struct actor *viewer,
    int64_t id, bool on, const char *reason);
struct core_error forum_thread_move(struct db *db, const struct actor *viewer,
    int64_t id, int64_t board_id, const char *reason);

/* ----------------------------------------------------------------- posts */

struct forum_post {
	int64_t	 id;
	int64_t	 thread_id;
	int64_t	 seq;		/* 1-based place in the thread; 1 opens it */
	int64_t	 author_id;
	char	 author_name[FORUM_NAME_SZ];
	char	 author_display[FORUM_DISPLAY_SZ];
	enum role author_role;	/* shown as a mark: moderator, admin */
	char	 lang[8];
	int64_t	 created;
	int64_t	 edited_at;	/* 0: never edited; else show "edited" */
	bool	 hidden;	/* members get "" as body */
	bool	 deleted;	/* members get "" as body */
	char	*body;
};

struct forum_post_list {
	struct forum_post	*v;
	size_t			 n;
};

/* Replies to a thread; lang NULL means the viewer's. Keys: those of
 * forum_thread_start, "error.forum.locked" (unless the viewer moderates the
 * board). Notifies the thread's earlier authors and mentioned users (never
 * the replier). *post_id and *seq may be NULL. */
struct core_error forum_reply(struct db *db, const struct actor *viewer,
    int64_t thread_id, const char *body, const char *lang, int64_t *post_id,
    int64_t *seq);
/* The posts with seq in [from, from + limit) the viewer can see, in seq
 * order, author names joined in; never the whole thread. 0 or -1. */
int forum_posts(struct db *db, const struct actor *viewer,
    int64_t thread_id, int64_t from, int limit, struct forum_post_list *out);
void forum_post_list_free(struct forum_post_list *l);
/* One post (for quoting and editing): 0, or -1 when the viewer cannot see
 * it (hidden posts only for moderators). Free with forum_post_clear. */
int forum_post_get(struct db *db, const struct actor *viewer,
    int64_t id, struct forum_post *out);
void forum_post_clear(struct forum_post *p);
/* Replaces a post's body (lang NULL keeps it); the old body goes to the
 * edit history (at most FORUM_EDIT_HISTORY versions: the original and
 * the newest). Its author, or a moderator of its board, and not while the
 * author is suspended. Keys: "error.forum.not_allowed",
 * "error.forum.not_found", "error.forum.body_length", "error.forum.locked"
 * (members cannot edit in locked threads), "error.lang.unknown",
 * "error.forum.edit_flood" (more edits a minute than posts_per_minute). */
struct core_error forum_post_edit(struct db *db, const struct actor *viewer,
    int64_t id, const char *body, const char *lang);
/* Soft-deletes a post: its author or a moderator. The post keeps its seq;
 * moderators still read it. */
const char *forum_post_delete(struct db *db,
    const struct actor *viewer, int64_t id);
/* Hides or shows a post (moderators; reason goes to the audit log, and a
 * hidden post's author gets a notification naming the thread and the
 * reason). Keys as for the threads' moderation. */
struct core_error forum_post_hide(struct db *db, const struct actor *viewer,
    int64_t id, bool on, const char *reason);

struct forum_edit {
	int64_t	 at;		/* when this version was replaced */
	int64_t	 editor_id;
	char	 editor_display[FORUM_DISPLAY_SZ];
	char	*body;		/* the version before that edit */
};
struct forum_edit_list {
	struct forum_edit	*v;
	size_t			 n;
};
/* A post's earlier versions, newest first, for whoever can see the post
 * (deleted posts' history only for moderators). 0 or -1. */
int forum_post_history(struct db *db, const struct actor *viewer,
    int64_t id, struct forum_edit_list *out);
void forum_edit_list_free(struct forum_edit_list *l);

/* -------------------------------------------------------- unread, follows */

/* Raises the viewer's read mark in a thread to seq (never lowers it; past
 * the end is clamped). Guests: nothing, NULL. */
const char *forum_mark_read(struct db *db, const struct actor *viewer,
    int64_t thread_id, int64_t seq);
/* Marks every thread of a board read. */
const char *forum_mark_board_read(struct db *db,
    const struct actor *viewer, int64_t board_id);
/* Posts past the viewer's read marks in the boards the viewer follows (all
 * but the muted ones), for the welcome screen. Counts seqs, so hidden and
 * deleted posts count too. -1 on error, 0 for guests. */
int64_t forum_new_posts(struct db *db, const struct actor *viewer);
/* Mutes (stops following) or unmutes a board for the viewer. */
const char *forum_board_mute(struct db *db, const struct actor *viewer,
    int64_t board_id, bool muted);

/* ---------------------------------------------------------- notifications */

/* The forums write their notifications to the one inbox (core/inbox.h):
 * kinds "forum.reply" (in a thread the user started or replied to),
 * "forum.mention" (the post says @username), "forum.hidden" (a moderator
 * hid the user's post, with the reason) and "forum.hidden_auto" (three
 * reports hid it), each about subject "post" with the post's id. */
extern const struct inbox_kind forum_inbox_kinds[];	/* kind NULL ends */
/* Where a post is, for opening a notification about it: 0, or -1 when
 * there is no such post. Says nothing of its text; the thread screen
 * decides what the viewer sees. */
int forum_post_place(struct db *db, int64_t post_id, int64_t *thread_id,
    int64_t *seq);

/* ----------------------------------------------------------------- search */

struct forum_search_query {
	const char	*words;		/* what the user typed */
	int64_t		 board_id;	/* 0: all boards */
	const char	*author;	/* a user name, NULL or "": anyone */
	const char	*lang;		/* NULL or "": any language */
	int		 offset;
	int		 limit;
};

#define FORUM_HIT_MARKS	8

/* A byte range of a snippet: a word that matched. */
struct forum_mark {
	uint16_t off, len;
};

struct forum_hit {
	int64_t	 post_id;
	int64_t	 thread_id;
	int64_t	 board_id;
	int64_t	 seq;
	char	 thread_title[FORUM_TITLE_SZ];
	char	 author_name[FORUM_NAME_SZ];
	char	 author_display[FORUM_DISPLAY_SZ];
	enum role author_role;
	int64_t	 created;
	char	 snippet[FORUM_SNIPPET_SZ];	/* one line around the first match */
	struct forum_mark marks[FORUM_HIT_MARKS];	/* its matching words */
	int	 nmarks;
};
struct forum_hit_list {
	struct forum_hit	*v;
	size_t			 n;
	bool			 more;
};

/* Searches titles and bodies, case- and accent-blind (zalgiris finds
 * Žalgiris, lodz finds Łódź): every word must occur; the words are never
 * read as query syntax. Ranks by relevance among the newest 2,000 matches,
 * so a word found in most posts stays fast. Hidden and deleted posts and
 * posts of hidden threads are not found. 0 (no words: no hits) or -1. */
int forum_search(struct db *db, const struct actor *viewer,
    const struct forum_search_query *q, struct forum_hit_list *out);
void forum_hit_list_free(struct forum_hit_list *l);

/* ---------------------------------------------------------------- reports */

/* A member reports a post with a reason (1-200 code points, one line). Keys:
 * "error.forum.guest", "error.forum.not_found",
 * "error.forum.already_reported" (once per member and post),
 * "error.forum.own_post", "error.forum.reason_length". When three different
 * members have open reports on a post it is hidden until a moderator
 * resolves them. */
const char *forum_report(struct db *db, const struct actor *viewer,
    int64_t post_id, const char *reason);

/* Reports are items of kind "forum.post" (subject: the post's id) in the
 * one moderation queue (core/queue.h), decided with queue_resolve and the
 * kind's actions: "dismiss" (nothing wrong: unhide it if three reports hid
 * it), "hide", "suspend" (hide it and suspend its author for days, by the
 * rules of core/rules.h: a moderator suspends members only, and when the
 * rule refuses, nothing of the decision happens). Only the moderators of
 * its board (and moderators, admins) decide. The kind's own keys:
 * "error.forum.not_found", "error.forum.not_allowed",
 * "error.forum.no_reports", "error.suspend.rank", "error.suspend.self". */
extern const struct queue_kind forum_queue_kinds[];	/* kind NULL ends */

/* Suspends the author of a post for days (1-3650) from the post's board:
 * the rules of core/rules.h (a board moderator or a moderator may suspend
 * members only). Keys: those of account_suspend_by, "error.forum.days"
 * (field "days"), "error.forum.reason_length" (field "reason"). */
struct core_error forum_suspend_author(struct db *db, const struct actor *v,
    int64_t post_id, int days, const char *why);

#endif
