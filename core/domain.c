/* What acts on every domain at once: one account's export and erasure.
 * Migrations run in core/db.c; the export hooks' helpers are in
 * core/export-json.c. */
#include "core/domain.h"
#include "core/db-internal.h"
#include "core/audit.h"
#include "core/export-json.h"
#include "common/clock.h"
#include "common/log.h"
#include "common/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Each domain's part as an object of its own under the domain's name. */
static int
export_domains(struct db *db, int64_t id, json_t *doc)
{
	json_t *part;
	int i;

	for (i = 0; i < ndomains; i++) {
		if (domains[i]->export_account == NULL)
			continue;
		if ((part = json_object()) == NULL)
			return -1;
		if (json_object_set_new(doc, domains[i]->name, part) != 0 ||
		    domains[i]->export_account(db, id, part) != 0)
			return -1;
	}
	return 0;
}

int
domain_export_account(struct db *db, int64_t id, struct strbuf *out)
{
	json_t *doc;
	char *text = NULL;
	int rc = -1;

	if ((doc = json_pack("{s:s, s:i, s:I}", "format", "tinklas-export",
	    "version", EXPORT_FORMAT_VERSION, "exported_at",
	    (json_int_t)clock_now())) == NULL)
		return -1;
	/* One read transaction: the parts agree with each other. */
	if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		json_decref(doc);
		return -1;
	}
	if (export_domains(db, id, doc) == 0 &&
	    (text = json_dumps(doc, JSON_INDENT(2))) != NULL) {
		sb_puts(out, text);
		sb_putc(out, '\n');
		rc = 0;
	}
	db_rollback(db);
	free(text);
	json_decref(doc);
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
