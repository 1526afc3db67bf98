/* Blocks between members: one row per (blocker, blocked), audited. */
#include "core/blocks.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db-internal.h"

struct core_error
blocks_add(struct db *db, const struct actor *a, int64_t whom)
{
	struct account acct;
	sqlite3_stmt *st;
	const char *err = NULL;

	if (a->guest || a->account_id == 0)
		return CORE_ERR("error.blocks.guest", NULL);
	if (whom == a->account_id)
		return CORE_ERR("error.blocks.self", NULL);
	if (account_by_id(db, whom, &acct) != 0)
		return CORE_ERR("error.blocks.not_found", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((st = db_prepare(db, "INSERT OR IGNORE INTO person_blocks "
	    "(blocker_id, blocked_id, created) VALUES (?1, ?2, ?3)")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, a->account_id);
		sqlite3_bind_int64(st, 2, whom);
		sqlite3_bind_int64(st, 3, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL && sqlite3_changes(db->h) > 0)
		err = db_audit(db, a, "account", whom, "block", NULL);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

struct core_error
blocks_remove(struct db *db, const struct actor *a, int64_t whom)
{
	const char *err;

	if (a->guest || a->account_id == 0)
		return CORE_ERR("error.blocks.guest", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_exec_ints(db, "DELETE FROM person_blocks WHERE blocker_id = ?1 "
	    "AND blocked_id = ?2", a->account_id, whom, 0) != 0)
		err = "error.internal";
	else if (sqlite3_changes(db->h) > 0)
		err = db_audit(db, a, "account", whom, "unblock", NULL);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

bool
blocks_has(struct db *db, int64_t blocker, int64_t whom)
{
	return db_scalar(db, "SELECT 1 FROM person_blocks WHERE blocker_id = ?1 "
	    "AND blocked_id = ?2", blocker, whom, 0) == 1;
}

bool
blocks_between(struct db *db, int64_t a, int64_t b)
{
	return blocks_has(db, a, b) || blocks_has(db, b, a);
}
