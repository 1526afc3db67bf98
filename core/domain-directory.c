/* The directory domain (issue 9): people who choose to be listed, their
 * skills and languages, organisations, mentorships, blocks and private
 * messages. Its parts keep their tables in this one domain so the feature
 * is one line in core/domains.c; each step says whose tables it makes. */
#include "core/domain.h"
#include "core/directory-internal.h"
#include "core/db-internal.h"
#include "core/directory-outputs.h"
#include "core/export-json.h"
#include "core/messages.h"

#include <stdint.h>

static const char *const directory_migrations[] = {
	/* 1: blocks (core/blocks.c). */
	"CREATE TABLE person_blocks ("
	"  blocker_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  blocked_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  created    INTEGER NOT NULL,"
	"  PRIMARY KEY (blocker_id, blocked_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX person_blocks_blocked ON person_blocks (blocked_id);",
	/* 2: profiles, tags, organisations, mentorships (core/directory-*.c). */
	"CREATE TABLE dir_profiles ("
	"  account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,"
	"  listed      INTEGER NOT NULL DEFAULT 0,"
	"  hidden      INTEGER NOT NULL DEFAULT 0,"	/* by a moderator */
	"  bio         TEXT NOT NULL DEFAULT '',"
	"  eldership   TEXT NOT NULL DEFAULT '',"
	"  avail       INTEGER NOT NULL DEFAULT 0,"
	"  mentors     INTEGER NOT NULL DEFAULT 0,"
	"  max_mentees INTEGER NOT NULL DEFAULT 0,"
	/* enum dir_vis of each enum dir_field */
	"  vis_bio       INTEGER NOT NULL DEFAULT 1 CHECK (vis_bio BETWEEN 0 AND 2),"
	"  vis_eldership INTEGER NOT NULL DEFAULT 1 CHECK (vis_eldership BETWEEN 0 AND 2),"
	"  vis_languages INTEGER NOT NULL DEFAULT 1 CHECK (vis_languages BETWEEN 0 AND 2),"
	"  vis_offers    INTEGER NOT NULL DEFAULT 1 CHECK (vis_offers BETWEEN 0 AND 2),"
	"  vis_wants     INTEGER NOT NULL DEFAULT 1 CHECK (vis_wants BETWEEN 0 AND 2),"
	"  vis_interests INTEGER NOT NULL DEFAULT 1 CHECK (vis_interests BETWEEN 0 AND 2),"
	"  vis_avail     INTEGER NOT NULL DEFAULT 1 CHECK (vis_avail BETWEEN 0 AND 2),"
	"  updated     INTEGER NOT NULL"
	");"
	/* What a suggestion's candidate is first sorted by, without the bio. */
	"CREATE INDEX dir_profiles_match ON dir_profiles (account_id, listed, hidden, eldership, avail, mentors);"
	"CREATE TABLE dir_languages ("
	"  account_id INTEGER NOT NULL REFERENCES dir_profiles(account_id) ON DELETE CASCADE,"
	"  code       TEXT NOT NULL,"
	"  level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),"
	"  PRIMARY KEY (account_id, code)"
	") WITHOUT ROWID;"
	"CREATE INDEX dir_languages_code ON dir_languages (code, account_id);"
	/* One vocabulary: folded is the key, display the first spelling. */
	"CREATE TABLE dir_tags ("
	"  id      INTEGER PRIMARY KEY,"
	"  folded  TEXT NOT NULL UNIQUE,"
	"  display TEXT NOT NULL,"
	"  created INTEGER NOT NULL"
	");"
	/* kind: enum dir_tag_kind (offers, wants, interests). */
	"CREATE TABLE dir_profile_tags ("
	"  account_id INTEGER NOT NULL REFERENCES dir_profiles(account_id) ON DELETE CASCADE,"
	"  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
	"  tag_id     INTEGER NOT NULL REFERENCES dir_tags(id),"
	"  PRIMARY KEY (account_id, kind, tag_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX dir_profile_tags_tag ON dir_profile_tags (tag_id, kind, account_id);"
	"CREATE TABLE dir_orgs ("
	"  id          INTEGER PRIMARY KEY,"
	"  kind        TEXT NOT NULL CHECK (kind IN ('school', 'university', 'library', 'ngo', 'municipal')),"
	"  name        TEXT NOT NULL,"
	"  description TEXT NOT NULL DEFAULT '',"
	"  eldership   TEXT NOT NULL DEFAULT '',"
	"  contact     TEXT NOT NULL DEFAULT '',"
	"  created     INTEGER NOT NULL"
	");"
	/* role: 0 member, 1 the organisation's admin. */
	"CREATE TABLE dir_org_members ("
	"  org_id     INTEGER NOT NULL REFERENCES dir_orgs(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  role       INTEGER NOT NULL DEFAULT 0 CHECK (role BETWEEN 0 AND 1),"
	"  PRIMARY KEY (org_id, account_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX dir_org_members_account ON dir_org_members (account_id);"
	/* state: enum dir_ms_state; one open (requested or active) per pair. */
	"CREATE TABLE dir_mentorships ("
	"  id         INTEGER PRIMARY KEY,"
	"  mentor_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  mentee_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
	"  state      INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
	"  message    TEXT NOT NULL DEFAULT '',"
	"  answer     TEXT NOT NULL DEFAULT '',"
	"  ended_by   INTEGER NOT NULL DEFAULT 0,"
	"  mentor_reflection TEXT NOT NULL DEFAULT '',"
	"  mentee_reflection TEXT NOT NULL DEFAULT '',"
	"  requested  INTEGER NOT NULL,"
	"  answered   INTEGER NOT NULL DEFAULT 0,"
	"  ended      INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE UNIQUE INDEX dir_mentorships_open ON dir_mentorships (mentor_id, mentee_id) WHERE state IN (0, 1);"
	"CREATE INDEX dir_mentorships_mentor ON dir_mentorships (mentor_id, state);"
	"CREATE INDEX dir_mentorships_mentee ON dir_mentorships (mentee_id, state);",
	/* 3: private messages (core/messages-*.c). One conversation per
	 * pair (a_id < b_id); pm_members holds each member's side (the other
	 * member, the read mark, the last activity), so a member's list and
	 * unread total read only their own rows. removed: 0 shown, 1 by a
	 * moderator, 2 erased with its author (the text is then ''). */
	"CREATE TABLE pm_conversations ("
	"  id         INTEGER PRIMARY KEY,"
	"  a_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  b_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  started_by INTEGER NOT NULL REFERENCES accounts(id),"
	"  created    INTEGER NOT NULL,"
	"  last_seq   INTEGER NOT NULL DEFAULT 0,"
	"  last_at    INTEGER NOT NULL,"
	"  CHECK (a_id < b_id),"
	"  UNIQUE (a_id, b_id)"
	");"
	"CREATE INDEX pm_conversations_started ON pm_conversations"
	"  (started_by, created);"
	"CREATE TABLE pm_members ("
	"  account_id      INTEGER NOT NULL REFERENCES accounts(id),"
	"  conversation_id INTEGER NOT NULL REFERENCES pm_conversations(id),"
	"  other_id        INTEGER NOT NULL REFERENCES accounts(id),"
	"  read_seq        INTEGER NOT NULL DEFAULT 0,"
	"  last_at         INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, conversation_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX pm_members_recent ON pm_members"
	"  (account_id, last_at DESC, conversation_id DESC);"
	"CREATE TABLE pm_messages ("
	"  id              INTEGER PRIMARY KEY,"
	"  conversation_id INTEGER NOT NULL REFERENCES pm_conversations(id),"
	"  seq             INTEGER NOT NULL,"
	"  author_id       INTEGER NOT NULL REFERENCES accounts(id),"
	"  body            TEXT NOT NULL,"
	"  created         INTEGER NOT NULL,"
	"  removed         INTEGER NOT NULL DEFAULT 0"
	"    CHECK (removed BETWEEN 0 AND 2)"
	");"
	"CREATE UNIQUE INDEX pm_messages_seq ON pm_messages"
	"  (conversation_id, seq);"
	"CREATE INDEX pm_messages_author ON pm_messages (author_id, created);",
	/* 4: organisations as organisers of the calendar's events
	 * (core/directory-org-events.c); one organisation per event, the
	 * link going with either. */
	"CREATE TABLE dir_org_events ("
	"  event_id INTEGER PRIMARY KEY REFERENCES cal_events(id) ON DELETE CASCADE,"
	"  org_id   INTEGER NOT NULL REFERENCES dir_orgs(id) ON DELETE CASCADE"
	");"
	"CREATE INDEX dir_org_events_org ON dir_org_events (org_id);",
	/* 5: the metrics count a month's private messages by this range
	 * (core/metrics-messages.c). */
	"CREATE INDEX pm_messages_created ON pm_messages (created);",
};

