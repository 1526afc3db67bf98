/* The directory's shared pieces: its code tables, cleaning text, who may
 * write, binding the viewer, reading people and keeping the first. */
#include "core/directory-internal.h"
#include "core/calendar.h"
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const struct dir_code dir_levels[] = {
	{ "basic",	"directory.level.basic" },
	{ "good",	"directory.level.good" },
	{ "fluent",	"directory.level.fluent" },
	{ "native",	"directory.level.native" },
	{ NULL, NULL },
};

const struct dir_code dir_visibilities[] = {
	{ "everyone",	"directory.vis.everyone" },
	{ "members",	"directory.vis.members" },
	{ "mentorship",	"directory.vis.mentorship" },
	{ NULL, NULL },
};

const struct dir_code dir_availability[] = {
	{ "weekdays",	"directory.avail.weekdays" },
	{ "evenings",	"directory.avail.evenings" },
	{ "weekends",	"directory.avail.weekends" },
	{ "online",	"directory.avail.online" },
	{ "in_person",	"directory.avail.in_person" },
	{ NULL, NULL },
};

const struct dir_code dir_org_kinds[] = {
	{ "school",	"directory.org_kind.school" },
	{ "university",	"directory.org_kind.university" },
	{ "library",	"directory.org_kind.library" },
	{ "ngo",	"directory.org_kind.ngo" },
	{ "municipal",	"directory.org_kind.municipal" },
	{ NULL, NULL },
};

const char dir_outside_key[] = "directory.eldership.outside";

bool
dir_eldership_valid(const char *code)
{
	return code != NULL && (strcmp(code, DIR_OUTSIDE) == 0 ||
	    cal_eldership_find(code) >= 0);
}

char *
dir_clean(const char *s, bool body, size_t max)
{
	char *c;

	if (s == NULL)
		s = "";
	/* Refuse a huge paste before sanitising it. */
	if (strlen(s) > max * 4 * 2)
		return NULL;
	c = sanitize(s, strlen(s), body ? SANITIZE_BODY : SANITIZE_LINE, 0, 0);
	if (utf8_count(c) > max) {
		free(c);
		return NULL;
	}
	return c;
}

const char *
dir_member_check(struct db *db, const struct actor *a)
{
	if (a->guest || a->account_id == 0)
		return "error.directory.guest";
	if (db_scalar(db, "SELECT suspended_until > ?2 FROM accounts WHERE "
	    "id = ?1", a->account_id, db_now(), 0) == 1)
		return "error.directory.suspended";
	return NULL;
}

void
dir_bind_viewer(sqlite3_stmt *st, const struct actor *viewer)
{
	bool guest = viewer->guest || viewer->account_id == 0;

	sqlite3_bind_int64(st, 1, guest ? 0 : viewer->account_id);
	sqlite3_bind_int64(st, 2, db_now());
	sqlite3_bind_int(st, 3, guest ? DIR_VIS_EVERYONE : DIR_VIS_MEMBERS);
}

void
dir_read_person(sqlite3_stmt *st, struct dir_person *p)
{
	memset(p, 0, sizeof *p);
	p->account_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, p->display, sizeof p->display);
	db_column_copy(st, 2, p->eldership, sizeof p->eldership);
	p->mentors = sqlite3_column_int(st, 3) != 0;
	p->max_mentees = sqlite3_column_int(st, 4);
	p->active_mentees = sqlite3_column_int(st, 5);
}

static int
person_cmp(const struct dir_person *a, const struct dir_person *b)
{
	int c = i18n_collate(a->display, b->display);

	if (c != 0)
		return c;
	return (a->account_id > b->account_id) - (a->account_id < b->account_id);
}

void
dir_first_add(struct dir_first *f, const struct dir_person *p)
{
	size_t lo = 0, hi = f->n;

	assert(f->k > 0);
	if (f->n == f->k && person_cmp(p, &f->v[f->n - 1]) >= 0)
		return;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (person_cmp(p, &f->v[mid]) < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (f->n == f->k)
		f->n--;		/* the last falls out */
	else if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 32;
		if (f->cap > f->k)
			f->cap = f->k;
		f->v = xreallocarray(f->v, f->cap, sizeof *f->v);
	}
	memmove(&f->v[lo + 1], &f->v[lo], (f->n - lo) * sizeof *f->v);
	f->v[lo] = *p;
	f->n++;
}

void
dir_page(void *all, size_t n, size_t size, int offset, int limit, void **v,
    size_t *nout, bool *more)
{
	size_t first = (size_t)offset < n ? (size_t)offset : n;

	assert(offset >= 0 && limit > 0);
	*nout = n - first < (size_t)limit ? n - first : (size_t)limit;
	*more = first + *nout < n;
	*v = NULL;
	if (*nout > 0) {
		*v = xreallocarray(NULL, *nout, size);
		memcpy(*v, (char *)all + first * size, *nout * size);
	}
	free(all);
}
