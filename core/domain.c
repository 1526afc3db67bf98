/* What acts on every domain at once: one account's export and erasure, and
 * the JSON pieces their hooks share. Migrations run in core/db.c. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/audit.h"
#include "common/log.h"
#include "common/strbuf.h"

#include <stdint.h>
#include <stdio.h>

int
domain_export_account(struct db *db, int64_t id, struct strbuf *out)
{
	int i, n = 0, rc = 0;

	/* One read transaction: the parts agree with each other. */
	if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	sb_putc(out, '{');
	for (i = 0; i < ndomains && rc == 0; i++) {
		if (domains[i]->export_account == NULL)
			continue;
		if (n++ > 0)
			sb_putc(out, ',');
		json_key(out, domains[i]->name);
		rc = domains[i]->export_account(db, id, out);
	}
	sb_puts(out, "}\n");
	db_rollback(db);
	return rc;
}

/* Reads PRAGMA secure_delete: 0, 1 (or 2, "fast"); -1 on error. */
static int
secure_delete(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if ((st = db_prepare(db, "PRAGMA secure_delete")) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* With secure_delete on, SQLite overwrites what it deletes instead of
 * leaving it in free pages; the checkpoint afterwards moves the new pages
 * out of the write-ahead log and empties it, so the erased text is in
 * neither file (unless a reader holds old pages: then at the next
 * checkpoint). */
int
domain_erase(struct db *db, int64_t id, int64_t actor_id,
    enum erase_writing writing)
{
	char sql[40], target[32];
	int i, was, rc = 0;

	if ((was = secure_delete(db)) < 0 || sqlite3_exec(db->h,
	    "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	if (db_begin(db) != 0)
		rc = -1;
	for (i = ndomains - 1; i >= 0 && rc == 0 &&
	    writing == ERASE_REMOVE_WRITING; i--)
		if (domains[i]->erase_writing != NULL &&
		    domains[i]->erase_writing(db, id) != 0)
			rc = -1;
	for (i = ndomains - 1; i >= 0 && rc == 0; i--)
		if (domains[i]->erase_account != NULL &&
		    domains[i]->erase_account(db, id) != 0)
			rc = -1;
	/* The accounts domain has emptied the audit log of the member; this
	 * line is all it keeps, and it names them by id only. */
	snprintf(target, sizeof target, "#%lld", (long long)id);
	if (rc == 0 && audit_log(db, actor_id, "account.erase", target, "") != 0)
		rc = -1;
	if (rc == 0)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == 0)
		sqlite3_exec(db->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
		    NULL, NULL);
	/* A PRAGMA takes no parameters; was is SQLite's own number. */
	snprintf(sql, sizeof sql, "PRAGMA secure_delete = %d", was);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc;
}

int
domain_erase_account(struct db *db, int64_t id)
{
	return domain_erase(db, id, 0, ERASE_REMOVE_WRITING);
}

int
domain_maintain(struct db *db, int64_t now)
{
	int i, rc = 0;

	for (i = 0; i < ndomains; i++)
		if (domains[i]->maintain != NULL &&
		    domains[i]->maintain(db, now) != 0) {
			log_error("%s: the %s domain's upkeep failed", __func__,
			    domains[i]->name);
			rc = -1;
		}
	return rc;
}

int
domain_version(struct db *db, const char *name)
{
	sqlite3_stmt *st;
	int v = -1;

	if ((st = db_prepare(db, "SELECT version FROM schema_versions "
	    "WHERE domain = ?1")) == NULL)
		return -1;
	db_bind_text(st, 1, name);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

void
json_str(struct strbuf *out, const char *s)
{
	const unsigned char *p;

	sb_putc(out, '"');
	for (p = (const unsigned char *)(s != NULL ? s : ""); *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			sb_printf(out, "\\%c", *p);
		else if (*p == '\n')
			sb_puts(out, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			sb_printf(out, "\\u%04x", *p);
		else
			sb_putc(out, (char)*p);
	}
	sb_putc(out, '"');
}

void
json_key(struct strbuf *out, const char *key)
{
	json_str(out, key);
	sb_putc(out, ':');
}

/* Appends the rows of sql (?1 bound to id) as a JSON array of objects
 * with the given keys, one per column; integers stay numbers. */
int
domain_json_rows(struct db *db, struct strbuf *out, const char *sql, int64_t id,
    const char *const *keys)
{
	sqlite3_stmt *st;
	int rc, i, n = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sb_putc(out, '[');
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sb_puts(out, n++ == 0 ? "{" : ",{");
		for (i = 0; keys[i] != NULL; i++) {
			if (i > 0)
				sb_putc(out, ',');
			json_key(out, keys[i]);
			if (sqlite3_column_type(st, i) == SQLITE_INTEGER)
				sb_printf(out, "%lld", (long long)
				    sqlite3_column_int64(st, i));
			else
				json_str(out, (const char *)
				    sqlite3_column_text(st, i));
		}
		sb_putc(out, '}');
	}
	sb_putc(out, ']');
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
domain_json_parts(struct db *db, struct strbuf *out,
    const struct domain_json_part *parts, size_t n, int64_t id)
{
	size_t i;

	sb_putc(out, '{');
	for (i = 0; i < n; i++) {
		if (i > 0)
			sb_putc(out, ',');
		json_key(out, parts[i].key);
		if (domain_json_rows(db, out, parts[i].sql, id,
		    parts[i].cols) != 0)
			return -1;
	}
	sb_putc(out, '}');
	return 0;
}
