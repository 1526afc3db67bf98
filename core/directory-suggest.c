/* "Suggested for you": people whose skills offered meet the viewer's
 * skills wanted, with a language in common, ranked by how much they
 * meet, and each with the reasons as data; a viewer who wants no skill
 * is offered peers who share an interest instead. Only what the viewer
 * may see of them counts, so a suggestion never tells of a field kept
 * from the viewer.
 *
 * The candidates come from the viewer's own tags through the tag index
 * (dir_profile_tags_tag), never from a scan of every profile. The score:
 * 4 for each skill they teach that the viewer wants (or 2 for each
 * interest shared), 2 for a mentor with a place who teaches one, 2 for
 * the same eldership, 1 for each availability in common. Shared
 * interests of someone who teaches are given as reasons, not scored:
 * the skills wanted rank. */
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

/* The candidates (?1 the viewer, ?2 the viewer's kind of tag: wanted
 * skills, met by skills offered, or interests, met by interests): the
 * listed and not hidden with how many of them they meet and what their
 * score would be if the viewer saw every field. Columns: id, met, the
 * same eldership, the availability in common, mentors. */
static const char candidates_sql[] =
    "WITH me AS (SELECT eldership, avail FROM dir_profiles WHERE "
    "account_id = ?1), m AS (SELECT t.account_id AS id, count(*) AS met "
    "FROM dir_profile_tags v JOIN dir_profile_tags t ON t.tag_id = "
    "v.tag_id AND t.kind = CASE ?2 WHEN 1 THEN 0 ELSE 2 END WHERE "
    "v.account_id = ?1 AND v.kind = ?2 AND t.account_id != ?1 GROUP BY "
    "t.account_id) SELECT m.id, m.met, (p.eldership != '' AND p.eldership "
    "= me.eldership), p.avail & me.avail, p.mentors FROM m CROSS JOIN "
    "dir_profiles p ON p.account_id = m.id, me WHERE p.listed = 1 AND "
    "p.hidden = 0";

/* One candidate ?4 as the viewer may see them, with ?5 tags met of the
 * viewer's kind ?6: DIR_PERSON_COLS (0-6), then the tags met that count
 * (7), whether their interests are seen (8), the same eldership (9), the
 * availability in common (10); no row when they are not to be
 * suggested. */
static const char check_sql[] =
    "SELECT " DIR_PERSON_COLS ", CASE WHEN " DIR_VIS_SQL("CASE ?6 WHEN 1 "
    "THEN p.vis_offers ELSE p.vis_interests END") " THEN ?5 ELSE 0 END, "
    DIR_VIS_SQL("p.vis_interests") ", (" DIR_VIS_SQL("p.vis_eldership")
    " AND p.eldership != '' AND p.eldership = me.eldership), CASE WHEN "
    DIR_VIS_SQL("p.vis_avail") " THEN p.avail & me.avail ELSE 0 END FROM "
    "dir_profiles p JOIN accounts a ON a.id = p.account_id, (SELECT "
    "eldership, avail FROM dir_profiles WHERE account_id = ?1) me WHERE "
    "p.account_id = ?4 AND " DIR_LISTED_SQL " AND "
    DIR_VIS_SQL("p.vis_languages") " AND EXISTS (SELECT 1 FROM "
    "dir_languages l JOIN dir_languages mine ON mine.code = l.code AND "
    "mine.account_id = ?1 WHERE l.account_id = p.account_id) AND NOT "
    "(p.mentors = 1 AND " DIR_ACTIVE_SQL " >= p.max_mentees)";

static int
score(int teach, int share, bool mentors, bool eld, unsigned av)
{
	return 4 * teach + 2 * share + (teach > 0 && mentors ? 2 : 0) +
	    (eld ? 2 : 0) + __builtin_popcount(av & DIR_AV_ALL);
}

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

struct candidate {
	int64_t	 id;
	int	 met;
	int	 bound;		/* the score if every field were seen */
};

static int
bound_cmp(const void *x, const void *y)
{
	const struct candidate *a = x, *b = y;

	if (a->bound != b->bound)
		return b->bound - a->bound;
	return (a->id > b->id) - (a->id < b->id);
}

/* The candidates, the best bound first; *n of them. NULL and *n 0 when
 * none; *failed on error. */
