/* Rows of the database as JSON for a member's export (see export-json.h).
 * jansson does the writing and the escaping; this only maps SQLite's
 * types onto JSON's. */
#include "core/export-json.h"
#include "core/db-internal.h"
#include "core/sanitize.h"

#include <stdlib.h>

json_t *
export_column(sqlite3_stmt *st, int col)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *b;
	json_t *v;
	char *s;
	int i, n;

	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, col));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, col));
	case SQLITE_NULL:
		return json_null();
	case SQLITE_BLOB:
		b = sqlite3_column_blob(st, col);
		n = sqlite3_column_bytes(st, col);
		if ((s = malloc((size_t)n * 2 + 1)) == NULL)
			return NULL;
		for (i = 0; i < n; i++) {
			s[2 * i] = hex[b[i] >> 4];
			s[2 * i + 1] = hex[b[i] & 0xf];
		}
		s[2 * n] = '\0';
		break;
	default:
		/* Stored text was sanitised already, so this changes nothing
		 * unless a row predates a rule; bad bytes become U+FFFD, and
		 * json_string then always gets valid UTF-8. */
		s = sanitize((const char *)sqlite3_column_text(st, col),
		    (size_t)sqlite3_column_bytes(st, col), SANITIZE_BODY, 0, 0);
		break;
	}
	v = json_string(s);
	free(s);
	return v;
}

json_t *
export_row(sqlite3_stmt *st)
{
	json_t *row;
	int i, n = sqlite3_column_count(st);

	if ((row = json_object()) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (json_object_set_new(row, sqlite3_column_name(st, i),
		    export_column(st, i)) != 0) {
			json_decref(row);
			return NULL;
		}
	return row;
}

json_t *
export_rows(sqlite3_stmt *st)
{
	json_t *rows;
	int rc;

	if ((rows = json_array()) == NULL)
		return NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (json_array_append_new(rows, export_row(st)) != 0)
			break;
	if (rc != SQLITE_DONE) {
		json_decref(rows);
		return NULL;
	}
	return rows;
}

/* One part's value: its rows, or its first row (null when none). */
static json_t *
part_value(struct db *db, const struct export_part *p, int64_t id)
{
	sqlite3_stmt *st;
	json_t *v;
	int rc;

	if ((st = db_prepare(db, p->sql)) == NULL)
		return NULL;
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, id);
	if (!p->one)
		v = export_rows(st);
	else if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = export_row(st);
	else
		v = rc == SQLITE_DONE ? json_null() : NULL;
	sqlite3_finalize(st);
	return v;
}

int
export_parts(struct db *db, json_t *obj, const struct export_part *parts,
    size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (json_object_set_new(obj, parts[i].key,
		    part_value(db, &parts[i], id)) != 0)
			return -1;
	return 0;
}
