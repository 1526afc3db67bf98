/* The one vocabulary of tags: a tag is its folded spelling (NFKC case
 * folding, as the calendar's tags: "Python", "python" and "PYTHON" are
 * one, while "šaka" and "saka" stay two words), shown as first written.
 * Moderators merge near-duplicates ("pythonas" into "Python"). */
#include "core/directory-internal.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

static int64_t
find_folded(struct db *db, const char *folded)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if ((st = db_prepare(db, "SELECT id FROM dir_tags WHERE folded = ?1"))
	    == NULL)
		return 0;
	db_bind_text(st, 1, folded);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

int64_t
dir_tag_find(struct db *db, const char *spelling)
{
	char *f;
	int64_t id;

	if (spelling == NULL)
		return 0;
	f = i18n_nfkc_casefold(spelling);
	id = find_folded(db, f);
	free(f);
	return id;
}

int64_t
dir_tag_intern(struct db *db, const char *spelling)
{
	sqlite3_stmt *st;
	char *f = i18n_nfkc_casefold(spelling);
	int64_t id = find_folded(db, f);

	if (id == 0 && (st = db_prepare(db, "INSERT INTO dir_tags (folded, "
	    "display, created) VALUES (?1, ?2, ?3)")) != NULL) {
		db_bind_text(st, 1, f);
		db_bind_text(st, 2, spelling);
		sqlite3_bind_int64(st, 3, db_now());
		if (db_step_done(st) == SQLITE_DONE)
			id = sqlite3_last_insert_rowid(db->h);
	}
	free(f);
	return id;
}

static int
tag_cmp(const void *x, const void *y)
{
	const struct dir_tag *a = x, *b = y;
	int c = i18n_collate(a->display, b->display);

	return c != 0 ? c : (a->id > b->id) - (a->id < b->id);
}

int
dir_tag_list(struct db *db, const char *query, int offset, int limit,
    struct dir_tag_list *out)
{
	sqlite3_stmt *st;
	struct dir_tag *all = NULL;
	size_t n = 0, cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if ((st = db_prepare(db, "SELECT g.id, g.display, (SELECT count(*) "
	    "FROM dir_profile_tags t WHERE t.tag_id = g.id) FROM dir_tags g"))
	    == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dir_tag t;

		memset(&t, 0, sizeof t);
		t.id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, t.display, sizeof t.display);
		t.uses = sqlite3_column_int(st, 2);
		if (query != NULL && *query != '\0' &&
		    !i18n_contains(t.display, query))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			all = xreallocarray(all, cap, sizeof *all);
		}
		all[n++] = t;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(all);
		return -1;
	}
	if (n > 1)
		qsort(all, n, sizeof *all, tag_cmp);
	dir_page(all, n, sizeof *all, offset, limit, (void **)&out->v,
	    &out->n, &out->more);
	return 0;
}

void
dir_tag_list_free(struct dir_tag_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Moves the uses of tag from to tag to and drops from. */
static const char *
move_uses(struct db *db, int64_t from, int64_t to)
{
	if (db_exec_ints(db, "UPDATE OR IGNORE dir_profile_tags SET tag_id = "
	    "?2 WHERE tag_id = ?1", from, to, 0) != 0 ||
	    /* What is left was a use the profile had under both. */
	    db_exec_ints(db, "DELETE FROM dir_profile_tags WHERE tag_id = ?1",
	    from, 0, 0) != 0 ||
	    db_exec_ints(db, "DELETE FROM dir_tags WHERE id = ?1", from, 0, 0)
	    != 0)
		return "error.internal";
	return NULL;
}

struct core_error
directory_tag_merge(struct db *db, const struct actor *a,
    const char *old_spelling, const char *new_spelling)
{
	char *clean, *detail, *f;
	int64_t from, to;
	const char *err;
	sqlite3_stmt *st;

	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.directory.not_allowed", NULL);
	if ((from = dir_tag_find(db, old_spelling)) == 0)
		return CORE_ERR("error.directory.not_found", NULL);
	if ((clean = dir_clean(new_spelling, false, DIR_TAG_MAX)) == NULL ||
	    clean[strspn(clean, " ")] == '\0') {
		free(clean);
		return CORE_ERR_ARG("error.directory.tag", "tag", DIR_TAG_MAX);
	}
	detail = xstrdup(old_spelling);
	if ((err = db_tx_begin(db, clean, detail)) != NULL)
		return CORE_ERR(err, NULL);
	f = i18n_nfkc_casefold(clean);
	to = find_folded(db, f);
	if (to == from || to == 0) {
		/* The same tag, or a new name: the tag is renamed. */
		if ((st = db_prepare(db, "UPDATE dir_tags SET folded = ?2, "
		    "display = ?3 WHERE id = ?1")) == NULL)
			err = "error.internal";
		else {
			sqlite3_bind_int64(st, 1, from);
			db_bind_text(st, 2, f);
			db_bind_text(st, 3, clean);
			if (db_step_done(st) != SQLITE_DONE)
				err = "error.internal";
		}
		to = from;
	} else
		err = move_uses(db, from, to);
	if (err == NULL)
		err = db_audit(db, a, "tag", to, "tag_merge", detail);
	free(f);
	free(clean);
	free(detail);
	return CORE_ERR(db_tx_end(db, err), NULL);
}
