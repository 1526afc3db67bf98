/* The moderation queue (core/queue.h): items any domain adds in its own
 * transaction, the page of subjects a moderator decides, and the one
 * function that decides them. The table is the queue domain's
 * (core/domain-queue.c); what a kind's subject is and what its actions do
 * belong to the kind's domain. */
#include "core/queue.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/sanitize.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const struct queue_kind *
queue_kind_find(const char *kind)
{
	const struct queue_kind *k;
	int i;

	for (i = 0; i < ndomains; i++)
		for (k = domains[i]->queue_kinds; k != NULL && k->kind != NULL;
		    k++)
			if (strcmp(k->kind, kind) == 0)
				return k;
	return NULL;
}

const struct queue_action *
queue_action_find(const struct queue_kind *k, const char *name)
{
	const struct queue_action *a;

	for (a = k->actions; a->name != NULL; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

int
queue_add(struct db *db, const char *kind, int64_t subject_id,
    int64_t reporter_id, const char *reason)
{
	sqlite3_stmt *st;
	int rc;

	assert(queue_kind_find(kind) != NULL);
	st = db_prepare(db, "INSERT INTO queue (kind, subject_id, reporter_id, "
	    "reason, at) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, subject_id);
	sqlite3_bind_int64(st, 3, reporter_id);
	db_bind_text(st, 4, reason);
	sqlite3_bind_int64(st, 5, db_now());
	rc = db_step_done(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return 1;
	return rc == SQLITE_DONE ? 0 : -1;
}

int
queue_reopen(struct db *db, const char *kind, int64_t subject_id,
    int64_t reporter_id, const char *reason)
{
	sqlite3_stmt *st;

	assert(queue_kind_find(kind) != NULL);
	st = db_prepare(db, "UPDATE queue SET state = 0, reason = ?4, at = ?5, "
	    "resolved_at = 0, resolved_by = 0, resolution = '' "
	    "WHERE kind = ?1 AND subject_id = ?2 AND reporter_id = ?3");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, subject_id);
	sqlite3_bind_int64(st, 3, reporter_id);
	db_bind_text(st, 4, reason);
	sqlite3_bind_int64(st, 5, db_now());
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

int64_t
queue_open_items(struct db *db, const char *kind, int64_t subject_id)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	st = db_prepare(db, "SELECT count(*) FROM queue WHERE kind = ?1 "
	    "AND subject_id = ?2 AND state = 0");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, subject_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
queue_close(struct db *db, const struct actor *v, const char *kind,
    int64_t subject_id, const struct queue_action *a)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "UPDATE queue SET state = ?3, resolved_at = ?4, "
	    "resolved_by = ?5, resolution = ?6 WHERE kind = ?1 "
	    "AND subject_id = ?2 AND state = 0");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, subject_id);
	sqlite3_bind_int(st, 3, a->dismisses ? QUEUE_DISMISSED :
	    QUEUE_RESOLVED);
	sqlite3_bind_int64(st, 4, db_now());
	sqlite3_bind_int64(st, 5, actor_audit_id(v));
	db_bind_text(st, 6, a->name);
	return db_step_done(st) == SQLITE_DONE ? 0 : -1;
}

/* The open items the viewer decides: one OR per registered kind, each
 * with the kind's own condition (constant text from its domain, never
 * input). Binds ?1 and ?2 as the kinds' conditions read them and the
 * kinds' names from ?3 on; returns the next free parameter number. */
static int
decided_by(struct strbuf *sb)
{
	const struct queue_kind *k;
	int i, n = 3;

	sb_puts(sb, "FROM queue q WHERE q.state = 0 AND (0");
	for (i = 0; i < ndomains; i++)
		for (k = domains[i]->queue_kinds; k != NULL && k->kind != NULL;
		    k++)
			sb_printf(sb, " OR (q.kind = ?%d AND (%s))", n++,
			    k->decides_sql);
	sb_puts(sb, ") ");
	return n;
}

static void
bind_decided_by(sqlite3_stmt *st, const struct actor *v)
{
	const struct queue_kind *k;
	int i, n = 3;

	sqlite3_bind_int(st, 1, !v->guest && v->role >= ROLE_MODERATOR);
	sqlite3_bind_int64(st, 2, v->account_id);
	for (i = 0; i < ndomains; i++)
		for (k = domains[i]->queue_kinds; k != NULL && k->kind != NULL;
		    k++)
			db_bind_text(st, n++, k->kind);
}

/* "name: reason" lines of a subject's open items, oldest first. */
static char *
item_reasons(struct db *db, const char *kind, int64_t subject_id)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *st;

	sb_puts(&sb, "");
	st = db_prepare(db, "SELECT coalesce(a.name, ''), q.reason FROM queue q "
	    "LEFT JOIN accounts a ON a.id = q.reporter_id WHERE q.kind = ?1 "
	    "AND q.subject_id = ?2 AND q.state = 0 ORDER BY q.id");
	if (st == NULL)
		return sb_take(&sb);
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, subject_id);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&sb, "%s%s: %s", sb.len ? "\n" : "",
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return sb_take(&sb);
}

