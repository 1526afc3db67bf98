/* Profiles: a member saves their own (listed or not, each field with its
 * visibility), anyone reads one as they may see it, a moderator hides or
 * shows one. */
#include "core/directory-internal.h"
#include "common/xalloc.h"
#include "i18n/langname.h"

#include <stdlib.h>
#include <string.h>

/* The visibility columns, in the order of enum dir_field. */
#define VIS_COLS \
	"vis_bio, vis_eldership, vis_languages, vis_offers, vis_wants, " \
	"vis_interests, vis_avail"

static const char *const kind_fields[DIR_NKINDS] = {
	"offers", "wants", "interests",
};

struct dir_profile_input
dir_profile_input_default(void)
{
	struct dir_profile_input in;

	memset(&in, 0, sizeof in);
	in.bio = "";
	for (int f = 0; f < DIR_NFIELDS; f++)
		in.vis[f] = DIR_VIS_DEFAULT;
	return in;
}

/* What the input's text becomes: checked, sanitised copies. */
struct clean {
	char	*bio;
	char	*tags[DIR_NKINDS][DIR_TAGS_MAX];
};

static void
clean_free(struct clean *c)
{
	free(c->bio);
	for (int k = 0; k < DIR_NKINDS; k++)
		for (int i = 0; i < DIR_TAGS_MAX; i++)
			free(c->tags[k][i]);
}

static struct core_error
check_input(const struct dir_profile_input *in, struct clean *c)
{
	if ((c->bio = dir_clean(in->bio, true, DIR_BIO_MAX)) == NULL)
		return CORE_ERR_ARG("error.directory.bio_length", "bio",
		    DIR_BIO_MAX);
	if (in->eldership != NULL && *in->eldership != '\0' &&
	    !dir_eldership_valid(in->eldership))
		return CORE_ERR("error.directory.eldership", "eldership");
	if (in->nlangs < 0 || in->nlangs > DIR_LANGS_MAX ||
	    (in->nlangs > 0 && in->langs == NULL))
		return CORE_ERR_ARG("error.directory.language", "languages",
		    DIR_LANGS_MAX);
	for (int i = 0; i < in->nlangs; i++) {
		if (!i18n_language_known(in->langs[i].code) ||
		    in->langs[i].level < DIR_BASIC ||
		    in->langs[i].level > DIR_NATIVE)
			return CORE_ERR_ARG("error.directory.language",
			    "languages", DIR_LANGS_MAX);
	}
	for (int k = 0; k < DIR_NKINDS; k++) {
		if (in->ntags[k] < 0 || in->ntags[k] > DIR_TAGS_MAX ||
		    (in->ntags[k] > 0 && in->tags[k] == NULL))
			return CORE_ERR_ARG("error.directory.tags",
			    kind_fields[k], DIR_TAGS_MAX);
		for (int i = 0; i < in->ntags[k]; i++) {
			char *t = dir_clean(in->tags[k][i], false, DIR_TAG_MAX);

			c->tags[k][i] = t;
			if (t == NULL || t[strspn(t, " ")] == '\0')
				return CORE_ERR_ARG("error.directory.tag",
				    kind_fields[k], DIR_TAG_MAX);
		}
	}
	if (in->mentors && (in->max_mentees < 1 ||
	    in->max_mentees > DIR_MENTEES_MAX))
		return CORE_ERR_ARG("error.directory.mentees", "max_mentees",
		    DIR_MENTEES_MAX);
	for (int f = 0; f < DIR_NFIELDS; f++) {
		if (in->vis[f] < DIR_VIS_EVERYONE ||
		    in->vis[f] > DIR_VIS_MENTORSHIP)
			return CORE_ERR("error.directory.not_allowed", NULL);
	}
	return CORE_OK;
}

