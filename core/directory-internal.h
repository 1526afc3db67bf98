/* What the directory's files share (core/directory-*.c): the SQL that
 * says who is listed to whom and which fields a viewer may see, so that
 * lists, suggestions and one profile never disagree. */
#ifndef TINKLAS_DIRECTORY_INTERNAL_H
#define TINKLAS_DIRECTORY_INTERNAL_H

#include <stdio.h>

#include "core/db-internal.h"
#include "core/directory.h"
#include "core/inbox.h"

/* In every query of the directory, ?1 is the viewer's account (0 for a
 * guest), ?2 now, ?3 the viewer's level: 0 a guest, 1 a member. p is
 * dir_profiles, a the person's accounts row. */

/* No block between the viewer and p's person, either way. */
#define DIR_UNBLOCKED_SQL \
	"NOT EXISTS (SELECT 1 FROM person_blocks b WHERE b.blocker_id = " \
	"p.account_id AND b.blocked_id = ?1) AND NOT EXISTS (SELECT 1 FROM " \
	"person_blocks b WHERE b.blocker_id = ?1 AND b.blocked_id = " \
	"p.account_id) "
/* Listed to the viewer: listed, not hidden, not suspended, no block. */
#define DIR_LISTED_SQL \
	"p.listed = 1 AND p.hidden = 0 AND a.suspended_until <= ?2 AND " \
	DIR_UNBLOCKED_SQL

/* An active mentorship between the viewer and p's person. */
#define DIR_MENTORSHIP_SQL \
	"EXISTS (SELECT 1 FROM dir_mentorships ms WHERE ms.state = 1 AND " \
	"((ms.mentor_id = p.account_id AND ms.mentee_id = ?1) OR " \
	"(ms.mentee_id = p.account_id AND ms.mentor_id = ?1)))"

/* The viewer may see the field whose visibility is the expression v. */
#define DIR_VIS_SQL(v) \
	"(p.account_id = ?1 OR (" v ") <= ?3 OR ((" v ") = 2 AND " \
	DIR_MENTORSHIP_SQL "))"

/* Active mentees of p's person. */
#define DIR_ACTIVE_SQL \
	"(SELECT count(*) FROM dir_mentorships mm WHERE mm.mentor_id = " \
	"p.account_id AND mm.state = 1)"

/* The columns of a struct dir_person, then the bio when visible. */
#define DIR_PERSON_COLS \
	"p.account_id, a.display, CASE WHEN " DIR_VIS_SQL("p.vis_eldership") \
	" THEN p.eldership ELSE '' END, p.mentors, p.max_mentees, " \
	DIR_ACTIVE_SQL ", CASE WHEN " DIR_VIS_SQL("p.vis_bio") " THEN p.bio " \
	"ELSE '' END "

/* Binds ?1 to ?3 for viewer. */
void dir_bind_viewer(sqlite3_stmt *st, const struct actor *viewer);
/* Reads DIR_PERSON_COLS from column 0. */
void dir_read_person(sqlite3_stmt *st, struct dir_person *p);
/* The first k people in the order of their names in the current
 * collation (then id), kept while the rows stream by: a page of a
 * hundred thousand names costs a comparison each, not a sort of all. */
struct dir_first {
	struct dir_person	*v;
	size_t			 n, cap, k;
};
void dir_first_add(struct dir_first *f, const struct dir_person *p);

/* Moves the page [offset, offset + limit) of the n sorted items (size
 * bytes each) at all to a new array *v of *nout items, sets *more when
 * items follow, and frees all. */
void dir_page(void *all, size_t n, size_t size, int offset, int limit,
    void **v, size_t *nout, bool *more);

/* The tag of spelling, made when new (inside the caller's transaction);
 * 0 on error. spelling is clean (sanitised, within the limit). */
int64_t dir_tag_intern(struct db *db, const char *spelling);

/* A sanitised copy of s of at most max code points (one line or a body),
 * or NULL when longer. */
char *dir_clean(const char *s, bool body, size_t max);
/* NULL when the actor may write as a member now, else the key. */
const char *dir_member_check(struct db *db, const struct actor *a);

/* The demo content (core/directory-demo.c), for domain_directory. */
int directory_demo_fill(struct db *db, FILE *out);

/* The inbox kinds of core/directory-mentor.c, for domain_directory. */
extern const struct inbox_kind directory_inbox_kinds[];

#endif
