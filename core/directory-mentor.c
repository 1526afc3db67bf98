/* The directory's inbox kinds, and mentorships: a request with a message, the mentor's answer, the end by
 * either side with a reflection. Each step checks, writes, audits and
 * tells the other side in the inbox in one transaction, so a request is
 * never seen without its notice nor a notice without its request. */
#include "core/directory-internal.h"
#include "core/blocks.h"
#include "core/inbox.h"
#include "common/xalloc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

const struct inbox_kind directory_inbox_kinds[] = {
	{ "directory.requested", "directory.notice.requested",
	    { "actor", "message", NULL } },
	{ "directory.accepted", "directory.notice.accepted",
	    { "actor", "message", NULL } },
	{ "directory.declined", "directory.notice.declined",
	    { "actor", "message", NULL } },
	{ "directory.ended", "directory.notice.ended",
	    { "actor", NULL } },
	{ "directory.withdrawn", "directory.notice.withdrawn",
	    { "actor", NULL } },
	/* A moderator hid the reader's profile (core/directory-profiles.c). */
	{ "directory.hidden", "directory.notice.hidden",
	    { "message", NULL } },
	{ NULL, NULL, { NULL } },
};

/* The mentor's places: max_mentees of a listed, visible mentor, or -1
 * when they are not one; *active their active mentorships. */
static int
mentor_places(struct db *db, int64_t mentor, int64_t *active)
{
	*active = db_scalar(db, "SELECT count(*) FROM dir_mentorships WHERE "
	    "mentor_id = ?1 AND state = 1", mentor, 0, 0);
	return (int)db_scalar(db, "SELECT p.max_mentees FROM dir_profiles p "
	    "JOIN accounts a ON a.id = p.account_id WHERE p.account_id = ?1 "
	    "AND p.listed = 1 AND p.hidden = 0 AND p.mentors = 1 AND "
	    "a.suspended_until <= ?2", mentor, db_now(), -1);
}

/* Tells whom of step kind on mentorship id, by the actor. */
static const char *
tell(struct db *db, const struct actor *a, int64_t whom, const char *kind,
    int64_t id, const char *message)
{
	struct inbox_arg arg = { "message", message != NULL ? message : "" };

	assert(inbox_kind_find(kind) != NULL);
	return inbox_add(db, whom, kind, "mentorship", id, a->account_id, &arg,
	    1) == 0 ? NULL : "error.internal";
}

