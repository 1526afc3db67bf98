/* The inbox (core/inbox.h): entries any domain adds in its own
 * transaction, the page and counts a session reads, marking read. The
 * table is the inbox domain's (core/domain-inbox.c). */
#include "core/inbox.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const struct inbox_kind *
inbox_kind_find(const char *kind)
{
	const struct inbox_kind *k;
	int i;

	for (i = 0; i < ndomains; i++)
		for (k = domains[i]->inbox_kinds; k != NULL && k->kind != NULL;
		    k++)
			if (strcmp(k->kind, kind) == 0)
				return k;
	return NULL;
}

int
inbox_add(struct db *db, int64_t recipient, const char *kind,
    const char *subject_type, int64_t subject_id, int64_t actor_id,
    const struct inbox_arg *args, size_t nargs)
{
	struct strbuf sb = { 0 };
	sqlite3_stmt *st;
	const char *p;
	size_t i, len;
	int rc;

	assert(recipient > 0 && strlen(kind) <= INBOX_KIND_MAX);
	sb_puts(&sb, "");
	for (i = 0; i < nargs; i++) {
		assert(strchr(args[i].key, '=') == NULL);
		sb_printf(&sb, "%s%s=", i > 0 ? "\n" : "", args[i].key);
		/* One line per argument: the value's own newlines go. */
		for (p = args[i].value; *p != '\0'; p++)
			sb_putc(&sb, *p == '\n' || *p == '\r' ? ' ' : *p);
	}
	st = db_prepare(db, "INSERT INTO inbox (account_id, kind, "
	    "subject_type, subject_id, actor_id, args, at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (st == NULL) {
		sb_free(&sb);
		return -1;
	}
	sqlite3_bind_int64(st, 1, recipient);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, subject_type);
	sqlite3_bind_int64(st, 4, subject_id);
	sqlite3_bind_int64(st, 5, actor_id);
	/* Longer arguments are cut to what a reader's entry holds, at a
	 * character's start. */
	len = sb.len;
	if (len > INBOX_ARGS_MAX)
		for (len = INBOX_ARGS_MAX; len > 0 &&
		    ((unsigned char)sb.s[len] & 0xC0) == 0x80; len--)
			;
	sqlite3_bind_text(st, 6, sb.s, (int)len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, db_now());
	rc = db_step_done(st);
	sb_free(&sb);
	return rc == SQLITE_DONE ? 0 : -1;
}

const char *
inbox_arg(const struct inbox_entry *e, const char *key, char *buf,
    size_t bufsz)
{
	size_t klen = strlen(key), n;
	const char *p = e->args, *end;

	assert(bufsz > 0);
	buf[0] = '\0';
	while (*p != '\0') {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
			p += klen + 1;
			n = (size_t)(end - p);
			/* Cut at a character's start. */
			if (n >= bufsz)
				for (n = bufsz - 1; n > 0 &&
				    ((unsigned char)p[n] & 0xC0) == 0x80; n--)
					;
			memcpy(buf, p, n);
			buf[n] = '\0';
			break;
		}
		p = *end == '\n' ? end + 1 : end;
	}
	return buf;
}

int
inbox_list(struct db *db, const struct actor *v, int offset, int limit,
    struct inbox_list *out)
{
	struct inbox_entry *e;
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (v->account_id == 0 || limit <= 0)
		return 0;
	st = db_prepare(db, "SELECT n.id, n.kind, n.subject_type, "
	    "n.subject_id, n.actor_id, coalesce(a.name, ''), "
	    "coalesce(a.display, ''), coalesce(a.role, 'member'), n.args, "
	    "n.at, n.read FROM inbox n LEFT JOIN accounts a ON a.id = n.actor_id "
	    "WHERE n.account_id = ?1 ORDER BY n.id DESC LIMIT ?2 OFFSET ?3");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int(st, 2, limit + 1);
	sqlite3_bind_int(st, 3, offset > 0 ? offset : 0);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == (size_t)limit) {
			out->more = true;
			rc = SQLITE_DONE;
			break;
		}
		e = &out->v[out->n++];
		e->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, e->kind, sizeof e->kind);
		db_column_copy(st, 2, e->subject_type, sizeof e->subject_type);
		e->subject_id = sqlite3_column_int64(st, 3);
		e->actor_id = sqlite3_column_int64(st, 4);
		db_column_copy(st, 5, e->actor_name, sizeof e->actor_name);
		db_column_copy(st, 6, e->actor_display,
		    sizeof e->actor_display);
		e->actor_role = ROLE_MEMBER;
		role_parse((const char *)sqlite3_column_text(st, 7),
		    &e->actor_role);
		db_column_copy(st, 8, e->args, sizeof e->args);
		e->at = sqlite3_column_int64(st, 9);
		e->read = sqlite3_column_int(st, 10) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		inbox_list_free(out);
		return -1;
	}
	return 0;
}

void
inbox_list_free(struct inbox_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* One integer from a query on the viewer's account, or -1. */
static int64_t
account_scalar(struct db *db, const struct actor *v, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (v->account_id == 0)
		return 0;
	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int64_t
inbox_unread(struct db *db, const struct actor *v)
{
	return account_scalar(db, v, "SELECT count(*) FROM inbox "
	    "WHERE account_id = ?1 AND read = 0");
}

int64_t
inbox_probe(struct db *db, const struct actor *v)
{
	return account_scalar(db, v, "SELECT coalesce(max(id), 0) FROM inbox "
	    "WHERE account_id = ?1");
}

const char *
inbox_mark_read(struct db *db, const struct actor *v, int64_t id)
{
	sqlite3_stmt *st;

	if (v->account_id == 0)
		return "error.forum.guest";
	st = db_prepare(db, id > 0 ? "UPDATE inbox SET read = 1 "
	    "WHERE account_id = ?1 AND id = ?2 AND read = 0" :
	    "UPDATE inbox SET read = 1 WHERE account_id = ?1 AND read = 0");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, v->account_id);
	if (id > 0)
		sqlite3_bind_int64(st, 2, id);
	return db_step_done(st) == SQLITE_DONE ? NULL : "error.internal";
}
