/* Organisations: added by site admins, edited by them and by the
 * organisation's own admins, who also keep its list of members. */
#include "core/directory-internal.h"
#include "core/accounts.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

struct clean_org {
	char	*name, *description, *contact;
};

static void
clean_org_free(struct clean_org *c)
{
	free(c->name);
	free(c->description);
	free(c->contact);
}

static bool
kind_valid(const char *kind)
{
	for (int i = 0; kind != NULL && dir_org_kinds[i].code != NULL; i++) {
		if (strcmp(dir_org_kinds[i].code, kind) == 0)
			return true;
	}
	return false;
}

static struct core_error
check_org(const struct dir_org_input *in, struct clean_org *c)
{
	memset(c, 0, sizeof *c);
	if (!kind_valid(in->kind))
		return CORE_ERR("error.directory.org_kind", "kind");
	if ((c->name = dir_clean(in->name, false, DIR_ORG_NAME_MAX)) == NULL ||
	    c->name[strspn(c->name, " ")] == '\0')
		return CORE_ERR_ARG("error.directory.org_name", "name",
		    DIR_ORG_NAME_MAX);
	if ((c->description = dir_clean(in->description, true,
	    DIR_ORG_TEXT_MAX)) == NULL)
		return CORE_ERR_ARG("error.directory.org_text", "description",
		    DIR_ORG_TEXT_MAX);
	if ((c->contact = dir_clean(in->contact, true, DIR_ORG_TEXT_MAX)) ==
	    NULL)
		return CORE_ERR_ARG("error.directory.org_text", "contact",
		    DIR_ORG_TEXT_MAX);
	if (in->eldership != NULL && *in->eldership != '\0' &&
	    !dir_eldership_valid(in->eldership))
		return CORE_ERR("error.directory.eldership", "eldership");
	return CORE_OK;
}

static bool
site_admin(const struct actor *a)
{
	return !a->guest && a->role == ROLE_ADMIN;
}

/* A site admin, or an admin of the organisation. */
static bool
may_edit(struct db *db, const struct actor *a, int64_t org)
{
	return site_admin(a) || (!a->guest && a->account_id != 0 &&
	    db_scalar(db, "SELECT role FROM dir_org_members WHERE org_id = ?1 "
	    "AND account_id = ?2", org, a->account_id, 0) == DIR_ORG_ADMIN);
}

static void
bind_org(sqlite3_stmt *st, const struct dir_org_input *in,
    const struct clean_org *c)
{
	db_bind_text(st, 2, in->kind);
	db_bind_text(st, 3, c->name);
	db_bind_text(st, 4, c->description);
	db_bind_text(st, 5, in->eldership != NULL ? in->eldership : "");
	db_bind_text(st, 6, c->contact);
	sqlite3_bind_int64(st, 7, db_now());
}

/* Writes the organisation (id 0: a new one); the id, or 0 on error. */
static int64_t
write_org(struct db *db, int64_t id, const struct dir_org_input *in,
    const struct clean_org *c)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, id == 0 ? "INSERT INTO dir_orgs (kind, name, "
	    "description, eldership, contact, created) SELECT ?2, ?3, ?4, ?5, "
	    "?6, ?7" : "UPDATE dir_orgs SET kind = ?2, name = ?3, "
	    "description = ?4, eldership = ?5, contact = ?6 WHERE id = ?1")) ==
	    NULL)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	bind_org(st, in, c);
	if (db_step_done(st) != SQLITE_DONE)
		return 0;
	return id != 0 ? id : sqlite3_last_insert_rowid(db->h);
}

struct core_error
directory_org_add(struct db *db, const struct actor *a,
    const struct dir_org_input *in, int64_t *id_out)
{
	struct clean_org c;
	struct core_error e;
	const char *err;
	int64_t id;

	if (!site_admin(a))
		return CORE_ERR("error.directory.not_allowed", NULL);
	if (core_failed(e = check_org(in, &c))) {
		clean_org_free(&c);
		return e;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) == NULL) {
		if ((id = write_org(db, 0, in, &c)) == 0)
			err = "error.internal";
		else
			err = db_audit(db, a, "org", id, "org_add", c.name);
		if ((err = db_tx_end(db, err)) == NULL && id_out != NULL)
			*id_out = id;
	}
	clean_org_free(&c);
	return CORE_ERR(err, NULL);
}

struct core_error
directory_org_edit(struct db *db, const struct actor *a, int64_t id,
    const struct dir_org_input *in)
{
	struct clean_org c;
	struct core_error e;
	const char *err;

	if (db_scalar(db, "SELECT 1 FROM dir_orgs WHERE id = ?1", id, 0, 0) != 1)
		return CORE_ERR("error.directory.not_found", NULL);
	if (!may_edit(db, a, id))
		return CORE_ERR("error.directory.not_allowed", NULL);
	if (core_failed(e = check_org(in, &c))) {
		clean_org_free(&c);
		return e;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) == NULL) {
		if (write_org(db, id, in, &c) == 0)
			err = "error.internal";
		else
			err = db_audit(db, a, "org", id, "org_edit", NULL);
		err = db_tx_end(db, err);
	}
	clean_org_free(&c);
	return CORE_ERR(err, NULL);
}