struct core_error
directory_mentor_request(struct db *db, const struct actor *a,
    int64_t mentor_id, const char *message, int64_t *id_out)
{
	sqlite3_stmt *st;
	const char *err;
	char *clean;
	int64_t active, id = 0;
	int max;

	if ((err = dir_member_check(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	if (mentor_id == a->account_id)
		return CORE_ERR("error.directory.self", NULL);
	if (blocks_between(db, a->account_id, mentor_id))
		return CORE_ERR("error.directory.blocked", NULL);
	if ((max = mentor_places(db, mentor_id, &active)) < 0)
		return CORE_ERR(db_scalar(db, "SELECT 1 FROM dir_profiles WHERE "
		    "account_id = ?1 AND listed = 1 AND hidden = 0", mentor_id,
		    0, 0) == 1 ? "error.directory.not_mentor" :
		    "error.directory.not_found", NULL);
	if (db_scalar(db, "SELECT 1 FROM dir_mentorships WHERE state IN (0, 1) "
	    "AND ((mentor_id = ?1 AND mentee_id = ?2) OR (mentor_id = ?2 AND "
	    "mentee_id = ?1))", mentor_id, a->account_id, 0) == 1)
		return CORE_ERR("error.directory.request_open", NULL);
	if (active >= max)
		return CORE_ERR("error.directory.mentor_full", NULL);
	if ((clean = dir_clean(message, true, DIR_MESSAGE_MAX)) == NULL ||
	    clean[strspn(clean, " \t\n")] == '\0') {
		free(clean);
		return CORE_ERR_ARG("error.directory.message_length",
		    "message", DIR_MESSAGE_MAX);
	}
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if ((st = db_prepare(db, "INSERT INTO dir_mentorships (mentor_id, "
	    "mentee_id, message, requested) VALUES (?1, ?2, ?3, ?4)")) == NULL)
		err = "error.internal";
	else {
		sqlite3_bind_int64(st, 1, mentor_id);
		sqlite3_bind_int64(st, 2, a->account_id);
		db_bind_text(st, 3, clean);
		sqlite3_bind_int64(st, 4, db_now());
		if (db_step_done(st) != SQLITE_DONE)
			err = "error.internal";
		else
			id = sqlite3_last_insert_rowid(db->h);
	}
	if (err == NULL)
		err = tell(db, a, mentor_id, "directory.requested", id, clean);
	if (err == NULL)
		err = db_audit(db, a, "mentorship", id, "mentor_request", NULL);
	free(clean);
	if ((err = db_tx_end(db, err)) == NULL && id_out != NULL)
		*id_out = id;
	return CORE_ERR(err, NULL);
}

struct ms_row {
	int64_t	mentor, mentee;
	int	state;
};

static int
load(struct db *db, int64_t id, struct ms_row *r)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prepare(db, "SELECT mentor_id, mentee_id, state FROM "
	    "dir_mentorships WHERE id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->mentor = sqlite3_column_int64(st, 0);
		r->mentee = sqlite3_column_int64(st, 1);
		r->state = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Sets the state of mentorship ?1 to ?2 with a text ?3 (the answer or a
 * reflection) at ?4, and who ended it as ?5 when sql has one. */
static const char *
set_state(struct db *db, int64_t id, int state, const char *sql,
    const char *text, int64_t who)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, sql)) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, state);
	db_bind_text(st, 3, text);
	sqlite3_bind_int64(st, 4, db_now());
	if (sqlite3_bind_parameter_count(st) >= 5)
		sqlite3_bind_int64(st, 5, who);
	return db_step_done(st) == SQLITE_DONE ? NULL : "error.internal";
}

