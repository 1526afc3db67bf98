/* Reading private messages: a member's conversations, one conversation's
 * pages, read marks and the unread total. Every read starts from the
 * viewer's own pm_members rows, so no call can reach a conversation the
 * viewer is not in. */
#include "core/messages-internal.h"
#include "core/actor.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define CONVERSATION_COLUMNS \
	"c.id, s.other_id, a.name, a.display, a.role, c.last_at, c.last_seq, " \
	"s.read_seq"

static void	conversation_from_row(sqlite3_stmt *,
		    struct message_conversation *);
static void	msg_from_row(sqlite3_stmt *, struct message *);

static bool
is_member_actor(const struct actor *v)
{
	return !v->guest && v->account_id != 0;
}

int
messages_conversations(struct db *db, const struct actor *v, int offset,
    int limit, struct message_conversation_list *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (!is_member_actor(v) || limit <= 0)
		return 0;
	if (offset < 0)
		offset = 0;
	st = db_prepare(db, "SELECT " CONVERSATION_COLUMNS " FROM pm_members s "
	    "JOIN pm_conversations c ON c.id = s.conversation_id "
	    "JOIN accounts a ON a.id = s.other_id WHERE s.account_id = ?1 "
	    "ORDER BY s.last_at DESC, s.conversation_id DESC LIMIT ?2 OFFSET ?3");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int(st, 2, limit + 1);
	sqlite3_bind_int(st, 3, offset);
	out->v = xcalloc((size_t)limit, sizeof *out->v);
	while ((rc = db_page_step(st, out->n, limit, &out->more)) == SQLITE_ROW)
		conversation_from_row(st, &out->v[out->n++]);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		messages_conversation_list_free(out);
		return -1;
	}
	return 0;
}

void
messages_conversation_list_free(struct message_conversation_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
messages_conversation_get(struct db *db, const struct actor *v, int64_t id,
    struct message_conversation *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (!is_member_actor(v))
		return -1;
	st = db_prepare(db, "SELECT " CONVERSATION_COLUMNS " FROM pm_members s "
	    "JOIN pm_conversations c ON c.id = s.conversation_id "
	    "JOIN accounts a ON a.id = s.other_id WHERE s.account_id = ?1 "
	    "AND s.conversation_id = ?2");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v->account_id);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		conversation_from_row(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int64_t
messages_conversation_with(struct db *db, const struct actor *v,
    int64_t other)
{
	if (!is_member_actor(v))
		return 0;
	return db_scalar(db, "SELECT conversation_id FROM pm_members "
	    "WHERE account_id = ?1 AND other_id = ?2", v->account_id, other, 0);
}

int
messages_page(struct db *db, const struct actor *v, int64_t conv,
    int64_t before, int limit, struct message_list *out)
{
	int64_t last, from;

	memset(out, 0, sizeof *out);
	if (!is_member_actor(v) || !msg_is_member(db, conv, v->account_id))
		return -1;
	if (limit <= 0)
		return 0;
	last = db_scalar(db, "SELECT last_seq FROM pm_conversations "
	    "WHERE id = ?1", conv, 0, 0);
	if (before <= 0 || before > last + 1)
		before = last + 1;
	from = before - limit > 1 ? before - limit : 1;
	if (msg_range(db, conv, from, before - 1, out) != 0)
		return -1;
	out->more = from > 1;
	return 0;
}

void
message_list_free(struct message_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].body);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
messages_mark_read(struct db *db, const struct actor *v, int64_t conv,
    int64_t seq)
{
	if (!is_member_actor(v) || !msg_is_member(db, conv, v->account_id))
		return -1;
	return db_exec_ints(db, "UPDATE pm_members SET read_seq = "
	    "max(read_seq, min(?3, (SELECT last_seq FROM pm_conversations "
	    "WHERE id = ?2))) WHERE account_id = ?1 AND conversation_id = ?2",
	    v->account_id, conv, seq);
}

int64_t
messages_unread_total(struct db *db, const struct actor *v)
{
	if (!is_member_actor(v))
		return 0;
	return db_scalar(db, "SELECT coalesce(sum(c.last_seq - s.read_seq), 0) "
	    "FROM pm_members s JOIN pm_conversations c "
	    "ON c.id = s.conversation_id WHERE s.account_id = ?1",
	    v->account_id, 0, -1);
}

int
msg_load(struct db *db, int64_t id, struct msg_row *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT id, conversation_id, seq, author_id, "
	    "removed FROM pm_messages WHERE id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->conversation_id = sqlite3_column_int64(st, 1);
		out->seq = sqlite3_column_int64(st, 2);
		out->author_id = sqlite3_column_int64(st, 3);
		out->removed = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

bool
msg_is_member(struct db *db, int64_t conv, int64_t account)
{
	return account != 0 && db_scalar(db, "SELECT 1 FROM pm_members "
	    "WHERE account_id = ?1 AND conversation_id = ?2", account, conv,
	    0) == 1;
}

int
msg_range(struct db *db, int64_t conv, int64_t from, int64_t to,
    struct message_list *out)
{
	sqlite3_stmt *st;
	size_t cap;
	int rc;

	memset(out, 0, sizeof *out);
	if (to < from)
		return 0;
	st = db_prepare(db, "SELECT " MESSAGE_COLUMNS " FROM pm_messages m "
	    "JOIN accounts a ON a.id = m.author_id WHERE m.conversation_id = ?1 "
	    "AND m.seq BETWEEN ?2 AND ?3 ORDER BY m.seq");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, conv);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	cap = (size_t)(to - from + 1);
	out->v = xcalloc(cap, sizeof *out->v);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < cap)
		msg_from_row(st, &out->v[out->n++]);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		message_list_free(out);
		return -1;
	}
	return 0;
}

static void
conversation_from_row(sqlite3_stmt *st, struct message_conversation *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->other_id = sqlite3_column_int64(st, 1);
	db_column_copy(st, 2, c->other_name, sizeof c->other_name);
	db_column_copy(st, 3, c->other_display, sizeof c->other_display);
	c->other_role = ROLE_MEMBER;
	role_parse((const char *)sqlite3_column_text(st, 4), &c->other_role);
	c->last_at = sqlite3_column_int64(st, 5);
	c->last_seq = sqlite3_column_int64(st, 6);
	c->read_seq = sqlite3_column_int64(st, 7);
	c->unread = c->last_seq - c->read_seq;
}

/* A removed message keeps its place with an empty body, for everyone. */
static void
msg_from_row(sqlite3_stmt *st, struct message *m)
{
	const char *body;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->conversation_id = sqlite3_column_int64(st, 1);
	m->seq = sqlite3_column_int64(st, 2);
	m->author_id = sqlite3_column_int64(st, 3);
	db_column_copy(st, 4, m->author_name, sizeof m->author_name);
	db_column_copy(st, 5, m->author_display, sizeof m->author_display);
	m->author_role = ROLE_MEMBER;
	role_parse((const char *)sqlite3_column_text(st, 6), &m->author_role);
	m->created = sqlite3_column_int64(st, 7);
	switch (sqlite3_column_int(st, 8)) {
	case 1:
		m->removed = MESSAGE_REMOVED;
		break;
	case 2:
		m->removed = MESSAGE_ERASED;
		break;
	default:
		m->removed = MESSAGE_SHOWN;
		break;
	}
	body = (const char *)sqlite3_column_text(st, 9);
	m->body = xstrdup(m->removed != MESSAGE_SHOWN || body == NULL ? "" :
	    body);
}
