/* The accounts domain: accounts, their SSH keys, live sessions, the
 * audit log and the backups taken; its demo logins; its part of an export
 * and of an erasure. */
#include "core/domain.h"
#include "core/accounts.h"
#include "core/db-internal.h"
#include "core/export-json.h"
#include "core/output.h"
#include "core/password.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* core/account-outputs.c: help and whoami. */
extern const struct output account_outputs[];

static const char *const accounts_migrations[] = {
	/* 1: accounts, their SSH keys, the audit log, live sessions. */
	"CREATE TABLE accounts ("
	"  id              INTEGER PRIMARY KEY,"
	"  name            TEXT NOT NULL,"		/* stored lower-case */
	"  display         TEXT NOT NULL,"
	"  pwhash          TEXT NOT NULL,"
	"  role            TEXT NOT NULL DEFAULT 'member'"
	"                  CHECK (role IN ('member', 'organiser', 'moderator', 'admin')),"
	"  lang            TEXT NOT NULL DEFAULT 'lt',"
	"  theme           INTEGER NOT NULL DEFAULT 0 CHECK (theme BETWEEN 0 AND 2),"
	"  mode            INTEGER NOT NULL DEFAULT 0 CHECK (mode BETWEEN 0 AND 2),"
	"  charset         INTEGER NOT NULL DEFAULT 0 CHECK (charset BETWEEN 0 AND 2),"
	"  idle_minutes    INTEGER NOT NULL DEFAULT 0,"
	"  created         INTEGER NOT NULL,"
	"  last_login      INTEGER NOT NULL DEFAULT 0,"
	"  suspended_until INTEGER NOT NULL DEFAULT 0,"
	"  suspend_reason  TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE UNIQUE INDEX accounts_name ON accounts(name COLLATE NOCASE);"
	"CREATE TABLE ssh_keys ("
	"  id          INTEGER PRIMARY KEY,"
	"  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  type        TEXT NOT NULL,"
	"  blob        TEXT NOT NULL,"
	"  comment     TEXT NOT NULL DEFAULT '',"
	"  fingerprint TEXT NOT NULL UNIQUE,"
	"  created     INTEGER NOT NULL"
	");"
	"CREATE INDEX ssh_keys_account ON ssh_keys(account_id);"
	/* actor_id 0 is the admin command; no foreign key, so the log
	 * outlives the accounts it names. */
	"CREATE TABLE audit ("
	"  id       INTEGER PRIMARY KEY,"
	"  at       INTEGER NOT NULL,"
	"  actor_id INTEGER NOT NULL,"
	"  action   TEXT NOT NULL,"
	"  target   TEXT NOT NULL DEFAULT '',"
	"  detail   TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE TABLE sessions ("
	"  pid        INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  source     TEXT NOT NULL DEFAULT '',"
	"  started    INTEGER NOT NULL"
	");"
	"CREATE INDEX sessions_account ON sessions(account_id);",

	/* 2: accounts made in the last hour are counted for their rate
	 * limit. */
	"CREATE INDEX accounts_created ON accounts(created);",

	/* 3: each member's secret feed address (core/feed-tokens.h). */
	"CREATE TABLE feed_tokens ("
	"  account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,"
	"  token      TEXT NOT NULL UNIQUE,"
	"  created    INTEGER NOT NULL"
	");",

	/* 4: the metrics (core/metrics-members.c, metrics-breakdowns.c)
	 * count members by index ranges: those who logged in over a month's
	 * last 30 days, the erased ("a removed account", pwhash '!')
	 * registered before its end, and the others by language and role. */
	"CREATE INDEX accounts_last_login ON accounts(last_login);"
	"CREATE INDEX accounts_erased ON accounts(created) WHERE pwhash = '!';"
	"CREATE INDEX accounts_groups ON accounts(lang, role, created)"
	"  WHERE pwhash != '!';",

	/* 5: a row for every live session, guests' and newcomers' too
	 * (core/sessions.h): the connection process by pid and start time
	 * (a reused pid is not mistaken for it), an id for the UI process
	 * and the moderators (AUTOINCREMENT: never given twice), the part
	 * of Tinklas it is in and its last activity. The rows are only
	 * ever live sessions, so the old table goes rather than being
	 * converted. */
	"DROP TABLE sessions;"
	"CREATE TABLE sessions ("
	"  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  pid        INTEGER NOT NULL UNIQUE,"
	"  starttime  INTEGER NOT NULL,"
	"  kind       TEXT NOT NULL DEFAULT 'member'"
	"             CHECK (kind IN ('member', 'guest', 'register')),"
	"  account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,"
	"  source     TEXT NOT NULL DEFAULT '',"
	"  started    INTEGER NOT NULL,"
	"  part       TEXT NOT NULL DEFAULT '',"
	"  active     INTEGER NOT NULL DEFAULT 0,"
	"  CHECK ((kind = 'member') = (account_id IS NOT NULL))"
	");"
	"CREATE INDEX sessions_account ON sessions(account_id);",

	/* 6: each backup `tinklas admin backup` took, for `admin status`
	 * (core/backups.h). No account's data: nothing to export or erase. */
	"CREATE TABLE backups ("
	"  id    INTEGER PRIMARY KEY,"
	"  at    INTEGER NOT NULL,"
	"  path  TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL"
	");"
	"CREATE INDEX backups_at ON backups(at);",
};

/* Old step 1 made version 1; old step 5 added the index. */
static const int accounts_adopt[DB_LEGACY_STEPS + 1] = { 0, 1, 1, 1, 1, 2 };

struct demo_account {
	const char	*name;
	const char	*display;
	const char	*lang;
	enum role	 role;
};

