/* A domain of the model (accounts, forums, drafts, and the features to
 * come) brings its own tables and the hooks that act on all of them at
 * once: its migrations, versioned per domain so that two branches never
 * both claim the same step; its demo content; and what the data-rights
 * work needs, everything about one account written out, and one account
 * erased. Adding a domain is a new file with one `const struct domain`
 * and one line in core/domains.c, as tmux's cmd_table[]. */
#ifndef TINKLAS_DOMAIN_H
#define TINKLAS_DOMAIN_H

#include <stdint.h>
#include <stdio.h>

struct db;
struct output;
struct strbuf;
struct json_t;		/* jansson's value (core/export-json.h) */
struct inbox_kind;
struct queue_kind;

/* The schema before domains had their own versions was one list of five
 * steps, counted by PRAGMA user_version; a database at one of those
 * versions is adopted (see domain.adopt). Afterwards user_version holds
 * DB_DOMAIN_ERA, which the old program refuses as newer. */
#define DB_LEGACY_STEPS	5
#define DB_DOMAIN_ERA	100

struct domain {
	const char		 *name;	/* key in schema_versions; never renamed */
	/* migrations[i] takes this domain from version i to i + 1; append,
	 * never edit a shipped step. Domains migrate in list order, so a
	 * domain's tables may refer to those of the domains before it. */
	const char *const	 *migrations;
	int			  nmigrations;
	/* Optional, for the domains that existed before: adopt[v] is this
	 * domain's version in a database the old list left at user_version
	 * v (0 to DB_LEGACY_STEPS). */
	const int		 *adopt;
	/* Optional: adds demo content to a new site; the domains before it
	 * have filled theirs. Messages to out, errors to stderr. 0 or -1. */
	int			(*demo_fill)(struct db *db, FILE *out);
	/* Sets on obj (a JSON object, the domain's part of the account's
	 * export) what this domain holds about the account, never a secret
	 * (core/export-json.h helps). 0 or -1. */
	int			(*export_account)(struct db *db, int64_t id,
				    struct json_t *obj);
	/* Removes what this domain holds about the account, inside the
	 * caller's transaction. Called in reverse list order, so a domain
	 * erases before the domains it refers to. 0 or -1. */
	int			(*erase_account)(struct db *db, int64_t id);
	/* Optional: removes what the account wrote for everyone to read
	 * (forum posts), when the member chose to take it with them; called
	 * for every domain before any erase_account. 0 or -1. */
	int			(*erase_writing)(struct db *db, int64_t id);
	/* Optional: upkeep that time asks for (the calendar expands its
	 * recurring events further ahead), run when the server starts and
	 * then every DOMAIN_MAINTAIN_SECONDS. 0 or -1. */
	int			(*maintain)(struct db *db, int64_t now);
	/* Optional: what `ssh host NAME` may print from this domain (and
	 * the feeds serve), ending with an entry whose name is NULL. */
	const struct output	 *outputs;
	/* Optional: the kinds of inbox entry this domain writes
	 * (core/inbox.h), so the inbox can show them without a central
	 * list; an entry with kind NULL ends the array. */
	const struct inbox_kind	 *inbox_kinds;
	/* Optional: the kinds of item it puts before moderators
	 * (core/queue.h), with their actions; kind NULL ends. */
	const struct queue_kind	 *queue_kinds;
};

/* Every domain, in migration order (core/domains.c). */
extern const struct domain *const domains[];
extern const int ndomains;

/* The version of the export's format (EXPORT_FORMAT_VERSION), raised
 * when a key changes meaning or goes; new keys may come without it. */
#define EXPORT_FORMAT_VERSION	1
/* Writes everything about account id as one JSON document to out:
 * {"format": "tinklas-export", "version": 1, "exported_at": now,
 * "accounts": {...}, "forums": {...}, ...}, one key per domain with an
 * export hook, times in Unix seconds (UTC). 0, or -1 (out then holds
 * nothing new). */
int domain_export_account(struct db *db, int64_t id, struct strbuf *out);
/* What an erasure does with what the member wrote for everyone: keep it
 * in its threads under "deleted member", or remove its text. */
enum erase_writing { ERASE_KEEP_WRITING, ERASE_REMOVE_WRITING };
/* Erases account id from every domain in one transaction (0 or -1); the
 * transaction leaves in the audit log only the line "account.erase"
 * "#ID" by actor_id (0 the admin command, id the member themselves). */
int domain_erase(struct db *db, int64_t id, int64_t actor_id,
    enum erase_writing writing);
#define DOMAIN_MAINTAIN_SECONDS	3600
/* Runs every domain's maintain hook; -1 when one failed (all run). */
int domain_maintain(struct db *db, int64_t now);
/* This domain's version in the open database; -1 when unknown. */
int domain_version(struct db *db, const char *name);

#endif
