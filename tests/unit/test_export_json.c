/* The export hooks' helpers (core/export-json.h): SQLite's types become
 * JSON's (integer, real, null, text; a blob as hex), text comes out
 * sanitised and valid UTF-8 whatever a row holds, column names are the
 * keys, and a part is an array of rows or, with one, its row or null. */
#include "core/db-internal.h"
#include "core/export-json.h"
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static void
test_types(void **state)
{
	struct tdb *f = *state;
	sqlite3_stmt *st;
	json_t *rows, *row;
	char *text;

	st = db_prepare(f->db, "SELECT 7 AS i, 2.5 AS r, NULL AS n, "
	    "'\"quoted\" \\ ' || char(27) || '[2Jok' AS t, x'00ff10' AS b, "
	    "CAST(x'41ff42' AS TEXT) AS bad, 'Žalgiris' AS lt "
	    "UNION ALL SELECT -1, 0.0, NULL, '', x'', '', 'ąčę'");
	assert_non_null(st);
	rows = export_rows(st);
	sqlite3_finalize(st);
	assert_non_null(rows);
	assert_int_equal(json_array_size(rows), 2);
	row = json_array_get(rows, 0);
	assert_int_equal(json_object_size(row), 7);
	assert_true(json_is_integer(json_object_get(row, "i")));
	assert_int_equal(json_integer_value(json_object_get(row, "i")), 7);
	assert_true(json_is_real(json_object_get(row, "r")));
	assert_true(json_is_null(json_object_get(row, "n")));
	/* The escape character is gone (the terminal filter), the quotes and
	 * the backslash are jansson's to escape. */
	assert_string_equal(json_string_value(json_object_get(row, "t")),
	    "\"quoted\" \\ [2Jok");
	assert_string_equal(json_string_value(json_object_get(row, "b")),
	    "00ff10");
	/* A byte that is no UTF-8 becomes U+FFFD. */
	assert_string_equal(json_string_value(json_object_get(row, "bad")),
	    "A\xef\xbf\xbd" "B");
	assert_string_equal(json_string_value(json_object_get(row, "lt")),
	    "Žalgiris");
	text = json_dumps(rows, JSON_COMPACT);
	assert_non_null(strstr(text, "\"t\":\"\\\"quoted\\\" \\\\ [2Jok\""));
	assert_null(strchr(text, '\x1b'));
	free(text);
	json_decref(rows);
}

static void
test_parts(void **state)
{
	static const struct export_part parts[] = {
		{ "one", "SELECT name FROM accounts WHERE id = ?1", true },
		{ "none", "SELECT name FROM accounts WHERE id = -?1", true },
		{ "all", "SELECT id FROM accounts WHERE id >= ?1 ORDER BY id",
		  false },
	};
	struct tdb *f = *state;
	int64_t a = tdb_account(f, "ruta", "Rūta", "lt", ROLE_MEMBER);
	json_t *obj = json_object();

	tdb_account(f, "jonas", "Jonas", "lt", ROLE_MEMBER);
	assert_int_equal(export_parts(f->db, obj, parts, 3, a), 0);
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(obj, "one"), "name")), "ruta");
	assert_true(json_is_null(json_object_get(obj, "none")));
	assert_int_equal(json_array_size(json_object_get(obj, "all")), 2);
	json_decref(obj);
}

static int
setup(void **state)
{
	*state = tdb_new(sizeof(struct tdb), "export_json");
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_types, setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_parts, setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
