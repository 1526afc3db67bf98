/* The audit log. Text is sanitised on the way in, like all stored text. */
#include "core/audit.h"
#include "core/db-internal.h"
#include "core/sanitize.h"

#include <stdlib.h>
#include <string.h>

#define AUDIT_TEXT_MAX	200	/* code points per field */

static char	*clean(const char *);

int
audit_log(struct db *db, int64_t actor_id, const char *action,
    const char *target, const char *detail)
{
	sqlite3_stmt *st;
	char *t, *d;
	int rc;

	st = db_prepare(db, "INSERT INTO audit (at, actor_id, action, target, "
	    "detail) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return -1;
	t = clean(target);
	d = clean(detail);
	sqlite3_bind_int64(st, 1, db_now());
	sqlite3_bind_int64(st, 2, actor_id);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, t);
	db_bind_text(st, 5, d);
	rc = db_step_done(st);
	free(t);
	free(d);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
audit_each(struct db *db, int limit,
    int (*fn)(const struct audit_entry *, void *), void *arg)
{
	struct audit_entry e;
	sqlite3_stmt *st;
	int n = 0, rc;

	/* Targets are "<what> <id>" (db_audit); entries written before the
	 * rules named accounts by name. */
	st = db_prepare(db, "SELECT audit.id, at, actor_id, "
	    "coalesce(accounts.name, ''), action, target, detail, coalesce(CASE "
	    "WHEN target GLOB 'thread [0-9]*' THEN (SELECT '\"' || title || '\"' "
	    "  FROM threads WHERE id = CAST(substr(target, 8) AS INTEGER)) "
	    "WHEN target GLOB 'post [0-9]*' THEN (SELECT '#' || p.seq || ' by ' "
	    "  || a.name || ' in \"' || t.title || '\"' FROM posts p "
	    "  JOIN threads t ON t.id = p.thread_id "
	    "  JOIN accounts a ON a.id = p.author_id "
	    "  WHERE p.id = CAST(substr(target, 6) AS INTEGER)) "
	    "WHEN target GLOB 'account [0-9]*' THEN (SELECT name FROM accounts "
	    "  WHERE id = CAST(substr(target, 9) AS INTEGER)) "
	    "WHEN target GLOB 'board [0-9]*' THEN (SELECT '\"' || title || '\"' "
	    "  FROM boards WHERE id = CAST(substr(target, 7) AS INTEGER)) "
	    "END, '') FROM audit "
	    "LEFT JOIN accounts ON accounts.id = audit.actor_id "
	    "ORDER BY audit.id DESC LIMIT ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, limit > 0 ? limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(st, 0);
		e.at = sqlite3_column_int64(st, 1);
		e.actor_id = sqlite3_column_int64(st, 2);
		e.actor_name = (const char *)sqlite3_column_text(st, 3);
		e.action = (const char *)sqlite3_column_text(st, 4);
		e.target = (const char *)sqlite3_column_text(st, 5);
		e.detail = (const char *)sqlite3_column_text(st, 6);
		e.label = (const char *)sqlite3_column_text(st, 7);
		n++;
		if (fn(&e, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

/* A sanitised one-line copy of s (NULL gives ""). */
static char *
clean(const char *s)
{
	if (s == NULL)
		s = "";
	return sanitize(s, strlen(s), SANITIZE_LINE, AUDIT_TEXT_MAX, 0);
}
