/* The schema, as a list of migration steps run in order by db_open. Step i
 * takes PRAGMA user_version from i to i + 1 inside one BEGIN IMMEDIATE
 * transaction. Append new steps at the end; never edit a shipped one. */
#include "core/db-internal.h"

const char *const db_migrations[] = {
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
};

const int db_nmigrations = sizeof db_migrations / sizeof db_migrations[0];