static const char *
write_profile(struct db *db, int64_t id, const struct dir_profile_input *in,
    const struct clean *c)
{
	sqlite3_stmt *st;
	int col = 1;

	if ((st = db_prepare(db, "INSERT INTO dir_profiles (account_id, "
	    "listed, bio, eldership, avail, mentors, max_mentees, " VIS_COLS
	    ", updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12, ?13, ?14, ?15) ON CONFLICT (account_id) DO UPDATE SET "
	    "listed = ?2, bio = ?3, eldership = ?4, avail = ?5, mentors = ?6, "
	    "max_mentees = ?7, vis_bio = ?8, vis_eldership = ?9, "
	    "vis_languages = ?10, vis_offers = ?11, vis_wants = ?12, "
	    "vis_interests = ?13, vis_avail = ?14, updated = ?15")) == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, col++, id);
	sqlite3_bind_int(st, col++, in->listed);
	db_bind_text(st, col++, c->bio);
	db_bind_text(st, col++, in->eldership != NULL ? in->eldership : "");
	sqlite3_bind_int(st, col++, (int)(in->avail & DIR_AV_ALL));
	sqlite3_bind_int(st, col++, in->mentors);
	sqlite3_bind_int(st, col++, in->mentors ? in->max_mentees : 0);
	for (int f = 0; f < DIR_NFIELDS; f++)
		sqlite3_bind_int(st, col++, (int)in->vis[f]);
	sqlite3_bind_int64(st, col++, db_now());
	if (db_step_done(st) != SQLITE_DONE)
		return "error.internal";
	if (db_exec_ints(db, "DELETE FROM dir_languages WHERE account_id = ?1",
	    id, 0, 0) != 0 || db_exec_ints(db, "DELETE FROM dir_profile_tags "
	    "WHERE account_id = ?1", id, 0, 0) != 0)
		return "error.internal";
	for (int i = 0; i < in->nlangs; i++) {
		if ((st = db_prepare(db, "INSERT OR REPLACE INTO dir_languages "
		    "(account_id, code, level) VALUES (?1, ?2, ?3)")) == NULL)
			return "error.internal";
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, in->langs[i].code);
		sqlite3_bind_int(st, 3, (int)in->langs[i].level);
		if (db_step_done(st) != SQLITE_DONE)
			return "error.internal";
	}
	for (int k = 0; k < DIR_NKINDS; k++) {
		for (int i = 0; i < in->ntags[k]; i++) {
			int64_t tag = dir_tag_intern(db, c->tags[k][i]);

			if (tag == 0 || db_exec_ints(db, "INSERT OR IGNORE INTO "
			    "dir_profile_tags (account_id, kind, tag_id) VALUES "
			    "(?1, ?2, ?3)", id, k, tag) != 0)
				return "error.internal";
		}
	}
	return NULL;
}