/* A change of membership: sql with ?1 org, ?2 account, ?3 role. */
static struct core_error
member_write(struct db *db, const struct actor *a, int64_t org,
    int64_t account_id, int role, const char *sql, const char *action)
{
	struct account acct;
	const char *err;

	if (db_scalar(db, "SELECT 1 FROM dir_orgs WHERE id = ?1", org, 0, 0) !=
	    1 || account_by_id(db, account_id, &acct) != 0)
		return CORE_ERR("error.directory.not_found", NULL);
	if (!may_edit(db, a, org))
		return CORE_ERR("error.directory.not_allowed", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_exec_ints(db, sql, org, account_id, role) != 0)
		err = "error.internal";
	else if (sqlite3_changes(db->h) > 0)
		err = db_audit(db, a, "account", account_id, action, NULL);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

struct core_error
directory_org_member_set(struct db *db, const struct actor *a, int64_t org,
    int64_t account_id, enum dir_org_role role)
{
	if (role != DIR_ORG_MEMBER && role != DIR_ORG_ADMIN)
		return CORE_ERR("error.directory.not_allowed", NULL);
	return member_write(db, a, org, account_id, (int)role, "INSERT INTO "
	    "dir_org_members (org_id, account_id, role) VALUES (?1, ?2, ?3) ON "
	    "CONFLICT (org_id, account_id) DO UPDATE SET role = ?3 WHERE role "
	    "!= ?3", role == DIR_ORG_ADMIN ? "org_admin" : "org_member");
}

struct core_error
directory_org_member_remove(struct db *db, const struct actor *a,
    int64_t org, int64_t account_id)
{
	return member_write(db, a, org, account_id, 0, "DELETE FROM "
	    "dir_org_members WHERE org_id = ?1 AND account_id = ?2",
	    "org_remove");
}

#define ORG_COLS \
	"o.id, o.kind, o.name, o.description, o.eldership, o.contact, " \
	"(SELECT count(*) FROM dir_org_members m WHERE m.org_id = o.id), " \
	"o.created"

static void
read_org(struct db *db, const struct actor *viewer, sqlite3_stmt *st,
    struct dir_org *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, o->kind, sizeof o->kind);
	db_column_copy(st, 2, o->name, sizeof o->name);
	db_column_copy(st, 3, o->description, sizeof o->description);
	db_column_copy(st, 4, o->eldership, sizeof o->eldership);
	db_column_copy(st, 5, o->contact, sizeof o->contact);
	o->members = sqlite3_column_int(st, 6);
	o->created = sqlite3_column_int64(st, 7);
	o->viewer_admin = may_edit(db, viewer, o->id);
}

int
directory_org_get(struct db *db, const struct actor *viewer, int64_t id,
    struct dir_org *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT " ORG_COLS " FROM dir_orgs o WHERE "
	    "o.id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_org(db, viewer, st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int
org_cmp(const void *x, const void *y)
{
	const struct dir_org *a = x, *b = y;
	int c = i18n_collate(a->name, b->name);

	return c != 0 ? c : (a->id > b->id) - (a->id < b->id);
}

int
directory_orgs(struct db *db, const struct actor *viewer, const char *query,
    const char *kind, const char *eldership, int offset, int limit,
    struct dir_org_list *out)
{
	sqlite3_stmt *st;
	struct dir_org *all = NULL;
	size_t n = 0, cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if ((st = db_prepare(db, "SELECT " ORG_COLS " FROM dir_orgs o WHERE "
	    "(?1 IS NULL OR o.kind = ?1) AND (?2 IS NULL OR o.eldership = ?2)"))
	    == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, eldership);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, cap, sizeof *all);
		}
		read_org(db, viewer, st, &all[n]);
		if (query != NULL && *query != '\0' &&
		    !i18n_contains(all[n].name, query) &&
		    !i18n_contains(all[n].description, query))
			continue;
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(all);
		return -1;
	}
	if (n > 1)
		qsort(all, n, sizeof *all, org_cmp);
	dir_page(all, n, sizeof *all, offset, limit, (void **)&out->v,
	    &out->n, &out->more);
	return 0;
}

void
dir_org_list_free(struct dir_org_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int
member_cmp(const void *x, const void *y)
{
	const struct dir_org_member *a = x, *b = y;
	int c;

	if (a->role != b->role)
		return a->role == DIR_ORG_ADMIN ? -1 : 1;
	c = i18n_collate(a->display, b->display);
	return c != 0 ? c : (a->account_id > b->account_id) -
	    (a->account_id < b->account_id);
}

int
directory_org_members(struct db *db, const struct actor *viewer, int64_t org,
    int offset, int limit, struct dir_org_member_list *out)
{
	sqlite3_stmt *st;
	struct dir_org_member *all = NULL;
	size_t n = 0, cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if (viewer->guest)
		return 0;
	if ((st = db_prepare(db, "SELECT a.id, a.display, a.name, m.role FROM "
	    "dir_org_members m JOIN accounts a ON a.id = m.account_id WHERE "
	    "m.org_id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dir_org_member *m;

		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			all = xreallocarray(all, cap, sizeof *all);
		}
		m = &all[n++];
		memset(m, 0, sizeof *m);
		m->account_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, m->display, sizeof m->display);
		db_column_copy(st, 2, m->name, sizeof m->name);
		m->role = sqlite3_column_int(st, 3) == DIR_ORG_ADMIN ?
		    DIR_ORG_ADMIN : DIR_ORG_MEMBER;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(all);
		return -1;
	}
	if (n > 1)
		qsort(all, n, sizeof *all, member_cmp);
	dir_page(all, n, sizeof *all, offset, limit, (void **)&out->v,
	    &out->n, &out->more);
	return 0;
}

void
dir_org_member_list_free(struct dir_org_member_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
