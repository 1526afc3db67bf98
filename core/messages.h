/* Private messages (the directory, issue 9): conversations between exactly
 * two members, one per pair, each message numbered in its conversation
 * (seq 1, 2, ...). Each member has a read mark per conversation; what lies
 * past it is unread, and the total over all conversations is the notice
 * (no inbox entry is written for a message: the menu and status line show
 * messages_unread_total, which reads one row per conversation of the
 * member through an index).
 *
 * Who may do what:
 *   - writing: a member (not a guest, not suspended, not erased) to
 *     another member, unless either has blocked the other (the same key
 *     whichever side blocked, so it never tells who); at most
 *     actor.posts_per_minute messages a minute, as the forums count posts
 *     (moderators and admins without limit, 0: none), and at most
 *     MESSAGES_NEW_PER_DAY new conversations a day (moderators and admins
 *     without limit);
 *   - reading: only the conversation's two members; everyone else (other
 *     members, moderators, admins) gets -1 as for a conversation that does
 *     not exist. A block stops the writing, not the reading of what was
 *     written; a suspended member still receives and reads;
 *   - reporting: the recipient of a message, once, into the moderation
 *     queue (kind "messages.report"); moderators and admins then see that
 *     message and MESSAGES_CONTEXT messages either side of it while the
 *     report is open (messages_report_context), nothing else, and decide:
 *     dismiss, remove the message (both members then see it as removed,
 *     its text gone), or remove it and suspend its author (the accounts'
 *     suspension rules judge the author's rank).
 *
 * Data rights (core/domain-directory.c): an account's export holds the
 * messages of its conversations, sent and received; erasing it leaves its
 * messages in place as MESSAGE_ERASED markers without text, so the other
 * member's conversation still reads in order and keeps their own words.
 *
 * Text is sanitised and limited as forum posts are (core/sanitize.h,
 * SANITIZE_BODY, 1 to MESSAGE_BODY_MAX code points). Calls that change
 * something return a struct core_error; reads return 0 (or a count) and
 * fill *out, or -1. Keys: "error.messages.guest", "error.forum.suspended",
 * "error.messages.self", "error.messages.not_found" (no such member,
 * conversation or message, or not the viewer's), "error.messages.blocked",
 * "error.messages.flood", "error.messages.new_limit" (arg: the daily cap),
 * "error.forum.body_length" (field "body", arg MESSAGE_BODY_MAX),
 * "error.forum.reason_length" (field "reason"), "error.messages.own_message",
 * "error.messages.already_reported", "error.messages.not_allowed",
 * "error.messages.no_reports", "error.internal". */
#ifndef TINKLAS_MESSAGES_H
#define TINKLAS_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/accounts.h"	/* enum role, ACCOUNT_*_MAX */
#include "core/error.h"		/* struct core_error */
#include "core/queue.h"		/* struct queue_kind: the reports */

struct actor;
struct db;

#define MESSAGE_BODY_MAX	20000	/* code points: FORUM_BODY_MAX */
#define MESSAGES_NEW_PER_DAY	20	/* new conversations a member starts */
#define MESSAGES_CONTEXT	3	/* messages either side of a reported one */

#define MESSAGE_NAME_SZ		(ACCOUNT_NAME_MAX + 1)
#define MESSAGE_DISPLAY_SZ	(ACCOUNT_DISPLAY_MAX * 4 + 1)

/* Why a message's text is gone. */
enum message_removed {
	MESSAGE_SHOWN,
	MESSAGE_REMOVED,	/* by a moderator, after a report */
	MESSAGE_ERASED,		/* its author's account was erased */
};

/* One conversation as one of its members sees it. */
struct message_conversation {
	int64_t		 id;
	int64_t		 other_id;	/* the other member */
	char		 other_name[MESSAGE_NAME_SZ];	/* "#12": erased */
	char		 other_display[MESSAGE_DISPLAY_SZ];
	enum role	 other_role;
	int64_t		 last_at;	/* the newest message's time */
	int64_t		 last_seq;	/* its seq: pages end here */
	int64_t		 read_seq;	/* the viewer's read mark */
	int64_t		 unread;	/* last_seq - read_seq */
};

struct message_conversation_list {
	struct message_conversation	*v;
	size_t				 n;
	bool				 more;	/* another page follows */
};

struct message {
	int64_t			 id;
	int64_t			 conversation_id;
	int64_t			 seq;
	int64_t			 author_id;
	char			 author_name[MESSAGE_NAME_SZ];
	char			 author_display[MESSAGE_DISPLAY_SZ];
	enum role		 author_role;
	int64_t			 created;
	enum message_removed	 removed;	/* not SHOWN: body is "" */
	char			*body;
};

struct message_list {
	struct message	*v;
	size_t		 n;
	bool		 more;	/* older messages come before these */
};

/* Writes body to member to: into their conversation, which the first
 * message starts. *conversation_id and *message_id (either may be NULL)
 * get the ids. The sender's read mark moves past their own message. */
struct core_error messages_send(struct db *db, const struct actor *viewer,
    int64_t to, const char *body, int64_t *conversation_id,
    int64_t *message_id);

/* A page of the viewer's conversations, the latest activity first, with
 * the other member and the viewer's unread count in each; offset counts
 * conversations. 0 or -1 (a guest has none: 0, empty). */
int messages_conversations(struct db *db, const struct actor *viewer,
    int offset, int limit, struct message_conversation_list *out);
void messages_conversation_list_free(struct message_conversation_list *l);
/* One conversation of the viewer's: 0, or -1 when there is none or the
 * viewer is not one of its members. */
int messages_conversation_get(struct db *db, const struct actor *viewer,
    int64_t id, struct message_conversation *out);
/* The viewer's conversation with member other (a profile's "write"), or 0
 * when they have none yet. */
int64_t messages_conversation_with(struct db *db, const struct actor *viewer,
    int64_t other);

/* Up to limit messages of the conversation with seq below before (0: the
 * newest ones), oldest first, so the newest is last; more tells that older
 * ones exist (the next page: before = v[0].seq). 0, or -1 when the viewer
 * is not one of its members. */
int messages_page(struct db *db, const struct actor *viewer,
    int64_t conversation_id, int64_t before, int limit,
    struct message_list *out);
void message_list_free(struct message_list *l);
/* Moves the viewer's read mark forward to seq (clamped to the newest;
 * never back): what a screen has shown is read. 0 or -1. */
int messages_mark_read(struct db *db, const struct actor *viewer,
    int64_t conversation_id, int64_t seq);
/* Unread messages over all the viewer's conversations (0 for a guest),
 * or -1. */
int64_t messages_unread_total(struct db *db, const struct actor *viewer);

/* The recipient reports a message to the moderators with a reason (one
 * line, 1 to 200 code points). */
struct core_error messages_report(struct db *db, const struct actor *viewer,
    int64_t message_id, const char *reason);
/* What a moderator or admin sees of a reported message with an open
 * report: it and up to MESSAGES_CONTEXT messages before and after it in
 * its conversation, in order, removed ones as placeholders. 0, or -1 for
 * anyone else, for a message without an open report, or on error. */
int messages_report_context(struct db *db, const struct actor *viewer,
    int64_t message_id, struct message_list *out);

/* The directory domain's demo part: a conversation between two of the
 * forums' demo people. 0 or -1. */
int messages_demo_fill(struct db *db, FILE *out);

/* The queue's kind "messages.report" (domain directory). */
extern const struct queue_kind messages_queue_kinds[];	/* kind NULL ends */

#endif