struct core_error
directory_mentor_answer(struct db *db, const struct actor *a, int64_t id,
    bool accept, const char *message)
{
	struct ms_row r;
	const char *err;
	char *clean;
	int64_t active;

	if ((err = dir_member_check(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	if (load(db, id, &r) != 0 || r.mentor != a->account_id)
		return CORE_ERR("error.directory.not_found", NULL);
	if (r.state != DIR_MS_REQUESTED)
		return CORE_ERR("error.directory.state", NULL);
	if (accept && blocks_between(db, r.mentor, r.mentee))
		return CORE_ERR("error.directory.blocked", NULL);
	/* Places are counted when accepting: requests may outnumber them. */
	if (accept && mentor_places(db, r.mentor, &active) <= active)
		return CORE_ERR("error.directory.mentor_full", NULL);
	if ((clean = dir_clean(message, true, DIR_MESSAGE_MAX)) == NULL)
		return CORE_ERR_ARG("error.directory.message_length",
		    "message", DIR_MESSAGE_MAX);
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	err = set_state(db, id, accept ? DIR_MS_ACTIVE : DIR_MS_DECLINED,
	    "UPDATE dir_mentorships SET state = ?2, answer = ?3, answered = ?4 "
	    "WHERE id = ?1", clean, 0);
	if (err == NULL)
		err = tell(db, a, r.mentee, accept ? "directory.accepted" :
		    "directory.declined", id, clean);
	if (err == NULL)
		err = db_audit(db, a, "mentorship", id, accept ?
		    "mentor_accept" : "mentor_decline", NULL);
	free(clean);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

struct core_error
directory_mentor_end(struct db *db, const struct actor *a, int64_t id,
    const char *reflection)
{
	struct ms_row r;
	const char *err;
	char *clean;
	bool mentor;

	if (a->guest || a->account_id == 0)
		return CORE_ERR("error.directory.guest", NULL);
	/* Ending stays possible while suspended: it only takes back. */
	if (load(db, id, &r) != 0 || (r.mentor != a->account_id &&
	    r.mentee != a->account_id))
		return CORE_ERR("error.directory.not_found", NULL);
	if (r.state != DIR_MS_ACTIVE)
		return CORE_ERR("error.directory.state", NULL);
	if ((clean = dir_clean(reflection, true, DIR_MESSAGE_MAX)) == NULL)
		return CORE_ERR_ARG("error.directory.message_length",
		    "reflection", DIR_MESSAGE_MAX);
	mentor = r.mentor == a->account_id;
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	err = set_state(db, id, DIR_MS_ENDED, mentor ?
	    "UPDATE dir_mentorships SET state = ?2, mentor_reflection = ?3, "
	    "ended = ?4, ended_by = ?5 WHERE id = ?1" :
	    "UPDATE dir_mentorships SET state = ?2, mentee_reflection = ?3, "
	    "ended = ?4, ended_by = ?5 WHERE id = ?1", clean, a->account_id);
	if (err == NULL)
		err = tell(db, a, mentor ? r.mentee : r.mentor,
		    "directory.ended", id, NULL);
	if (err == NULL)
		err = db_audit(db, a, "mentorship", id, "mentor_end", NULL);
	free(clean);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

struct core_error
directory_mentor_withdraw(struct db *db, const struct actor *a, int64_t id)
{
	struct ms_row r;
	const char *err;

	if (a->guest || a->account_id == 0)
		return CORE_ERR("error.directory.guest", NULL);
	if (load(db, id, &r) != 0 || r.mentee != a->account_id)
		return CORE_ERR("error.directory.not_found", NULL);
	if (r.state != DIR_MS_REQUESTED)
		return CORE_ERR("error.directory.state", NULL);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	err = set_state(db, id, DIR_MS_ENDED, "UPDATE dir_mentorships SET "
	    "state = ?2, mentee_reflection = ?3, ended = ?4, ended_by = ?5 "
	    "WHERE id = ?1", "", a->account_id);
	if (err == NULL)
		err = tell(db, a, r.mentor, "directory.withdrawn", id, NULL);
	if (err == NULL)
		err = db_audit(db, a, "mentorship", id, "mentor_withdraw", NULL);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

int
directory_mentorships(struct db *db, const struct actor *viewer, int offset,
    int limit, struct dir_mentorship_list *out)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (offset < 0 || limit <= 0)
		return -1;
	if (viewer->guest || viewer->account_id == 0)
		return 0;
	if ((st = db_prepare(db, "SELECT m.id, a.id, a.display, m.mentor_id = "
	    "?1, m.state, m.message, m.answer, m.requested, m.answered, "
	    "m.ended, m.ended_by FROM dir_mentorships m JOIN accounts a ON "
	    "a.id = CASE WHEN m.mentor_id = ?1 THEN m.mentee_id ELSE "
	    "m.mentor_id END WHERE m.mentor_id = ?1 OR m.mentee_id = ?1 ORDER "
	    "BY m.state IN (0, 1) DESC, m.id DESC LIMIT ?3 OFFSET ?2")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, viewer->account_id);
	sqlite3_bind_int(st, 2, offset);
	sqlite3_bind_int(st, 3, limit + 1);
	while ((rc = db_page_step(st, out->n, limit, &out->more)) ==
	    SQLITE_ROW) {
		struct dir_mentorship *m;

		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		m = &out->v[out->n++];
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(st, 0);
		m->other_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, m->other_display,
		    sizeof m->other_display);
		m->viewer_is_mentor = sqlite3_column_int(st, 3) != 0;
		m->state = (enum dir_ms_state)sqlite3_column_int(st, 4);
		db_column_copy(st, 5, m->message, sizeof m->message);
		db_column_copy(st, 6, m->answer, sizeof m->answer);
		m->requested = sqlite3_column_int64(st, 7);
		m->answered = sqlite3_column_int64(st, 8);
		m->ended = sqlite3_column_int64(st, 9);
		m->ended_by = sqlite3_column_int64(st, 10);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		dir_mentorship_list_free(out);
		return -1;
	}
	return 0;
}

void
dir_mentorship_list_free(struct dir_mentorship_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int64_t
directory_mentor_waiting(struct db *db, const struct actor *viewer)
{
	if (viewer->guest || viewer->account_id == 0)
		return 0;
	return db_scalar(db, "SELECT count(*) FROM dir_mentorships WHERE "
	    "mentor_id = ?1 AND state = 0", viewer->account_id, 0, -1);
}