int
queue_list(struct db *db, const struct actor *v, int offset, int limit,
    struct queue_list *out)
{
	struct strbuf sql = { 0 };
	struct queue_entry *e;
	sqlite3_stmt *st;
	int n, rc;

	memset(out, 0, sizeof *out);
	if (limit <= 0 || v->guest)
		return 0;
	sb_puts(&sql, "SELECT q.kind, q.subject_id, count(*), min(q.at) ");
	n = decided_by(&sql);
	sb_printf(&sql, "GROUP BY q.kind, q.subject_id "
	    "ORDER BY min(q.at), q.subject_id LIMIT ?%d OFFSET ?%d", n, n + 1);
	st = db_prepare(db, sql.s);
	sb_free(&sql);
	if (st == NULL)
		return -1;
	bind_decided_by(st, v);
	sqlite3_bind_int(st, n, limit + 1);
	sqlite3_bind_int(st, n + 1, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);

		if (out->n == (size_t)limit) {
			out->more = true;
			rc = SQLITE_DONE;
			break;
		}
		e = &out->v[out->n];
		e->k = queue_kind_find(kind);
		assert(e->k != NULL);	/* decided_by names only known kinds */
		e->subject_id = sqlite3_column_int64(st, 1);
		e->count = sqlite3_column_int(st, 2);
		e->first_at = sqlite3_column_int64(st, 3);
		if (e->k->describe(db, e->subject_id, &e->s) != 0)
			continue;	/* gone meanwhile: not shown */
		e->reasons = item_reasons(db, kind, e->subject_id);
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		queue_list_free(out);
		return -1;
	}
	return 0;
}

void
queue_list_free(struct queue_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].s.body);
		free(l->v[i].reasons);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int64_t
queue_open_count(struct db *db, const struct actor *v)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st;
	int64_t n = -1;

	if (v->guest)
		return 0;
	sb_puts(&sql, "SELECT count(*) FROM (SELECT 1 ");
	decided_by(&sql);
	sb_puts(&sql, "GROUP BY q.kind, q.subject_id)");
	st = db_prepare(db, sql.s);
	sb_free(&sql);
	if (st == NULL)
		return -1;
	bind_decided_by(st, v);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A moderator's reason: one line of 1-QUEUE_REASON_MAX code points. */
static char *
clean_reason(const char *s)
{
	char *c;
	size_t n;

	if (s == NULL || strlen(s) > QUEUE_REASON_MAX * 4 * 2)
		return NULL;
	c = sanitize(s, strlen(s), SANITIZE_LINE, 0, 0);
	n = utf8_count(c);
	if (n == 0 || n > QUEUE_REASON_MAX) {
		free(c);
		return NULL;
	}
	return c;
}

struct core_error
queue_resolve(struct db *db, const struct actor *v, const char *kind,
    int64_t subject_id, const char *action, int days, const char *why)
{
	const struct queue_kind *k = queue_kind_find(kind);
	const struct queue_action *a;
	const char *err;
	char *clean;

	if (k == NULL)
		return CORE_ERR("error.queue.kind", NULL);
	if ((a = queue_action_find(k, action)) == NULL)
		return CORE_ERR("error.queue.action", NULL);
	if (a->days && (days < 1 || days > QUEUE_DAYS_MAX))
		return CORE_ERR("error.forum.days", "days");
	if ((clean = clean_reason(why)) == NULL)
		return CORE_ERR("error.forum.reason_length", "reason");
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	err = k->resolve(db, v, subject_id, a, days, clean);
	free(clean);
	return CORE_ERR(db_tx_end(db, err), NULL);
}
