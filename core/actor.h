/* Who is asking: the one type every domain of the model takes to decide
 * what the person sees and may do. The UI builds it once per session from
 * the logged-in account (a guest has none); the admin command on the server
 * is actor_admin_command(): account 0 with ROLE_ADMIN, audit actor 0.
 *
 * The boards a person moderates are not copied in: actor_moderates() reads
 * them when asked, so a board moderator added or removed by an admin counts
 * at once, in a session already open. */
#ifndef TINKLAS_ACTOR_H
#define TINKLAS_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/accounts.h"	/* enum role */

struct db;

struct actor {
	int64_t		 account_id;	/* 0: a guest or the admin command */
	enum role	 role;
	const char	*lang;		/* new content's language: "lt" */
	int		 posts_per_minute;	/* flood limit; 0: none */
	bool		 guest;		/* reads only; account_id is 0 */
};

/* A guest reading in lang. */
struct actor actor_guest(const char *lang);
/* The admin command on the server (`tinklas admin`). */
struct actor actor_admin_command(const char *lang);
/* A logged-in account. */
struct actor actor_account(const struct account *a, const char *lang,
    int posts_per_minute);

/* The id that names the actor in the audit log and in moderation rows. */
int64_t actor_audit_id(const struct actor *a);
/* True when the actor may moderate the board: role moderator or admin
 * anywhere, or assigned to this board (board_moderators). Board 0 means
 * "no board": only the roles count. */
bool actor_moderates(struct db *db, const struct actor *a, int64_t board_id);

#endif
