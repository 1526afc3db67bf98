/* A member's answers in memory (struct survey_answers) and as rows: one
 * row per value (question key, option key or '', number or NULL, text or
 * NULL), the same in survey_answers and survey_progress_answers. */
#include "core/survey-internal.h"
#include "core/db-internal.h"

#include <stdlib.h>
#include <string.h>

void
survey_answers_free(struct survey_answers *ans)
{
	size_t i;

	for (i = 0; i < ans->n; i++)
		free(ans->v[i].text);
	free(ans->v);
	memset(ans, 0, sizeof *ans);
}

const struct survey_answer *
survey_answer_find(const struct survey_answers *ans, const char *key)
{
	size_t i;

	for (i = 0; i < ans->n; i++)
		if (strcmp(ans->v[i].key, key) == 0)
			return &ans->v[i];
	return NULL;
}

struct survey_answer *
survey_answer_put(struct survey_answers *ans, const char *key)
{
	struct survey_answer *x, *nv;

	if (strlen(key) > SURVEY_KEY_MAX)
		return NULL;
	if ((x = (struct survey_answer *)survey_answer_find(ans, key)) ==
	    NULL) {
		if ((nv = realloc(ans->v, (ans->n + 1) * sizeof *nv)) == NULL)
			return NULL;
		ans->v = nv;
		x = &ans->v[ans->n++];
		x->text = NULL;
	}
	free(x->text);
	memset(x, 0, sizeof *x);
	strcpy(x->key, key);
	return x;
}

int
survey_answer_set_text(struct survey_answer *x, const char *text)
{
	char *t;

	if ((t = strdup(text)) == NULL)
		return -1;
	free(x->text);
	x->text = t;
	return 0;
}

int
survey_answer_choose(struct survey_answer *x, const char *option)
{
	if (x->nchoices == SURVEY_OPTIONS_MAX ||
	    strlen(option) > SURVEY_KEY_MAX)
		return -1;
	strcpy(x->choices[x->nchoices++], option);
	return 0;
}

void
survey_answer_drop(struct survey_answers *ans, const char *key)
{
	size_t i;

	for (i = 0; i < ans->n; i++)
		if (strcmp(ans->v[i].key, key) == 0) {
			free(ans->v[i].text);
			ans->v[i] = ans->v[--ans->n];
			return;
		}
}

bool
survey_answered(const struct survey_answer *x)
{
	return x != NULL && (x->nchoices > 0 || x->has_num ||
	    (x->text != NULL && x->text[0] != '\0'));
}

static void
bind_owner(sqlite3_stmt *st, int64_t survey_id, const void *blob,
    int64_t owner)
{
	sqlite3_bind_int64(st, 1, survey_id);
	if (blob != NULL)
		sqlite3_bind_blob(st, 2, blob, SURVEY_RESPONSE_ID,
		    SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 2, owner);
}

/* One row: ?3 qkey, ?4 choice, ?5 num or NULL, ?6 text or NULL. */
static int
write_row(sqlite3_stmt *st, const char *key, const char *choice,
    const long long *num, const char *text)
{
	sqlite3_reset(st);
	db_bind_text(st, 3, key);
	db_bind_text(st, 4, choice);
	if (num != NULL)
		sqlite3_bind_int64(st, 5, *num);
	else
		sqlite3_bind_null(st, 5);
	db_bind_text(st, 6, text);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

int
survey_answers_write(struct db *db, const char *sql, int64_t survey_id,
    const void *blob, int64_t owner, const struct survey_answers *ans)
{
	sqlite3_stmt *st;
	size_t i, j;
	int ret = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	bind_owner(st, survey_id, blob, owner);
	for (i = 0; i < ans->n && ret == 0; i++) {
		const struct survey_answer *x = &ans->v[i];

		for (j = 0; j < x->nchoices && ret == 0; j++)
			ret = write_row(st, x->key, x->choices[j], NULL, NULL);
		if (ret == 0 && x->has_num)
			ret = write_row(st, x->key, "", &x->num, NULL);
		if (ret == 0 && x->text != NULL && x->text[0] != '\0')
			ret = write_row(st, x->key, "", NULL, x->text);
	}
	sqlite3_finalize(st);
	return ret;
}

int
survey_answers_read(struct db *db, const char *sql, int64_t survey_id,
    const void *blob, int64_t owner, struct survey_answers *ans)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE, ret = 0;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	bind_owner(st, survey_id, blob, owner);
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *choice = (const char *)sqlite3_column_text(st, 1);
		struct survey_answer *x;

		if (key == NULL)
			continue;
		x = (struct survey_answer *)survey_answer_find(ans, key);
		if (x == NULL && (x = survey_answer_put(ans, key)) == NULL) {
			ret = -1;
			break;
		}
		if (choice != NULL && choice[0] != '\0')
			ret = survey_answer_choose(x, choice);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			x->has_num = true;
			x->num = sqlite3_column_int64(st, 2);
		}
		if (ret == 0 && sqlite3_column_type(st, 3) != SQLITE_NULL)
			ret = survey_answer_set_text(x,
			    (const char *)sqlite3_column_text(st, 3));
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = -1;
	sqlite3_finalize(st);
	return ret;
}
