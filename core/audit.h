/* The audit log: every administrative and moderator action, who did it,
 * to what, and why. actor_id 0 is the admin command on the server,
 * AUDIT_AUTOMATIC the forums' own rules (three reports hide a post). */
#ifndef TINKLAS_AUDIT_H
#define TINKLAS_AUDIT_H

#include <stdint.h>

struct db;

#define AUDIT_AUTOMATIC	(-1)

struct audit_entry {
	int64_t		 id;
	int64_t		 at;
	int64_t		 actor_id;
	const char	*actor_name;	/* "" for the admin command */
	const char	*action;	/* "user.suspend" */
	const char	*target;	/* "account 12", "post 7" */
	const char	*detail;	/* free text: reason */
	const char	*label;		/* what target names now, for people:
					 * "jonas", "\"Title\"", "#2 by jonas in
					 * \"Title\""; "" when gone or unknown */
};

int audit_log(struct db *db, int64_t actor_id, const char *action,
    const char *target, const char *detail);
/* Calls fn for the newest limit entries, newest first. Returns the number
 * visited or -1. */
int audit_each(struct db *db, int limit,
    int (*fn)(const struct audit_entry *e, void *arg), void *arg);

#endif
