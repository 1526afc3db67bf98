/* Rules for actions on accounts that need a permission check. Each public
 * call here does the check, the write and the audit entry (naming the
 * account by id: "account 12") in one transaction, and is what the UI and
 * `tinklas admin` both call; neither checks roles itself.
 *
 * Who may suspend or unsuspend whom:
 *   - an admin (and the admin command): anyone but themselves;
 *   - a moderator: members and organisers, never a moderator or an admin;
 *   - a board moderator (a member assigned to a board), from that board's
 *     posts or reports: members and organisers, likewise;
 *   - anyone else: no one.
 * Keys: "error.forum.not_allowed", "error.suspend.rank" (the target holds
 * the moderator or admin role), "error.suspend.self", "error.forum.not_found"
 * (no such account), "error.forum.days" (field "days": the end is not in
 * the future), "error.suspend.not_suspended", "error.internal". */
#ifndef TINKLAS_RULES_H
#define TINKLAS_RULES_H

#include <stdint.h>

#include "core/actor.h"
#include "core/error.h"

struct db;

struct suspension {
	int		 days;		/* > 0: for this many days from now */
	int64_t		 until;		/* else the end, seconds since the
					 * epoch; ACCOUNT_SUSPEND_FOREVER:
					 * until lifted */
	const char	*reason;	/* shown to the account; NULL: none */
	int64_t		 board_id;	/* the board the post that led to it
					 * is in; 0: none (roles only) */
};

struct core_error account_suspend_by(struct db *db, const struct actor *a,
    int64_t target_id, const struct suspension *s);
struct core_error account_unsuspend_by(struct db *db, const struct actor *a,
    int64_t target_id);
/* account_suspend_by inside the caller's write transaction (a report's
 * resolution suspends together with closing the reports). */
struct core_error account_suspend_in_tx(struct db *db, const struct actor *a,
    int64_t target_id, const struct suspension *s);

/* Registration through "new": anyone, while fewer than per_hour accounts
 * were made in the last hour (account_create_allowed), as a member. Keys:
 * "error.register.busy" (no field), those of account_create with the field
 * they are about ("name", "display", "lang"). */
struct core_error account_register(struct db *db, const char *name,
    const char *display, const char *password, const char *lang,
    int per_hour, int64_t *id_out);

/* Account management, for admins (an account with ROLE_ADMIN, or the admin
 * command); each change is audited on "account <id>", never with the
 * name. Keys: "error.forum.not_allowed", "error.forum.not_found",
 * "error.internal"; account_create_by also those of account_create (field
 * "name", "display" or "lang"). */
struct core_error account_create_by(struct db *db, const struct actor *a,
    const char *name, const char *display, const char *password,
    const char *lang, enum role role, int64_t *id_out);
struct core_error account_set_role_by(struct db *db, const struct actor *a,
    int64_t target_id, enum role role);

#endif
