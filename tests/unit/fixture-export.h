/* A member's export (core/domain.h) read back with jansson, for the tests
 * that check what it holds by value rather than by its text. */
#ifndef TINKLAS_FIXTURE_EXPORT_H
#define TINKLAS_FIXTURE_EXPORT_H

#include <jansson.h>
#include <stdint.h>

struct db;

/* Exports account id and parses the text; the test fails when either
 * fails or the document lacks its format keys. The caller decrefs. */
json_t *tex_export(struct db *db, int64_t id);
/* doc[domain][key], failing the test when it is missing. Borrowed. */
json_t *tex_part(json_t *doc, const char *domain, const char *key);
/* The first object of array arr whose string field is value, or NULL.
 * Borrowed. */
json_t *tex_find(json_t *arr, const char *field, const char *value);
/* The string field of object obj, failing the test when it is none. */
const char *tex_str(json_t *obj, const char *field);
/* The integer field of object obj, failing the test when it is none. */
int64_t tex_int(json_t *obj, const char *field);
/* Whether any string anywhere in v (keys too) contains needle. */
int tex_contains(json_t *v, const char *needle);

#endif
