/* Finding people: the listed profiles that match the filters on fields
 * the viewer may see, searched by name or bio without case or accents,
 * sorted by name in the reader's collation and cut to a page. The most
 * selective filter given drives the query from its index (a tag, else a
 * language); the collation is ICU's, so the order is made here, after
 * SQLite has narrowed the rows, keeping only the first of them up to the
 * end of the page. */
#include "core/directory-internal.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

#define TAG_VIS \
	"CASE ?5 WHEN 0 THEN p.vis_offers WHEN 1 THEN p.vis_wants ELSE " \
	"p.vis_interests END"

/* ?4 tag (0: any) of kind ?5, ?6 language, ?7 eldership, ?8
 * availability bits, ?9 mentors with a place only, ?10 a member of this
 * organisation (0: any; members are not shown to guests). */
#define FIND_WHERE \
	DIR_LISTED_SQL "AND (?4 = 0 OR (" DIR_VIS_SQL(TAG_VIS) " AND EXISTS " \
	"(SELECT 1 FROM dir_profile_tags t WHERE t.tag_id = ?4 AND t.kind = " \
	"?5 AND t.account_id = p.account_id))) AND (?6 IS NULL OR (" \
	DIR_VIS_SQL("p.vis_languages") " AND EXISTS (SELECT 1 FROM " \
	"dir_languages l WHERE l.code = ?6 AND l.account_id = " \
	"p.account_id))) AND (?7 IS NULL OR (" DIR_VIS_SQL("p.vis_eldership") \
	" AND p.eldership = ?7)) AND (?8 = 0 OR (" DIR_VIS_SQL("p.vis_avail") \
	" AND (p.avail & ?8) = ?8)) AND (NOT ?9 OR (p.mentors = 1 AND " \
	DIR_ACTIVE_SQL " < p.max_mentees)) AND (?10 = 0 OR (?3 >= 1 AND " \
	"EXISTS (SELECT 1 FROM dir_org_members om WHERE om.org_id = ?10 AND " \
	"om.account_id = p.account_id)))"

static const char find_all[] = "SELECT " DIR_PERSON_COLS "FROM dir_profiles "
    "p JOIN accounts a ON a.id = p.account_id WHERE " FIND_WHERE;
static const char find_by_tag[] = "SELECT " DIR_PERSON_COLS "FROM "
    "dir_profile_tags d CROSS JOIN dir_profiles p ON p.account_id = "
    "d.account_id JOIN accounts a ON a.id = p.account_id WHERE d.tag_id = "
    "?4 AND d.kind = ?5 AND " FIND_WHERE;
static const char find_by_lang[] = "SELECT " DIR_PERSON_COLS "FROM "
    "dir_languages d CROSS JOIN dir_profiles p ON p.account_id = "
    "d.account_id JOIN accounts a ON a.id = p.account_id WHERE d.code = ?6 "
    "AND " FIND_WHERE;

/* Whether text holds the folded query q, case and accents aside. */
static bool
folded_has(const char *text, const char *q)
{
	char *t = i18n_fold(text);
	bool found = strstr(t, q) != NULL;

	free(t);
	return found;
}

int
directory_find(struct db *db, const struct actor *viewer,
    const struct dir_filter *f, int offset, int limit,
    struct dir_person_list *out)
{
	static const struct dir_filter none;
	struct dir_first first = { NULL, 0, 0, 0 };
	sqlite3_stmt *st;
	char *q;
	char bio[DIR_BIO_MAX * 4 + 1];
	int rc;

	memset(out, 0, sizeof *out);
	if (f == NULL)
		f = &none;
	if (offset < 0 || limit <= 0 || f->tag_kind < DIR_OFFERS ||
	    f->tag_kind >= DIR_NKINDS)
		return -1;
	/* One past the page, to tell whether more follow. */
	first.k = (size_t)offset + (size_t)limit + 1;
	if ((st = db_prepare(db, f->tag_id != 0 ? find_by_tag : f->lang != NULL
	    ? find_by_lang : find_all)) == NULL)
		return -1;
	/* Folded once, not once a row as i18n_contains would. */
	q = f->query != NULL && *f->query != '\0' ? i18n_fold(f->query) : NULL;
	dir_bind_viewer(st, viewer);
	sqlite3_bind_int64(st, 4, f->tag_id);
	sqlite3_bind_int(st, 5, (int)f->tag_kind);
	db_bind_text(st, 6, f->lang);
	db_bind_text(st, 7, f->eldership);
	sqlite3_bind_int(st, 8, (int)(f->avail & DIR_AV_ALL));
	sqlite3_bind_int(st, 9, f->mentors_only);
	sqlite3_bind_int64(st, 10, f->org_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dir_person p;

		dir_read_person(st, &p);
		if (q != NULL && !folded_has(p.display, q)) {
			db_column_copy(st, 6, bio, sizeof bio);
			if (!folded_has(bio, q))
				continue;
		}
		dir_first_add(&first, &p);
	}
	sqlite3_finalize(st);
	free(q);
	if (rc != SQLITE_DONE) {
		free(first.v);
		return -1;
	}
	dir_page(first.v, first.n, sizeof *first.v, offset, limit,
	    (void **)&out->v, &out->n, &out->more);
	return 0;
}

void
dir_person_list_free(struct dir_person_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