static const struct demo_account demo_accounts[] = {
	{ "admin", "Tinklo administratorius", "lt", ROLE_ADMIN },
	{ "moderatore", "Moderatorė Aistė", "lt", ROLE_MODERATOR },
	{ "ruta", "Rūta Petraitienė", "lt", ROLE_MEMBER },
	{ "jonas", "Jonas Kazlauskas", "lt", ROLE_MEMBER },
	{ "olena", "Олена Коваленко", "uk", ROLE_MEMBER },
	{ "emma", "Emma Wilson", "en", ROLE_MEMBER },
};

/* Short, easy to type words; three of them and two digits give about 45
 * bits, plenty for a demo login. */
static const char *const demo_words[] = {
	"amber", "birch", "canal", "delta", "ember", "fjord", "grove",
	"harbor", "island", "juniper", "kettle", "linden", "meadow", "nectar",
	"orchard", "pebble", "quarry", "river", "saddle", "timber", "upland",
	"valley", "willow", "yarrow", "zephyr", "beacon", "cobalt", "dune",
	"falcon", "garnet", "heron", "indigo", "jasper", "lantern", "marble",
	"nutmeg", "otter", "pepper", "quill", "raven", "spruce", "thistle",
	"umber", "violet", "walnut", "acorn", "bramble", "clover", "daisy",
	"fennel", "ginger", "hazel", "iris", "kelp", "lichen", "moss",
	"nettle", "oak", "poppy", "reed", "sorrel", "tansy", "vetch", "wren",
};


static void	demo_password(char *, size_t, const char *);

/* Creates the demo logins and prints each with its password, once. */
static int
accounts_demo(struct db *db, FILE *out)
{
	const struct demo_account *d;
	char password[80];
	const char *err;
	size_t i;

	fprintf(out, "Demo logins (shown once):\n");
	for (i = 0; i < sizeof demo_accounts / sizeof demo_accounts[0]; i++) {
		d = &demo_accounts[i];
		demo_password(password, sizeof password, d->name);
		err = account_create(db, d->name, d->display, password, d->lang,
		    d->role, NULL);
		if (err != NULL) {
			fprintf(stderr, "demo: %s: %s\n", d->name, err);
			return -1;
		}
		fprintf(out, "  %-12s %-28s %s\n", d->name, password,
		    role_name(d->role));
	}
	return 0;
}

/* Writes "word-word-word-NN" that libpwquality accepts for name. */
static void
demo_password(char *buf, size_t sz, const char *name)
{
	uint32_t nw = sizeof demo_words / sizeof demo_words[0];
	int tries;

	for (tries = 0; tries < 50; tries++) {
		snprintf(buf, sz, "%s-%s-%s-%02u",
		    demo_words[arc4random_uniform(nw)],
		    demo_words[arc4random_uniform(nw)],
		    demo_words[arc4random_uniform(nw)],
		    arc4random_uniform(100));
		if (password_quality(buf, name, 10) == NULL)
			return;
	}
}

/* The account itself with its settings, its public keys, its sessions,
 * and the audit entries by it or about it. Never the password hash, and
 * of the secret feed address only that it exists: the address is a key
 * that a copy of the export must not give away (`ssh host feeds` shows
 * it). Who acted on the account is said as a kind (self, the admin
 * command, the forums' own rules, someone else), not as a person. */
static int
accounts_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "account", "SELECT id, name, display, role, lang, theme, "
		  "mode, charset, idle_minutes, created, "
		  "last_login, suspended_until, suspend_reason FROM accounts "
		  "WHERE id = ?1", true },
		{ "ssh_keys", "SELECT type, blob AS public_key, comment, "
		  "fingerprint, created FROM ssh_keys WHERE account_id = ?1 "
		  "ORDER BY id", false },
		{ "sessions", "SELECT source, started FROM sessions WHERE "
		  "account_id = ?1 ORDER BY started", false },
		{ "feed_address", "SELECT created FROM feed_tokens WHERE "
		  "account_id = ?1", true },
		{ "audit", EXPORT_AUDIT_FROM "WHERE a.actor_id = ?1 OR "
		  "a.target = 'account ' || ?1 ORDER BY a.id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* The account row stays, emptied, as "a removed account": posts, threads
 * and reports refer to it by id, and a thread reads on with a "deleted
 * member" where the member wrote. Its name becomes "#ID", which no one can
 * register (a name has no "#"), and it can never log in again. The audit
 * log forgets the member: what they did, and what was done about them
 * (named "account ID", or by name in older entries and exports); the
 * erasure adds its own line after this (core/domain.c). The row keeps
 * its id, when it was made (the metrics count members over time) and its
 * language, a setting that names no one. */
static int
accounts_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM ssh_keys WHERE account_id = ?1",
		"DELETE FROM sessions WHERE account_id = ?1",
		"DELETE FROM feed_tokens WHERE account_id = ?1",
		"DELETE FROM audit WHERE actor_id = ?1 "
		"OR target IN ('account ' || ?1, '#' || ?1, "
		"(SELECT name FROM accounts WHERE id = ?1)) "
		"OR detail = 'account ' || ?1",
		"UPDATE accounts SET name = '#' || id, display = '', "
		"pwhash = '!', role = 'member', suspended_until = 9223372036854775807, "
		"suspend_reason = '', last_login = 0, theme = 0, mode = 0, "
		"charset = 0, idle_minutes = 0 WHERE id = ?1",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

const struct domain domain_accounts = {
	.name = "accounts",
	.migrations = accounts_migrations,
	.nmigrations = sizeof accounts_migrations / sizeof accounts_migrations[0],
	.adopt = accounts_adopt,
	.demo_fill = accounts_demo,
	.export_account = accounts_export,
	.erase_account = accounts_erase,
	.outputs = account_outputs,
};
