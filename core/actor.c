/* The actor: who is asking, and the one question about them that needs the
 * database (which boards they moderate). */
#include "core/actor.h"
#include "core/db-internal.h"

#include <assert.h>

struct actor
actor_guest(const char *lang)
{
	return (struct actor){ .role = ROLE_MEMBER, .lang = lang,
	    .guest = true };
}

struct actor
actor_admin_command(const char *lang)
{
	return (struct actor){ .role = ROLE_ADMIN, .lang = lang };
}

struct actor
actor_account(const struct account *a, const char *lang,
    int posts_per_minute)
{
	assert(a->id > 0);
	return (struct actor){ .account_id = a->id, .role = a->role,
	    .lang = lang, .posts_per_minute = posts_per_minute };
}

int64_t
actor_audit_id(const struct actor *a)
{
	assert(!a->guest || a->account_id == 0);
	return a->account_id;
}

bool
actor_moderates(struct db *db, const struct actor *a, int64_t board_id)
{
	sqlite3_stmt *st;
	bool yes;

	if (a->role >= ROLE_MODERATOR && !a->guest)
		return true;
	if (a->account_id == 0 || board_id == 0)
		return false;
	st = db_prepare(db, "SELECT 1 FROM board_moderators WHERE "
	    "board_id = ?1 AND account_id = ?2");
	if (st == NULL)
		return false;
	sqlite3_bind_int64(st, 1, board_id);
	sqlite3_bind_int64(st, 2, a->account_id);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}
