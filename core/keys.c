/* SSH public keys per account. The fingerprint is unique across the site:
 * a key names exactly one account at login. */
#include "core/keys.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define COMMENT_MAX	100	/* code points */

#define KEY_COLUMNS "id, account_id, type, blob, comment, fingerprint, created"

static void	row_to_key(sqlite3_stmt *, struct sshkey_row *);
static int	key_count(struct db *, int64_t);
static bool	may_manage(const struct actor *, int64_t);
static const char *key_insert(struct db *, int64_t, const char *,
		    const char *, const char *, const char *);

struct core_error
key_add_by(struct db *db, const struct actor *a, int64_t account_id,
    const char *type, const char *blob, const char *comment,
    const char *fingerprint)
{
	const char *err;

	if (!may_manage(a, account_id))
		return CORE_ERR("error.forum.not_allowed", NULL);
	if (db_tx_begin(db, NULL, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	err = key_insert(db, account_id, type, blob, comment, fingerprint);
	if (err == NULL)
		err = db_audit(db, a, "account", account_id, "key.add",
		    fingerprint);
	err = db_tx_end(db, err);
	return err == NULL ? CORE_OK : CORE_ERR(err, "key");
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

struct core_error
key_remove_by(struct db *db, const struct actor *a, int64_t account_id,
    int64_t key_id)
{
	char fingerprint[sizeof ((struct sshkey_row *)0)->fingerprint] = "";
	const char *err = NULL;
	sqlite3_stmt *st;

	if (!may_manage(a, account_id))
		return CORE_ERR("error.forum.not_allowed", NULL);
	if (db_tx_begin(db, NULL, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	st = db_prepare(db, "SELECT fingerprint FROM ssh_keys WHERE id = ?1 "
	    "AND account_id = ?2");
	if (st == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, key_id);
		sqlite3_bind_int64(st, 2, account_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_copy(st, 0, fingerprint, sizeof fingerprint);
		else
			err = "error.key.not_found";
		sqlite3_finalize(st);
	}
	if (err == NULL && (st = db_prepare(db, "DELETE FROM ssh_keys "
	    "WHERE id = ?1")) == NULL)
		err = "error.internal";
	else if (err == NULL) {
		sqlite3_bind_int64(st, 1, key_id);
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
	}
	if (err == NULL)
		err = db_audit(db, a, "account", account_id, "key.remove",
		    fingerprint);
	return CORE_ERR(db_tx_end(db, err), NULL);
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
	return (int)db_scalar(db, "SELECT count(*) FROM ssh_keys "
	    "WHERE account_id = ?1", account_id, 0, -1);
}

/* Keys are their owner's to manage, and an admin's (the admin command). */
static bool
may_manage(const struct actor *a, int64_t account_id)
{
	if (a->guest)
		return false;
	return a->account_id == account_id || a->role == ROLE_ADMIN;
}

/* Inserts a key inside the caller's transaction: NULL or a key. */
static const char *
key_insert(struct db *db, int64_t account_id, const char *type,
    const char *blob, const char *comment, const char *fingerprint)
{
	sqlite3_stmt *st;
	char *clean;
	int n, rc;

	if ((n = key_count(db, account_id)) < 0)
		return "error.internal";
	if (n >= KEYS_PER_ACCOUNT_MAX)
		return "error.key.limit";
	st = db_prepare(db, "INSERT INTO ssh_keys (account_id, type, blob, "
	    "comment, fingerprint, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL)
		return "error.internal";
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
	if (rc != SQLITE_DONE)
		return rc == SQLITE_CONSTRAINT_UNIQUE ? "error.key.duplicate" :
		    "error.internal";
	return NULL;
}
