/* A member's export read back with jansson (see fixture-export.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/fixture-export.h"
#include "core/domain.h"
#include "common/strbuf.h"

#include <string.h>

json_t *
tex_export(struct db *db, int64_t id)
{
	struct strbuf sb = { 0 };
	json_error_t err;
	json_t *doc;

	assert_int_equal(domain_export_account(db, id, &sb), 0);
	doc = json_loads(sb.s, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL)
		fail_msg("the export does not parse: %s (line %d)", err.text,
		    err.line);
	sb_free(&sb);
	assert_true(json_is_object(doc));
	assert_string_equal(tex_str(doc, "format"), "tinklas-export");
	assert_int_equal(tex_int(doc, "version"), EXPORT_FORMAT_VERSION);
	assert_true(tex_int(doc, "exported_at") > 0);
	return doc;
}

json_t *
tex_part(json_t *doc, const char *domain, const char *key)
{
	json_t *v = json_object_get(json_object_get(doc, domain), key);

	if (v == NULL)
		fail_msg("the export has no %s.%s", domain, key);
	return v;
}

json_t *
tex_find(json_t *arr, const char *field, const char *value)
{
	json_t *e;
	size_t i;

	assert_true(json_is_array(arr));
	json_array_foreach(arr, i, e) {
		const char *s = json_string_value(json_object_get(e, field));

		if (s != NULL && strcmp(s, value) == 0)
			return e;
	}
	return NULL;
}

const char *
tex_str(json_t *obj, const char *field)
{
	json_t *v = json_object_get(obj, field);

	if (!json_is_string(v))
		fail_msg("%s is not a string", field);
	return json_string_value(v);
}

int64_t
tex_int(json_t *obj, const char *field)
{
	json_t *v = json_object_get(obj, field);

	if (!json_is_integer(v))
		fail_msg("%s is not an integer", field);
	return json_integer_value(v);
}

int
tex_contains(json_t *v, const char *needle)
{
	const char *key;
	json_t *e;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING:
		return strstr(json_string_value(v), needle) != NULL;
	case JSON_ARRAY:
		json_array_foreach(v, i, e)
			if (tex_contains(e, needle))
				return 1;
		return 0;
	case JSON_OBJECT:
		json_object_foreach(v, key, e)
			if (strstr(key, needle) != NULL || tex_contains(e, needle))
				return 1;
		return 0;
	default:
		return 0;
	}
}
