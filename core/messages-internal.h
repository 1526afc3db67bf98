/* What the private-message files share: a member's side of a
 * conversation, a message's row, and how a row of MESSAGE_COLUMNS becomes
 * a struct message. Only core/messages-*.c include this. */
#ifndef TINKLAS_MESSAGES_INTERNAL_H
#define TINKLAS_MESSAGES_INTERNAL_H

#include "core/db-internal.h"
#include "core/messages.h"

/* The columns msg_from_row reads, for SQL over pm_messages m joined with
 * accounts a on the author. */
#define MESSAGE_COLUMNS \
	"m.id, m.conversation_id, m.seq, m.author_id, a.name, a.display, " \
	"a.role, m.created, m.removed, m.body"

/* What the rules need of one message. */
struct msg_row {
	int64_t	 id;
	int64_t	 conversation_id;
	int64_t	 seq;
	int64_t	 author_id;
	int	 removed;	/* enum message_removed */
};

/* Loads message id: 0, or -1 when there is none. */
int msg_load(struct db *db, int64_t id, struct msg_row *out);
/* Whether account is one of the conversation's two members. */
bool msg_is_member(struct db *db, int64_t conversation_id, int64_t account);
/* The messages of the conversation with seq in [from, to], in order, into
 * out (which it empties first). 0 or -1. */
int msg_range(struct db *db, int64_t conversation_id, int64_t from,
    int64_t to, struct message_list *out);

#endif
