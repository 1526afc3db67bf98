/* Write transactions and the audit entry that goes with a change, for every
 * domain of the model: a rule checks, writes and audits between
 * db_tx_begin and db_tx_end, so a change and its audit entry land together
 * or not at all. */
#include "core/db-internal.h"
#include "core/actor.h"
#include "core/audit.h"

#include <stdio.h>
#include <stdlib.h>

const char *
db_tx_begin(struct db *db, char *a, char *b)
{
	if (db_begin(db) == 0)
		return NULL;
	free(a);
	free(b);
	return "error.internal";
}

const char *
db_tx_end(struct db *db, const char *err)
{
	if (err != NULL) {
		db_rollback(db);
		return err;
	}
	return db_commit(db) == 0 ? NULL : "error.internal";
}

const char *
db_audit(struct db *db, const struct actor *a, const char *what, int64_t id,
    const char *action, const char *detail)
{
	char target[32];

	snprintf(target, sizeof target, "%s %lld", what, (long long)id);
	if (audit_log(db, actor_audit_id(a), action, target, detail) != 0)
		return "error.internal";
	return NULL;
}