static struct candidate *
candidates(struct db *db, const struct actor *viewer, bool teach, size_t *n,
    bool *failed)
{
	struct candidate *v = NULL;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*n = 0;
	if ((st = db_prepare(db, candidates_sql)) == NULL) {
		*failed = true;
		return NULL;
	}
	sqlite3_bind_int64(st, 1, viewer->account_id);
	sqlite3_bind_int(st, 2, teach ? DIR_WANTS : DIR_INTERESTS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct candidate *c;

		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		c = &v[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->met = sqlite3_column_int(st, 1);
		c->bound = score(teach ? c->met : 0, teach ? 0 : c->met,
		    sqlite3_column_int(st, 4), sqlite3_column_int(st, 2),
		    (unsigned)sqlite3_column_int(st, 3));
	}
	sqlite3_finalize(st);
	*failed = rc != SQLITE_DONE;
	if (*n > 1)
		qsort(v, *n, sizeof *v, bound_cmp);
	return v;
}

/* A suggestion checked, with what of it the viewer may see, for its
 * reasons once it is on the page. */
struct kept {
	struct dir_suggestion	 s;
	bool			 teach, share, eld;
	unsigned		 av;
};

/* Whether a ranks before b: the higher score, then the older account. */
static bool
before(const struct kept *a, const struct kept *b)
{
	return a->s.score > b->s.score || (a->s.score == b->s.score &&
	    a->s.person.account_id < b->s.person.account_id);
}

/* Puts x into the first k of v (n of them, in order); returns the new
 * count, at most k. */
static size_t
keep_best(struct kept *v, size_t n, size_t k, const struct kept *x)
{
	size_t i = n < k ? n : k - 1;

	if (n >= k && !before(x, &v[k - 1]))
		return n;
	while (i > 0 && before(x, &v[i - 1])) {
		v[i] = v[i - 1];
		i--;
	}
	v[i] = *x;
	return n < k ? n + 1 : k;
}

static int
reasons(struct db *db, const struct actor *viewer, struct kept *x,
    struct dir_suggestion *s)
{
	*s = x->s;
	if (tag_and_language_reasons(db, viewer->account_id, x->teach,
	    x->share, s) != 0)
		return -1;
	if (x->eld)
		add_reason(s, DIR_R_ELDERSHIP, 0, s->person.eldership);
	for (int b = 0; dir_availability[b].code != NULL; b++) {
		if (x->av & (1u << b))
			add_reason(s, DIR_R_AVAILABLE, 0,
			    dir_availability[b].code);
	}
	if (s->person.mentors && x->teach)
		add_reason(s, DIR_R_MENTORS, 0, NULL);
	return 0;
}

/* The candidates are taken best bound first and checked one by one
 * (listed to the viewer, a language shared, a place free, the fields the
 * viewer may see); once the page and one more are filled with scores
 * that no bound left can reach, the rest cannot enter it. */
int
directory_suggest(struct db *db, const struct actor *viewer, int offset,
    int limit, struct dir_suggestion_list *out)
{
	struct kept *best;
	struct candidate *c;
	sqlite3_stmt *st = NULL;
	size_t nc, nbest = 0, k, first;
	bool failed = false, teach;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if (viewer->guest || viewer->account_id == 0)
		return 0;
	/* No language, no one to meet: at least one must be shared. */
	if (db_scalar(db, "SELECT 1 FROM dir_languages WHERE account_id = ?1 "
	    "LIMIT 1", viewer->account_id, 0, 0) != 1)
		return 0;
	teach = db_scalar(db, "SELECT 1 FROM dir_profile_tags WHERE account_id "
	    "= ?1 AND kind = ?2 LIMIT 1", viewer->account_id, DIR_WANTS, 0) ==
	    1;
	c = candidates(db, viewer, teach, &nc, &failed);
	if (failed || (nc > 0 && (st = db_prepare(db, check_sql)) == NULL)) {
		free(c);
		return -1;
	}
	if (nc == 0)
		return 0;
	k = (size_t)offset + (size_t)limit + 1;
	best = xreallocarray(NULL, k, sizeof *best);
	for (size_t i = 0; i < nc && !failed; i++) {
		struct kept x;
		int rc;

		if (nbest == k && c[i].bound < best[k - 1].s.score)
			break;
		sqlite3_reset(st);
		dir_bind_viewer(st, viewer);
		sqlite3_bind_int64(st, 4, c[i].id);
		sqlite3_bind_int(st, 5, c[i].met);
		sqlite3_bind_int(st, 6, teach ? DIR_WANTS : DIR_INTERESTS);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			failed = rc != SQLITE_DONE;
			continue;
		}
		if (sqlite3_column_int(st, 7) == 0)
			continue;
		memset(&x, 0, sizeof x);
		dir_read_person(st, &x.s.person);
		x.teach = teach;
		x.share = sqlite3_column_int(st, 8) != 0;
		x.eld = sqlite3_column_int(st, 9) != 0;
		x.av = (unsigned)sqlite3_column_int(st, 10);
		x.s.score = score(teach ? c[i].met : 0, teach ? 0 : c[i].met,
		    x.s.person.mentors, x.eld, x.av);
		nbest = keep_best(best, nbest, k, &x);
	}
	sqlite3_finalize(st);
	free(c);
	first = (size_t)offset < nbest ? (size_t)offset : nbest;
	out->n = nbest - first < (size_t)limit ? nbest - first : (size_t)limit;
	out->more = first + out->n < nbest;
	if (!failed && out->n > 0)
		out->v = xreallocarray(NULL, out->n, sizeof *out->v);
	for (size_t i = 0; !failed && i < out->n; i++)
		failed = reasons(db, viewer, &best[first + i], &out->v[i]) != 0;
	free(best);
	if (failed) {
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
