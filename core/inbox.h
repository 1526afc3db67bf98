/* One inbox for every feature: a notification is a row any domain writes
 * inside its own transaction (inbox_add), naming its kind ("forum.reply"),
 * what it is about (a subject type and id, so the UI can open it), who
 * caused it, and the arguments of its text. The text itself is made when
 * it is shown, in the reader's language, from the catalog key that the
 * kind's domain registers (struct inbox_kind, in core/domain.h's struct
 * domain), so no central list of kinds exists. */
#ifndef TINKLAS_INBOX_H
#define TINKLAS_INBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/accounts.h"	/* enum role, ACCOUNT_*_MAX */

struct db;
struct actor;

#define INBOX_KIND_MAX	40	/* "calendar.promoted" */
#define INBOX_ARGS_MAX	2000	/* the "key=value" lines, bytes */
#define INBOX_ARG_MAX	8	/* arguments per kind */

/* What a domain says about one of its kinds. The line shown is text_key
 * formatted with the named args in order as {0}, {1}, ...; the name
 * "actor" stands for whoever caused it (their display name and role, as
 * the UI labels authors), any other name for the value inbox_add got. */
struct inbox_kind {
	const char		*kind;		/* stored: never renamed */
	const char		*text_key;
	const char *const	 args[INBOX_ARG_MAX + 1];	/* NULL ends */
};

/* The kind as some domain registered it, or NULL (a kind whose feature
 * this program no longer has). */
const struct inbox_kind *inbox_kind_find(const char *kind);

/* One argument of a new entry. */
struct inbox_arg {
	const char	*key;		/* [a-z_]+ */
	const char	*value;		/* one line; newlines become spaces */
};

/* A new entry for recipient (never the actor: callers leave the actor
 * out). Call inside the writer's transaction, so the entry lands with the
 * change it tells about. 0 or -1. */
int inbox_add(struct db *db, int64_t recipient, const char *kind,
    const char *subject_type, int64_t subject_id, int64_t actor_id,
    const struct inbox_arg *args, size_t nargs);

struct inbox_entry {
	int64_t		 id;
	char		 kind[INBOX_KIND_MAX + 1];
	char		 subject_type[INBOX_KIND_MAX + 1];
	int64_t		 subject_id;
	int64_t		 actor_id;	/* 0: nobody (automatic) */
	char		 actor_name[ACCOUNT_NAME_MAX + 1];
	char		 actor_display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	enum role	 actor_role;
	char		 args[INBOX_ARGS_MAX + 1];	/* "key=value\n..." */
	int64_t		 at;
	bool		 read;
};

/* An argument's value in e->args copied to buf (cut at a character when
 * longer), or "" when absent. Returns buf. */
const char *inbox_arg(const struct inbox_entry *e, const char *key,
    char *buf, size_t bufsz);

struct inbox_list {
	struct inbox_entry	*v;
	size_t			 n;
	bool			 more;	/* older entries follow */
};

/* A page of the viewer's inbox, newest first (none for a guest). 0 or -1. */
int inbox_list(struct db *db, const struct actor *viewer, int offset,
    int limit, struct inbox_list *out);
void inbox_list_free(struct inbox_list *l);
/* Unread entries, or -1. */
int64_t inbox_unread(struct db *db, const struct actor *viewer);
/* A number that changes whenever an entry arrives (the newest id): one
 * cheap indexed read for the session's poll, before inbox_unread. -1 on
 * error. */
int64_t inbox_probe(struct db *db, const struct actor *viewer);
/* Marks one entry (id > 0) or all (id 0) read: NULL or an error key. */
const char *inbox_mark_read(struct db *db, const struct actor *viewer,
    int64_t id);

#endif
