/* Suspending and unsuspending accounts: who may, the write and its audit
 * entry in one transaction (core/rules.h has the matrix). */
#include "core/rules.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/db-internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct core_error	suspend_write(struct db *, const struct actor *,
				    const struct account *,
				    const struct suspension *);
static struct core_error	create_error(const char *);
static struct core_error	may_suspend(struct db *, const struct actor *,
				    const struct account *, int64_t);

struct core_error
account_suspend_in_tx(struct db *db, const struct actor *a, int64_t target_id,
    const struct suspension *s)
{
	struct core_error e;
	struct account t;

	if (account_by_id(db, target_id, &t) != 0)
		return CORE_ERR("error.forum.not_found", NULL);
	e = may_suspend(db, a, &t, s->board_id);
	return core_failed(e) ? e : suspend_write(db, a, &t, s);
}

struct core_error
account_suspend_by(struct db *db, const struct actor *a, int64_t target_id,
    const struct suspension *s)
{
	struct core_error e;
	const char *k;

	if (db_tx_begin(db, NULL, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	e = account_suspend_in_tx(db, a, target_id, s);
	if ((k = db_tx_end(db, e.key)) != e.key)
		return CORE_ERR(k, NULL);
	return e;
}

struct core_error
account_unsuspend_by(struct db *db, const struct actor *a, int64_t target_id)
{
	struct core_error e;
	struct account t;
	const char *k;

	if (db_tx_begin(db, NULL, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	if (account_by_id(db, target_id, &t) != 0)
		e = CORE_ERR("error.forum.not_found", NULL);
	else
		e = may_suspend(db, a, &t, 0);
	if (!core_failed(e) && !account_is_suspended(&t, db_now()))
		e = CORE_ERR("error.suspend.not_suspended", NULL);
	else if (!core_failed(e) && (account_unsuspend(db, t.id) != 0 ||
	    db_audit(db, a, "account", t.id, "user.unsuspend", "") != NULL))
		e = CORE_ERR("error.internal", NULL);
	if ((k = db_tx_end(db, e.key)) != e.key)
		return CORE_ERR(k, NULL);
	return e;
}

struct core_error
account_register(struct db *db, const char *name, const char *display,
    const char *password, const char *lang, int per_hour, int64_t *id_out)
{
	const char *err;

	if ((err = account_create_allowed(db, per_hour)) != NULL)
		return CORE_ERR(err, NULL);
	err = account_create(db, name, display, password, lang, ROLE_MEMBER,
	    id_out);
	return err != NULL ? create_error(err) : CORE_OK;
}

/* Account management is the admins' (rules.h). */
static bool
is_admin(const struct actor *a)
{
	return !a->guest && a->role == ROLE_ADMIN;
}

struct core_error
account_create_by(struct db *db, const struct actor *a, const char *name,
    const char *display, const char *password, const char *lang,
    enum role role, int64_t *id_out)
{
	const char *err;
	char *detail;
	int64_t id;

	if (!is_admin(a))
		return CORE_ERR("error.forum.not_allowed", NULL);
	/* account_create runs its own transaction; the audit follows it. */
	err = account_create(db, name, display, password, lang, role, &id);
	if (err != NULL)
		return create_error(err);
	if (id_out != NULL)
		*id_out = id;
	detail = xasprintf("role %s, language %s", role_name(role), lang);
	err = db_audit(db, a, "account", id, "user.add", detail);
	free(detail);
	return CORE_ERR(err, NULL);
}

struct core_error
account_set_role_by(struct db *db, const struct actor *a, int64_t target_id,
    enum role role)
{
	struct account t;
	const char *err = NULL;
	char *detail;

	if (!is_admin(a))
		return CORE_ERR("error.forum.not_allowed", NULL);
	if (db_tx_begin(db, NULL, NULL) != NULL)
		return CORE_ERR("error.internal", NULL);
	if (account_by_id(db, target_id, &t) != 0)
		err = "error.forum.not_found";
	else if (account_set_role(db, t.id, role) != 0)
		err = "error.internal";
	else {
		detail = xasprintf("%s (was %s)", role_name(role),
		    role_name(t.role));
		err = db_audit(db, a, "account", t.id, "user.set-role", detail);
		free(detail);
	}
	return CORE_ERR(db_tx_end(db, err), NULL);
}

/* The matrix of rules.h for a loaded target. */
static struct core_error
may_suspend(struct db *db, const struct actor *a, const struct account *t,
    int64_t board_id)
{
	if (a->guest)
		return CORE_ERR("error.forum.not_allowed", NULL);
	if (a->account_id != 0 && a->account_id == t->id)
		return CORE_ERR("error.suspend.self", NULL);
	if (a->role == ROLE_ADMIN)
		return CORE_OK;
	/* Moderators everywhere, board moderators from their board. */
	if (!actor_moderates(db, a, board_id))
		return CORE_ERR("error.forum.not_allowed", NULL);
	if (t->role >= ROLE_MODERATOR)
		return CORE_ERR("error.suspend.rank", NULL);
	return CORE_OK;
}

/* Suspends t and audits it: "N days: why", or the end as a UTC time. */
static struct core_error
suspend_write(struct db *db, const struct actor *a, const struct account *t,
    const struct suspension *s)
{
	const char *reason = s->reason != NULL ? s->reason : "";
	int64_t now = db_now(), until = s->until;
	char when[48], *detail;
	const char *err;
	struct tm tm;
	time_t tt;

	if (s->days > 0) {
		until = now + (int64_t)s->days * 86400;
		snprintf(when, sizeof when, "%d day%s", s->days,
		    s->days == 1 ? "" : "s");
	} else if (until >= ACCOUNT_SUSPEND_FOREVER)
		snprintf(when, sizeof when, "until lifted");
	else {
		tt = (time_t)until;
		gmtime_r(&tt, &tm);
		strftime(when, sizeof when, "until %Y-%m-%d %H:%M UTC", &tm);
	}
	if (until <= now)
		return CORE_ERR("error.forum.days", "days");
	if (account_suspend(db, t->id, until, reason) != 0)
		return CORE_ERR("error.internal", NULL);
	detail = xasprintf("%s%s%s", when, *reason != '\0' ? ": " : "",
	    reason);
	err = db_audit(db, a, "account", t->id, "user.suspend", detail);
	free(detail);
	return CORE_ERR(err, NULL);
}

/* The field of the account form an account_create key is about. */
static struct core_error
create_error(const char *key)
{
	if (strncmp(key, "error.username.", 15) == 0)
		return CORE_ERR(key, "name");
	if (strncmp(key, "error.display.", 14) == 0)
		return CORE_ERR(key, "display");
	if (strcmp(key, "error.lang.unknown") == 0)
		return CORE_ERR(key, "lang");
	return CORE_ERR(key, NULL);
}
