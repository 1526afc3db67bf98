/* What the domains' export hooks share (core/domain.h): the rows of a
 * query turned into JSON with jansson, so no hook writes JSON text or
 * escapes it by hand. Only core/ includes this (deps/rights). */
#ifndef TINKLAS_EXPORT_JSON_H
#define TINKLAS_EXPORT_JSON_H

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;

/* One key of an export hook's object: the rows of sql, its ?1 bound to
 * the account id, as an array of objects keyed by the columns' names (so
 * the SQL names them with AS); with one set, the first row alone as an
 * object, or null when there is none. */
struct export_part {
	const char	*key;
	const char	*sql;
	bool		 one;
};

/* The columns and table of an export part of audit entries, for a domain
 * to add its WHERE (on `a`, the audit table): when, what, about what,
 * why, and who acted as a kind (the member, the admin command, the
 * forums' own rules, someone else), never as a person; ?1 is the
 * member. */
#define EXPORT_AUDIT_FROM \
	"SELECT a.at AS at, a.action AS action, a.target AS target, " \
	"a.detail AS detail, CASE WHEN a.actor_id = ?1 THEN 'self' " \
	"WHEN a.actor_id = 0 THEN 'admin-command' WHEN a.actor_id = -1 " \
	"THEN 'automatic' ELSE 'other' END AS actor FROM audit a "

/* The value of column col of the current row: an integer, a real, null,
 * or a string (sanitised as every output path off ncurses is, so it is
 * valid UTF-8 without control characters); a blob becomes lower-case
 * hex. A new reference, or NULL when memory ran out. */
json_t *export_column(sqlite3_stmt *st, int col);
/* The current row as an object with one key per column. New reference
 * or NULL. */
json_t *export_row(sqlite3_stmt *st);
/* Steps st to its end: the rows as an array of objects (st is left for
 * the caller to finalize). A new reference, or NULL on an error. */
json_t *export_rows(sqlite3_stmt *st);
/* Sets each of the n parts on obj, in order. 0 or -1. */
int export_parts(struct db *db, json_t *obj, const struct export_part *parts,
    size_t n, int64_t id);

#endif
