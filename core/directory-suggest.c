/* "Suggested for you": people whose skills offered meet the viewer's
 * skills wanted (or who share an interest), with a language in common,
 * ranked by how much they meet, and each with the reasons as data. Only
 * what the viewer may see of them counts, so a suggestion never tells
 * of a field kept from the viewer.
 *
 * The candidates come from the viewer's own tags through the tag index
 * (dir_profile_tags_tag), never from a scan of every profile. The score:
 * 4 for each skill they teach that the viewer wants, 2 for each shared
 * interest, 2 for a mentor with a place who teaches one, 2 for the same
 * eldership, 1 for each availability in common. */
#include "core/directory-internal.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A tag of the viewer's (?1) and the same tag on a candidate: wanted
 * against offered, interest against interest. */
#define MATCH_JOIN \
	"dir_profile_tags v JOIN dir_profile_tags t ON t.tag_id = v.tag_id " \
	"AND t.kind = CASE v.kind WHEN 1 THEN 0 ELSE 2 END"

#define POPCOUNT(x) \
	"(((" x ") & 1) + (((" x ") >> 1) & 1) + (((" x ") >> 2) & 1) + " \
	"(((" x ") >> 3) & 1) + (((" x ") >> 4) & 1))"

/* ?4 offset, ?5 limit. Columns: DIR_PERSON_COLS (0-6), then teaches (7),
 * interests (8), the same eldership (9), the availability in common
 * (10), the score (11). */
static const char suggest_sql[] =
    "WITH me AS (SELECT eldership, avail FROM dir_profiles WHERE "
    "account_id = ?1), m AS (SELECT t.account_id AS id, sum(t.kind = 0) AS "
    "teach, sum(t.kind = 2) AS share FROM " MATCH_JOIN " WHERE "
    "v.account_id = ?1 AND v.kind IN (1, 2) AND t.account_id != ?1 GROUP "
    "BY t.account_id), c AS (SELECT p.account_id AS id, CASE WHEN "
    DIR_VIS_SQL("p.vis_offers") " THEN m.teach ELSE 0 END AS teach, CASE "
    "WHEN " DIR_VIS_SQL("p.vis_interests") " THEN m.share ELSE 0 END AS "
    "share, (" DIR_VIS_SQL("p.vis_eldership") " AND p.eldership != '' AND "
    "p.eldership = me.eldership) AS eld, CASE WHEN "
    DIR_VIS_SQL("p.vis_avail") " THEN p.avail & me.avail ELSE 0 END AS av "
    "FROM m CROSS JOIN dir_profiles p ON p.account_id = m.id JOIN accounts "
    "a ON a.id = p.account_id, me WHERE " DIR_LISTED_SQL " AND "
    DIR_VIS_SQL("p.vis_languages") " AND EXISTS (SELECT 1 FROM "
    "dir_languages l JOIN dir_languages mine ON mine.code = l.code AND "
    "mine.account_id = ?1 WHERE l.account_id = p.account_id) AND NOT "
    "(p.mentors = 1 AND " DIR_ACTIVE_SQL " >= p.max_mentees)) "
    "SELECT " DIR_PERSON_COLS ", c.teach, c.share, c.eld, c.av, 4 * c.teach "
    "+ 2 * c.share + 2 * (c.teach > 0 AND p.mentors = 1) + 2 * c.eld + "
    POPCOUNT("c.av") " AS score FROM c CROSS JOIN dir_profiles p ON "
    "p.account_id = c.id JOIN accounts a ON a.id = p.account_id WHERE "
    "c.teach + c.share > 0 ORDER BY score DESC, p.account_id LIMIT ?5 "
    "OFFSET ?4";

static void
add_reason(struct dir_suggestion *s, enum dir_reason_kind kind,
    int64_t tag_id, const char *code)
{
	struct dir_reason *r;

	if (s->nreasons >= DIR_REASONS_MAX)
		return;
	r = &s->reasons[s->nreasons++];
	r->kind = kind;
	r->tag_id = tag_id;
	snprintf(r->code, sizeof r->code, "%s", code != NULL ? code : "");
}

/* The tags and languages behind a suggestion; teach and share say
 * whether the viewer may see those fields at all. */
static int
tag_and_language_reasons(struct db *db, int64_t viewer, bool teach,
    bool share, struct dir_suggestion *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT t.kind, g.id, g.display FROM "
	    MATCH_JOIN " JOIN dir_tags g ON g.id = t.tag_id WHERE v.account_id "
	    "= ?1 AND v.kind IN (1, 2) AND t.account_id = ?2 ORDER BY t.kind, "
	    "g.folded")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, viewer);
	sqlite3_bind_int64(st, 2, s->person.account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bool offered = sqlite3_column_int(st, 0) == DIR_OFFERS;

		if (offered ? teach : share)
			add_reason(s, offered ? DIR_R_TEACHES : DIR_R_INTEREST,
			    sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* Theirs first by how well they speak it. */
	if ((st = db_prepare(db, "SELECT l.code FROM dir_languages l JOIN "
	    "dir_languages mine ON mine.code = l.code AND mine.account_id = ?1 "
	    "WHERE l.account_id = ?2 ORDER BY l.level DESC, l.code")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, viewer);
	sqlite3_bind_int64(st, 2, s->person.account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_reason(s, DIR_R_SPEAKS, 0,
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
directory_suggest(struct db *db, const struct actor *viewer, int offset,
    int limit, struct dir_suggestion_list *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if (viewer->guest || viewer->account_id == 0)
		return 0;
	if ((st = db_prepare(db, suggest_sql)) == NULL)
		return -1;
	dir_bind_viewer(st, viewer);
	sqlite3_bind_int(st, 4, offset);
	sqlite3_bind_int(st, 5, limit + 1);
	while ((rc = db_page_step(st, out->n, limit, &out->more)) ==
	    SQLITE_ROW) {
		struct dir_suggestion *s;
		unsigned av;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		s = &out->v[out->n++];
		memset(s, 0, sizeof *s);
		dir_read_person(st, &s->person);
		s->score = sqlite3_column_int(st, 11);
		if (tag_and_language_reasons(db, viewer->account_id,
		    sqlite3_column_int(st, 7) > 0, sqlite3_column_int(st, 8) > 0,
		    s) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
		if (sqlite3_column_int(st, 9) != 0)
			add_reason(s, DIR_R_ELDERSHIP, 0, s->person.eldership);
		av = (unsigned)sqlite3_column_int(st, 10);
		for (int b = 0; dir_availability[b].code != NULL; b++) {
			if (av & (1u << b))
				add_reason(s, DIR_R_AVAILABLE, 0,
				    dir_availability[b].code);
		}
		if (s->person.mentors && sqlite3_column_int(st, 7) > 0)
			add_reason(s, DIR_R_MENTORS, 0, NULL);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		dir_suggestion_list_free(out);
		return -1;
	}
	return 0;
}

void
dir_suggestion_list_free(struct dir_suggestion_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