/* Everything the directory holds of the member: blocks, profile, its
 * languages and tags, organisations, mentorships on either side, and the
 * private messages of their conversations, sent and received (both are
 * their correspondence; the other member's own export holds the same).
 * Of a mentorship's reflections only the member's own: the other side's
 * is kept for the surveys and was never shown to them. The audit entries
 * of what others did to their mentorships and messages come last. */
static int
directory_export(struct db *db, int64_t id, json_t *obj)
{
	static const struct export_part parts[] = {
		{ "profile", "SELECT listed, hidden, bio, eldership, avail AS "
		  "availability, mentors, max_mentees, vis_bio, vis_eldership, "
		  "vis_languages, vis_offers, vis_wants, vis_interests, "
		  "vis_avail AS vis_availability, updated FROM dir_profiles "
		  "WHERE account_id = ?1", true },
		{ "languages", "SELECT code, level FROM dir_languages WHERE "
		  "account_id = ?1 ORDER BY code", false },
		{ "tags", "SELECT CASE t.kind WHEN 0 THEN 'offers' WHEN 1 THEN "
		  "'wants' ELSE 'interests' END AS kind, g.display AS tag FROM "
		  "dir_profile_tags t JOIN dir_tags g ON g.id = t.tag_id WHERE "
		  "t.account_id = ?1 ORDER BY t.kind, g.folded", false },
		{ "organisations", "SELECT o.id AS id, o.name AS name, CASE "
		  "m.role WHEN 1 THEN 'admin' ELSE 'member' END AS role FROM "
		  "dir_org_members m JOIN dir_orgs o ON o.id = m.org_id WHERE "
		  "m.account_id = ?1 ORDER BY o.id", false },
		{ "blocks", "SELECT b.blocked_id AS blocked, a.name AS "
		  "blocked_name, b.created AS created FROM person_blocks b "
		  "JOIN accounts a ON a.id = b.blocked_id WHERE b.blocker_id = "
		  "?1 ORDER BY b.created", false },
		{ "mentorships", "SELECT m.id AS id, CASE WHEN m.mentor_id = ?1 "
		  "THEN 'mentor' ELSE 'mentee' END AS my_side, o.id AS other, "
		  "o.name AS other_name, CASE m.state WHEN 0 THEN 'requested' "
		  "WHEN 1 THEN 'active' WHEN 2 THEN 'declined' ELSE 'ended' END "
		  "AS state, m.message AS message, m.answer AS answer, "
		  "CASE WHEN m.mentor_id = ?1 THEN m.mentor_reflection ELSE "
		  "m.mentee_reflection END AS my_reflection, m.ended_by AS "
		  "ended_by, m.requested AS requested, m.answered AS answered, "
		  "m.ended AS ended FROM dir_mentorships m JOIN accounts o ON "
		  "o.id = CASE WHEN m.mentor_id = ?1 THEN m.mentee_id ELSE "
		  "m.mentor_id END WHERE m.mentor_id = ?1 OR m.mentee_id = ?1 "
		  "ORDER BY m.id", false },
		{ "messages", "SELECT m.id AS id, m.conversation_id AS "
		  "conversation, s.other_id AS with_id, o.name AS with_name, "
		  "m.seq AS seq, CASE WHEN m.author_id = ?1 THEN 'sent' ELSE "
		  "'received' END AS direction, m.created AS created, m.removed "
		  "AS removed, m.body AS body FROM pm_members s JOIN "
		  "pm_messages m ON m.conversation_id = s.conversation_id JOIN "
		  "accounts o ON o.id = s.other_id WHERE s.account_id = ?1 "
		  "ORDER BY m.conversation_id, m.seq", false },
		/* What others did to their mentorships and their messages. */
		{ "audit", EXPORT_AUDIT_FROM "WHERE a.actor_id != ?1 AND "
		  "a.target IN (SELECT 'mentorship ' || id FROM "
		  "dir_mentorships WHERE mentor_id = ?1 OR mentee_id = ?1 "
		  "UNION ALL SELECT 'message ' || id FROM pm_messages WHERE "
		  "author_id = ?1) ORDER BY a.id", false },
	};

	return export_parts(db, obj, parts, sizeof parts / sizeof parts[0], id);
}