struct core_error
directory_profile_save(struct db *db, const struct actor *a,
    const struct dir_profile_input *in)
{
	struct clean c;
	struct core_error e;
	const char *err;

	memset(&c, 0, sizeof c);
	if ((err = dir_member_check(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	if (core_failed(e = check_input(in, &c))) {
		clean_free(&c);
		return e;
	}
	if ((err = db_tx_begin(db, NULL, NULL)) == NULL) {
		err = write_profile(db, a->account_id, in, &c);
		if (err == NULL)
			err = db_audit(db, a, "account", a->account_id,
			    "profile_save", NULL);
		err = db_tx_end(db, err);
	}
	clean_free(&c);
	return CORE_ERR(err, NULL);
}

/* Languages and tags of a profile whose fields in shown are visible. */
static int
load_lists(struct db *db, struct dir_profile *out)
{
	sqlite3_stmt *st;
	int rc;

	if (out->shown & DIR_FIELD_BIT(DIR_F_LANGUAGES)) {
		if ((st = db_prepare(db, "SELECT code, level FROM dir_languages "
		    "WHERE account_id = ?1 ORDER BY level DESC, code")) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, out->account_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		    out->nlangs < DIR_LANGS_MAX) {
			struct dir_lang *l = &out->langs[out->nlangs++];

			db_column_copy(st, 0, l->code, sizeof l->code);
			l->level = (enum dir_level)sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	if ((st = db_prepare(db, "SELECT t.kind, g.id, g.display FROM "
	    "dir_profile_tags t JOIN dir_tags g ON g.id = t.tag_id WHERE "
	    "t.account_id = ?1 ORDER BY t.kind, g.folded")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, out->account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int k = sqlite3_column_int(st, 0);
		struct dir_tag *t;

		if (k < 0 || k >= DIR_NKINDS || out->ntags[k] >= DIR_TAGS_MAX ||
		    !(out->shown & DIR_FIELD_BIT(DIR_F_OFFERS + k)))
			continue;
		t = &out->tags[k][out->ntags[k]++];
		t->id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, t->display, sizeof t->display);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The viewer's open mentorship with the profile's person. */
static void
load_mentorship(struct db *db, int64_t viewer, struct dir_profile *out)
{
	sqlite3_stmt *st;

	if (viewer == 0 || out->own || (st = db_prepare(db, "SELECT id, state, "
	    "mentor_id = ?1 FROM dir_mentorships WHERE state IN (0, 1) AND "
	    "((mentor_id = ?1 AND mentee_id = ?2) OR (mentor_id = ?2 AND "
	    "mentee_id = ?1))")) == NULL)
		return;
	sqlite3_bind_int64(st, 1, viewer);
	sqlite3_bind_int64(st, 2, out->account_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->mentorship_id = sqlite3_column_int64(st, 0);
		out->mentorship_state = sqlite3_column_int(st, 1);
		out->viewer_is_mentor = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_finalize(st);
}

struct core_error
directory_profile_get(struct db *db, const struct actor *viewer,
    int64_t account_id, struct dir_profile *out)
{
	sqlite3_stmt *st;
	bool mod = !viewer->guest && viewer->role >= ROLE_MODERATOR;
	int rc;

	memset(out, 0, sizeof *out);
	/* ?4: the viewer sees hidden profiles (a moderator). */
	if ((st = db_prepare(db, "SELECT p.account_id, a.display, p.listed, "
	    "p.hidden, p.bio, p.eldership, p.avail, p.mentors, p.max_mentees, "
	    DIR_ACTIVE_SQL ", " VIS_COLS ", "
	    DIR_VIS_SQL("p.vis_bio") ", " DIR_VIS_SQL("p.vis_eldership") ", "
	    DIR_VIS_SQL("p.vis_languages") ", " DIR_VIS_SQL("p.vis_offers") ", "
	    DIR_VIS_SQL("p.vis_wants") ", " DIR_VIS_SQL("p.vis_interests") ", "
	    DIR_VIS_SQL("p.vis_avail") " FROM dir_profiles p JOIN accounts a "
	    "ON a.id = p.account_id WHERE p.account_id = ?5 AND (p.account_id "
	    "= ?1 OR (p.listed = 1 AND (p.hidden = 0 OR ?4) AND "
	    "a.suspended_until <= ?2 AND " DIR_UNBLOCKED_SQL "))")) == NULL)
		return CORE_ERR("error.internal", NULL);
	dir_bind_viewer(st, viewer);
	sqlite3_bind_int(st, 4, mod);
	sqlite3_bind_int64(st, 5, account_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return CORE_ERR(rc == SQLITE_DONE ? "error.directory.not_found" :
		    "error.internal", NULL);
	}
	out->account_id = sqlite3_column_int64(st, 0);
	db_column_copy(st, 1, out->display, sizeof out->display);
	out->own = !viewer->guest && viewer->account_id == account_id;
	out->listed = sqlite3_column_int(st, 2) != 0;
	out->hidden = sqlite3_column_int(st, 3) != 0;
	out->mentors = sqlite3_column_int(st, 7) != 0;
	out->max_mentees = sqlite3_column_int(st, 8);
	out->active_mentees = sqlite3_column_int(st, 9);
	for (int f = 0; f < DIR_NFIELDS; f++) {
		if (out->own)
			out->vis[f] = (enum dir_vis)sqlite3_column_int(st,
			    10 + f);
		if (sqlite3_column_int(st, 10 + DIR_NFIELDS + f) != 0)
			out->shown |= DIR_FIELD_BIT(f);
	}
	if (out->shown & DIR_FIELD_BIT(DIR_F_BIO))
		db_column_copy(st, 4, out->bio, sizeof out->bio);
	if (out->shown & DIR_FIELD_BIT(DIR_F_ELDERSHIP))
		db_column_copy(st, 5, out->eldership, sizeof out->eldership);
	if (out->shown & DIR_FIELD_BIT(DIR_F_AVAIL))
		out->avail = (unsigned)sqlite3_column_int(st, 6);
	sqlite3_finalize(st);
	if (load_lists(db, out) != 0)
		return CORE_ERR("error.internal", NULL);
	load_mentorship(db, viewer->guest ? 0 : viewer->account_id, out);
	return CORE_OK;
}

struct core_error
directory_profile_hide(struct db *db, const struct actor *a,
    int64_t account_id, bool hide, const char *reason)
{
	char *clean = NULL;
	const char *err;

	if (a->guest || a->role < ROLE_MODERATOR)
		return CORE_ERR("error.directory.not_allowed", NULL);
	if (db_scalar(db, "SELECT 1 FROM dir_profiles WHERE account_id = ?1",
	    account_id, 0, 0) != 1)
		return CORE_ERR("error.directory.not_found", NULL);
	if (hide && ((clean = dir_clean(reason, false, DIR_REASON_MAX)) ==
	    NULL || clean[strspn(clean, " ")] == '\0')) {
		free(clean);
		return CORE_ERR_ARG("error.directory.reason_length", "reason",
		    DIR_REASON_MAX);
	}
	if ((err = db_tx_begin(db, clean, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_exec_ints(db, "UPDATE dir_profiles SET hidden = ?2 WHERE "
	    "account_id = ?1", account_id, hide, 0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, a, "account", account_id, hide ?
		    "profile_hide" : "profile_show", clean);
	/* The owner is told why their profile is gone, not by whom. */
	if (err == NULL && hide) {
		struct inbox_arg arg = { "message", clean };

		if (inbox_add(db, account_id, "directory.hidden", "account",
		    account_id, 0, &arg, 1) != 0)
			err = "error.internal";
	}
	free(clean);
	return CORE_ERR(db_tx_end(db, err), NULL);
}
