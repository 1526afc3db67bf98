/* The private messages' demo: Olena asks Rūta, the teacher, for help with
 * Lithuanian cases, and Rūta's last answer waits unread, so Olena's first
 * login shows an unread message. The accounts are the forums' demo
 * people (core/domain-forums-demo.c). */
#include "core/messages-internal.h"
#include "core/accounts.h"
#include "core/actor.h"

#include <stdio.h>

static const struct {
	const char	*from, *to, *body;
} demo_messages[] = {
	{ "olena", "ruta", "Laba diena, Rūta! Mačiau forume, kad mokote "
	  "lietuvių kalbos. Ar galėtumėte padėti man su linksniais? "
	  "Мені найважче дається орудний відмінок." },
	{ "ruta", "olena", "Laba diena, Olena! Žinoma. Galime susitikti "
	  "antradieniais 17 val. Šančių bibliotekoje. Ar tinka?" },
	{ "olena", "ruta", "Дуже дякую! Antradienis man tinka. Ar reikia ką "
	  "nors atsinešti?" },
	{ "ruta", "olena", "Tik sąsiuvinį. Pradėsime nuo klausimo „su kuo?“: "
	  "su mama, su draugu, su sūnumi. Iki antradienio!" },
};

static int	demo_age(struct db *);

int
messages_demo_fill(struct db *db, FILE *out)
{
	struct account from, to;
	struct actor v;
	const char *err;
	size_t i;

	(void)out;
	for (i = 0; i < sizeof demo_messages / sizeof demo_messages[0]; i++) {
		if (account_by_name(db, demo_messages[i].from, &from) != 0 ||
		    account_by_name(db, demo_messages[i].to, &to) != 0) {
			fprintf(stderr, "messages demo: no account %s or %s\n",
			    demo_messages[i].from, demo_messages[i].to);
			return -1;
		}
		v = (struct actor){ from.id, from.role, from.lang, 0, false };
		if ((err = messages_send(db, &v, to.id, demo_messages[i].body,
		    NULL, NULL).key) != NULL) {
			fprintf(stderr, "messages demo: %s\n", err);
			return -1;
		}
	}
	return demo_age(db);
}

/* Spreads the messages over yesterday evening, an hour apart, and sets
 * the conversations' activity to match. */
static int
demo_age(struct db *db)
{
	static const char *const steps[] = {
		"UPDATE pm_messages SET created = ?1 - 50400 - 3600 * "
		"(SELECT count(*) FROM pm_messages m2 WHERE "
		"m2.conversation_id = pm_messages.conversation_id "
		"AND m2.seq > pm_messages.seq)",
		"UPDATE pm_conversations SET "
		"created = (SELECT min(created) FROM pm_messages m "
		"WHERE m.conversation_id = pm_conversations.id), "
		"last_at = (SELECT max(created) FROM pm_messages m "
		"WHERE m.conversation_id = pm_conversations.id)",
		"UPDATE pm_members SET last_at = (SELECT last_at FROM "
		"pm_conversations c WHERE c.id = pm_members.conversation_id)",
	};

	if (db_begin(db) != 0)
		return -1;
	if (db_exec_steps(db, steps, sizeof steps / sizeof steps[0],
	    db_now()) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}