/* A mentorship is both sides' story; erasing either ends it for both, as
 * its messages are the erased person's words too. Private messages: the
 * member's own, sent, keep their place as "erased" markers without text,
 * so the other member's conversation still reads in order; those they
 * received are the other member's words and correspondence, and stay
 * with them (that member can still read what they wrote, as with a
 * letter). The erased side of each conversation goes, so it is in no list
 * of theirs; a conversation that no one is left in goes whole. */
static int
directory_erase(struct db *db, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM person_blocks WHERE blocker_id = ?1 "
		"OR blocked_id = ?1",
		"DELETE FROM dir_mentorships WHERE mentor_id = ?1 "
		"OR mentee_id = ?1",
		"DELETE FROM dir_org_members WHERE account_id = ?1",
		"DELETE FROM dir_profile_tags WHERE account_id = ?1",
		"DELETE FROM dir_languages WHERE account_id = ?1",
		"DELETE FROM dir_profiles WHERE account_id = ?1",
		"UPDATE pm_messages SET body = '', removed = 2 "
		"WHERE author_id = ?1",
		"DELETE FROM pm_members WHERE account_id = ?1",
		"DELETE FROM pm_messages WHERE conversation_id IN (SELECT c.id "
		"FROM pm_conversations c WHERE ?1 IN (c.a_id, c.b_id) AND NOT "
		"EXISTS (SELECT 1 FROM pm_members m WHERE m.conversation_id = "
		"c.id))",
		"DELETE FROM pm_conversations WHERE ?1 IN (a_id, b_id) AND NOT "
		"EXISTS (SELECT 1 FROM pm_members m WHERE m.conversation_id = "
		"pm_conversations.id)",
	};
	return db_exec_steps(db, steps, sizeof steps / sizeof steps[0], id);
}

/* The directory's people first, then a conversation between two of the
 * demo's members. */
static int
directory_demo(struct db *db, FILE *out)
{
	return directory_demo_fill(db, out) != 0 ||
	    messages_demo_fill(db, out) != 0 ? -1 : 0;
}

const struct domain domain_directory = {
	.name = "directory",
	.migrations = directory_migrations,
	.nmigrations = sizeof directory_migrations / sizeof directory_migrations[0],
	.demo_fill = directory_demo,
	.export_account = directory_export,
	.erase_account = directory_erase,
	.inbox_kinds = directory_inbox_kinds,
	.queue_kinds = messages_queue_kinds,
	.outputs = directory_outputs,
};
