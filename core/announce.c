/* The moderators' announcement: at most one current row of announcements
 * (the site domain), replaced or cleared by moderators and audited. */
#include "core/announce.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db-internal.h"
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Code points kept before the width is measured: a paste far longer than
 * any announcement is cut here, and then refused as too wide (50 columns
 * hold at most 250 code points: 4 combining marks at most per letter). */
#define ANNOUNCE_SANITIZE_CP	(ANNOUNCE_MAX_COLS * 8)

static bool
may_announce(const struct actor *a)
{
	return !a->guest && a->role >= ROLE_MODERATOR;
}

static char *
clean(const char *text)
{
	return sanitize(text, strlen(text), SANITIZE_LINE,
	    ANNOUNCE_SANITIZE_CP, 0);
}

int
announce_width(const char *text)
{
	char *s = clean(text);
	int w = i18n_width(s);

	free(s);
	return w;
}

const char *
announce_check(const char *text)
{
	char *s = clean(text);
	const char *key = NULL;

	if (s[0] == '\0')
		key = "error.announce.empty";
	else if (i18n_width(s) > ANNOUNCE_MAX_COLS)
		key = "error.announce.too_long";
	free(s);
	return key;
}

struct core_error
announce_set(struct db *db, const struct actor *a, const char *text,
    int64_t *id_out)
{
	const char *err, *bad;
	sqlite3_stmt *st;
	int64_t id = 0;
	char *body;

	if (!may_announce(a))
		return CORE_ERR("error.announce.not_allowed", NULL);
	if ((bad = announce_check(text)) != NULL)
		return CORE_ERR_ARG(bad, "text", ANNOUNCE_MAX_COLS);
	body = clean(text);
	if ((err = db_tx_begin(db, body, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_exec_ints(db, "UPDATE announcements SET cleared_at = ?1 "
	    "WHERE cleared_at IS NULL", db_now(), 0, 0) != 0 ||
	    (st = db_prepare(db, "INSERT INTO announcements (body, author_id, "
	    "created_at) VALUES (?1, ?2, ?3)")) == NULL)
		err = "error.internal";
	else {
		db_bind_text(st, 1, body);
		if (a->account_id != 0)
			sqlite3_bind_int64(st, 2, a->account_id);
		sqlite3_bind_int64(st, 3, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
		else {
			id = sqlite3_last_insert_rowid(db->h);
			err = db_audit(db, a, "announcement", id,
			    "announcement.set", body);
		}
	}
	free(body);
	if ((err = db_tx_end(db, err)) != NULL)
		return CORE_ERR(err, NULL);
	if (id_out != NULL)
		*id_out = id;
	return CORE_OK;
}

struct core_error
announce_clear(struct db *db, const struct actor *a)
{
	const char *err;
	int64_t id;

	if (!may_announce(a))
		return CORE_ERR("error.announce.not_allowed", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((id = announce_current_id(db)) == 0)
		err = "error.announce.none";
	else if (db_exec_ints(db, "UPDATE announcements SET cleared_at = ?1 "
	    "WHERE id = ?2", db_now(), id, 0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, a, "announcement", id, "announcement.clear",
		    NULL);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

int64_t
announce_current_id(struct db *db)
{
	return db_scalar(db, "SELECT max(id) FROM announcements "
	    "WHERE cleared_at IS NULL", 0, 0, 0);
}

int
announce_current(struct db *db, struct announcement *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, "SELECT id, body, created_at, author_id "
	    "FROM announcements WHERE cleared_at IS NULL "
	    "ORDER BY id DESC LIMIT 1")) == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->body = xstrdup((const char *)sqlite3_column_text(st, 1));
		out->created_at = sqlite3_column_int64(st, 2);
		out->author_id = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void
announce_free(struct announcement *an)
{
	free(an->body);
	an->body = NULL;
	an->id = 0;
}
