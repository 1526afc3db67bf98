/* SSH public keys per account. The fingerprint is unique across the site:
 * a key names exactly one account at login. */
#include "core/keys.h"
#include "core/db-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define COMMENT_MAX	100	/* code points */

#define KEY_COLUMNS "id, account_id, type, blob, comment, fingerprint, created"

static void	row_to_key(sqlite3_stmt *, struct sshkey_row *);
static int	key_count(struct db *, int64_t);

const char *
key_add(struct db *db, int64_t account_id, const char *type,
    const char *blob, const char *comment, const char *fingerprint)
{
	sqlite3_stmt *st;
	char *clean;
	int n, rc;

	if (db_begin(db) != 0)
		return "error.internal";
	if ((n = key_count(db, account_id)) < 0) {
		db_rollback(db);
		return "error.internal";
	}
	if (n >= KEYS_PER_ACCOUNT_MAX) {
		db_rollback(db);
		return "error.key.limit";
	}
	st = db_prepare(db, "INSERT INTO ssh_keys (account_id, type, blob, "
	    "comment, fingerprint, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL) {
		db_rollback(db);
		return "error.internal";
	}
	clean = sanitize(comment != NULL ? comment : "",
	    comment != NULL ? strlen(comment) : 0, SANITIZE_LINE, COMMENT_MAX,
	    0);
	sqlite3_bind_int64(st, 1, account_id);
	db_bind_text(st, 2, type);
	db_bind_text(st, 3, blob);
	db_bind_text(st, 4, clean);
	db_bind_text(st, 5, fingerprint);
	sqlite3_bind_int64(st, 6, db_now());
	rc = db_step_done(st);
	free(clean);
	if (rc != SQLITE_DONE) {
		db_rollback(db);
		return rc == SQLITE_CONSTRAINT_UNIQUE ? "error.key.duplicate" :
		    "error.internal";
	}
	return db_commit(db) == 0 ? NULL : "error.internal";
}

int
key_list(struct db *db, int64_t account_id, struct sshkey_row **out)
{
	struct sshkey_row *rows = NULL;
	sqlite3_stmt *st;
	int n = 0, rc;

	*out = NULL;
	st = db_prepare(db, "SELECT " KEY_COLUMNS " FROM ssh_keys "
	    "WHERE account_id = ?1 ORDER BY id");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows = xrealloc(rows, (n + 1) * sizeof *rows);
		row_to_key(st, &rows[n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		key_rows_free(rows, n);
		return -1;
	}
	*out = rows;
	return n;
}

void
key_rows_free(struct sshkey_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++)
		key_row_clear(&rows[i]);
	free(rows);
}

void
key_row_clear(struct sshkey_row *row)
{
	free(row->blob);
	free(row->comment);
	row->blob = row->comment = NULL;
}

int
key_remove(struct db *db, int64_t account_id, int64_t key_id)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "DELETE FROM ssh_keys WHERE id = ?1 AND "
	    "account_id = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, key_id);
	sqlite3_bind_int64(st, 2, account_id);
	if (db_step_done(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : -1;
}

int
key_find(struct db *db, const char *fingerprint, struct sshkey_row *out)
{
	sqlite3_stmt *st;
	int rc = -1;

	st = db_prepare(db, "SELECT " KEY_COLUMNS " FROM ssh_keys "
	    "WHERE fingerprint = ?1");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, fingerprint);
	if (sqlite3_step(st) == SQLITE_ROW) {
		row_to_key(st, out);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

static void
row_to_key(sqlite3_stmt *st, struct sshkey_row *k)
{
	memset(k, 0, sizeof *k);
	k->id = sqlite3_column_int64(st, 0);
	k->account_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, k->type, sizeof k->type);
	k->blob = xstrdup((const char *)sqlite3_column_text(st, 3));
	k->comment = xstrdup((const char *)sqlite3_column_text(st, 4));
	db_column_copy(st, 5, k->fingerprint, sizeof k->fingerprint);
	k->created = sqlite3_column_int64(st, 6);
}

/* The number of keys of an account, or -1. */
static int
key_count(struct db *db, int64_t account_id)
{
	sqlite3_stmt *st;
	int n = -1;

	st = db_prepare(db, "SELECT count(*) FROM ssh_keys "
	    "WHERE account_id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}
