/* One moderation queue for "things a moderator decides": a reported post
 * today ("forum.post"), a reported message, an event proposal, a reported
 * profile next. An item is one person's report (or proposal) about one
 * subject, with a reason; the queue shows one entry per subject with all
 * its open items, and a moderator closes them all at once with one of the
 * actions the kind offers. Each kind is described by its domain (struct
 * queue_kind in core/domain.h's struct domain): what the subject looks
 * like, who decides it, its actions and what they do. No central list. */
#ifndef TINKLAS_QUEUE_H
#define TINKLAS_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/accounts.h"	/* enum role, ACCOUNT_*_MAX */
#include "core/error.h"		/* struct core_error */

struct db;
struct actor;

#define QUEUE_KIND_MAX		40
#define QUEUE_ACTIONS_MAX	6
#define QUEUE_REASON_MAX	200	/* code points, one line */
#define QUEUE_DAYS_MAX		3650
#define QUEUE_TITLE_SZ		(120 * 4 + 1)

/* An item's state: open, or closed by an action that resolved it or
 * dismissed it. */
enum queue_state { QUEUE_OPEN, QUEUE_RESOLVED, QUEUE_DISMISSED };

/* One decision a moderator can take on a kind's subject. */
struct queue_action {
	const char	*name;		/* stored; the admin command's word */
	int		 key;		/* its letter on the queue screen */
	const char	*label_key;	/* its key bar label */
	const char	*title_key;	/* the title of the reason dialog */
	bool		 days;		/* asks for a number of days */
	bool		 dismisses;	/* closes the items as dismissed */
};

/* What the queue shows of a subject, as its kind describes it. */
struct queue_subject {
	char		 title[QUEUE_TITLE_SZ];	/* "Krepšinis" */
	int64_t		 place_id;	/* where it is (a post: its thread) */
	int64_t		 number;	/* its number there (a post: seq) */
	int64_t		 owner_id;	/* whose it is (a post: its author) */
	char		 owner_name[ACCOUNT_NAME_MAX + 1];
	char		 owner_display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	enum role	 owner_role;
	char		*body;		/* its text */
	const char	*note_key;	/* a catalog line about it, or NULL */
	const char	*note_word;	/* the same for the admin command */
};

struct queue_kind {
	const char		*kind;	/* stored: never renamed */
	/* An SQL condition true when the viewer decides the item q (its
	 * q.subject_id): ?1 is 1 for a moderator or admin, ?2 the viewer's
	 * account. */
	const char		*decides_sql;
	/* Fills out about subject_id: 0, or -1 when it is gone. */
	int			(*describe)(struct db *db, int64_t subject_id,
				    struct queue_subject *out);
	/* The line that names the subject in the reason dialog, given the
	 * subject's number, owner's display and title as {0}, {1}, {2}. */
	const char		*about_key;
	/* The label of `o`, which opens the subject ("Open thread"), and
	 * the plural pattern of how many items ask about it ("# reports"). */
	const char		*open_key;
	const char		*count_key;
	struct queue_action	 actions[QUEUE_ACTIONS_MAX + 1];  /* name NULL ends */
	/* Applies action a to subject_id inside queue_resolve's transaction:
	 * checks that the viewer may (who decides, the rank of a suspended
	 * author), writes, closes the items (queue_close), writes the audit
	 * entry. NULL or an error key; why is clean already. */
	const char		*(*resolve)(struct db *db, const struct actor *v,
				    int64_t subject_id,
				    const struct queue_action *a, int days,
				    const char *why);
};

/* The kind as some domain registered it, or NULL. */
const struct queue_kind *queue_kind_find(const char *kind);
/* The kind's action called name, or NULL. */
const struct queue_action *queue_action_find(const struct queue_kind *k,
    const char *name);

/* Adds reporter's item about subject_id inside the caller's transaction;
 * reason is clean. 0, 1 when this reporter has one about it already, or
 * -1. */
int queue_add(struct db *db, const char *kind, int64_t subject_id,
    int64_t reporter_id, const char *reason);
/* Opens reporter's earlier item about subject_id again with a new reason
 * (a member's approved event that they edit waits again), inside the
 * caller's transaction. 0 or -1. */
int queue_reopen(struct db *db, const char *kind, int64_t subject_id,
    int64_t reporter_id, const char *reason);
/* The subject's open items, or -1. */
int64_t queue_open_items(struct db *db, const char *kind, int64_t subject_id);
/* Closes the subject's open items by action a, by v, inside the caller's
 * transaction. 0 or -1. */
int queue_close(struct db *db, const struct actor *v, const char *kind,
    int64_t subject_id, const struct queue_action *a);

struct queue_entry {
	const struct queue_kind	*k;
	int64_t			 subject_id;
	int			 count;		/* open items */
	int64_t			 first_at;	/* the oldest */
	char			*reasons;	/* "name: reason" lines */
	struct queue_subject	 s;
};
struct queue_list {
	struct queue_entry	*v;
	size_t			 n;
	bool			 more;
};

/* The subjects with open items that the viewer decides, oldest first. 0
 * or -1. */
int queue_list(struct db *db, const struct actor *viewer, int offset,
    int limit, struct queue_list *out);
void queue_list_free(struct queue_list *l);
/* How many subjects wait for the viewer, or -1: the menu's count. */
int64_t queue_open_count(struct db *db, const struct actor *viewer);

/* A moderator decides: action (by name) on the subject's open items, with
 * a reason for the audit log and days when the action asks for them. The
 * check, the write and the audit entry in one transaction. Keys:
 * "error.queue.kind", "error.queue.action" (unknown), "error.forum.days"
 * (field "days"), "error.forum.reason_length" (field "reason"), and the
 * kind's own ("error.forum.not_allowed", "error.forum.no_reports", ...). */
struct core_error queue_resolve(struct db *db, const struct actor *viewer,
    const char *kind, int64_t subject_id, const char *action, int days,
    const char *why);

#endif
