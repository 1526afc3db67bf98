/* Accounts: validation of names and display names, creation, lookups,
 * password checks and the per-user settings. */
#include "core/accounts.h"
#include "core/db-internal.h"
#include "core/password.h"
#include "core/sanitize.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#define ACCOUNT_NAME_MIN	3
#define REASON_MAX		120	/* code points */

#define ACCOUNT_COLUMNS \
	"id, name, display, role, lang, theme, mode, charset, idle_minutes, " \
	"created, last_login, suspended_until, suspend_reason"

static const char *const role_names[] = {
	[ROLE_MEMBER] = "member",
	[ROLE_ORGANISER] = "organiser",
	[ROLE_MODERATOR] = "moderator",
	[ROLE_ADMIN] = "admin",
};

/* Names the SSH server and the system keep for themselves. */
static const char *const reserved_names[] = {
	"new", "guest", "root", "sshd", "nobody", "daemon", "system",
};

static void	row_to_account(sqlite3_stmt *, struct account *);
static int	load_one(sqlite3_stmt *, struct account *);
static int	update_int(struct db *, const char *, int64_t, int64_t);
static int	update_text(struct db *, const char *, int64_t, const char *);
static void	lower_copy(char *, const char *, size_t);

const char *
role_name(enum role r)
{
	if ((unsigned)r >= sizeof role_names / sizeof role_names[0])
		return "member";
	return role_names[r];
}

int
role_parse(const char *s, enum role *out)
{
	size_t i;

	for (i = 0; i < sizeof role_names / sizeof role_names[0]; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*out = (enum role)i;
			return 0;
		}
	}
	return -1;
}

const char *
account_check_name(const char *name)
{
	char lower[ACCOUNT_NAME_MAX + 1];
	size_t len = strlen(name), i;

	if (len < ACCOUNT_NAME_MIN || len > ACCOUNT_NAME_MAX)
		return "error.username.length";
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!(c < 0x80 && (isalnum(c) || c == '.' || c == '_' ||
		    c == '-')))
			return "error.username.chars";
	}
	if (!isalnum((unsigned char)name[0]))
		return "error.username.chars";
	lower_copy(lower, name, sizeof lower);
	for (i = 0; i < sizeof reserved_names / sizeof reserved_names[0]; i++)
		if (strcmp(lower, reserved_names[i]) == 0)
			return "error.username.reserved";
	return NULL;
}

const char *
account_check_display(const char *display)
{
	char *clean = sanitize(display, strlen(display), SANITIZE_LINE, 0, 0);
	const char *err = NULL;

	if (*clean == '\0')
		err = "error.display.length";
	else if (utf8_count(clean) > ACCOUNT_DISPLAY_MAX ||
	    i18n_width(clean) > ACCOUNT_DISPLAY_MAX)
		err = "error.display.length";
	free(clean);
	return err;
}

const char *
account_check_display_free(struct db *db, const char *display,
    const char *own_name, int64_t self_id)
{
	const char *err = NULL;
	sqlite3_stmt *st;
	char *clean;
	int rc;

	/* Every account is compared: thousands take milliseconds, and this
	 * runs only when a display name is chosen. */
	st = db_prepare(db, "SELECT name, display FROM accounts WHERE id != ?1");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, self_id);
	clean = sanitize(display, strlen(display), SANITIZE_LINE,
	    ACCOUNT_DISPLAY_MAX, ACCOUNT_DISPLAY_MAX);
	while (err == NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *other = (const char *)sqlite3_column_text(st, 1);

		if (i18n_confusable(clean, other) ||
		    ((own_name == NULL || strcasecmp(name, own_name) != 0) &&
		    i18n_confusable(clean, name)))
			err = "error.display.confusable";
	}
	if (err == NULL && rc != SQLITE_DONE)
		err = "error.internal";
	sqlite3_finalize(st);
	free(clean);
	return err;
}

const char *
account_check_password(const char *password, const char *name, int min_len)
{
	return password_quality(password, name, min_len);
}

const char *
account_password_setup_problem(void)
{
	return password_dict_missing();
}

char *
account_suspension_notice(const struct account *a)
{
	char *when, *head, *reason, *text;

	if (a->suspended_until >= ACCOUNT_SUSPEND_FOREVER)
		head = xstrdup(T("server.suspended.indefinitely"));
	else {
		when = i18n_datetime(a->suspended_until);
		head = TFA("server.suspended.until", A_STR(when));
		free(when);
	}
	if (a->suspend_reason[0] == '\0')
		return head;
	reason = TFA("server.suspended.reason", A_STR(a->suspend_reason));
	text = xasprintf("%s\n%s", head, reason);
	free(reason);
	free(head);
	return text;
}

const char *
account_create_allowed(struct db *db, int per_hour)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (per_hour <= 0)
		return NULL;
	st = db_prepare(db, "SELECT count(*) FROM accounts WHERE created > ?1");
	if (st == NULL)
		return "error.internal";
	sqlite3_bind_int64(st, 1, db_now() - 3600);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n < 0)
		return "error.internal";
	return n >= per_hour ? "error.register.busy" : NULL;
}

const char *
account_create(struct db *db, const char *name, const char *display,
    const char *password, const char *lang, enum role role, int64_t *id_out)
{
	char lower[ACCOUNT_NAME_MAX + 1], *clean, *hash;
	const char *err;
	sqlite3_stmt *st;
	int rc;

	if ((err = account_check_name(name)) != NULL ||
	    (err = account_check_display(display)) != NULL)
		return err;
	if (lang == NULL || !i18n_lang_valid(lang))
		return "error.lang.unknown";
	lower_copy(lower, name, sizeof lower);
	if ((err = account_check_display_free(db, display, lower, 0)) != NULL)
		return err;
	/* Hash before taking the write lock: it takes ~17 ms. */
	if ((hash = password_hash(db_path(db), password)) == NULL)
		return "error.internal";
	clean = sanitize(display, strlen(display), SANITIZE_LINE,
	    ACCOUNT_DISPLAY_MAX, ACCOUNT_DISPLAY_MAX);
	st = db_prepare(db, "INSERT INTO accounts (name, display, pwhash, "
	    "role, lang, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL) {
		free(clean);
		free(hash);
		return "error.internal";
	}
	db_bind_text(st, 1, lower);
	db_bind_text(st, 2, clean);
	db_bind_text(st, 3, hash);
	db_bind_text(st, 4, role_name(role));
	db_bind_text(st, 5, lang);
	sqlite3_bind_int64(st, 6, db_now());
	rc = db_step_done(st);
	free(clean);
	free(hash);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return "error.username.taken";
	if (rc != SQLITE_DONE)
		return "error.internal";
	if (id_out != NULL)
		*id_out = sqlite3_last_insert_rowid(db->h);
	return NULL;
}

int
account_by_name(struct db *db, const char *name, struct account *out)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
	    "WHERE name = ?1 COLLATE NOCASE");
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	return load_one(st, out);
}

int
account_by_id(struct db *db, int64_t id, struct account *out)
{
	sqlite3_stmt *st;

	st = db_prepare(db, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
	    "WHERE id = ?1");
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return load_one(st, out);
}

int
account_verify_password(struct db *db, const char *name,
    const char *password, struct account *out)
{
	struct account a;
	sqlite3_stmt *st;
	char *hash = NULL;
	int found = -1;
	bool ok;

	st = db_prepare(db, "SELECT pwhash, " ACCOUNT_COLUMNS " FROM accounts "
	    "WHERE name = ?1 COLLATE NOCASE");
	if (st != NULL) {
		db_bind_text(st, 1, name);
		if (sqlite3_step(st) == SQLITE_ROW) {
			hash = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
			found = 0;
		}
		if (found == 0)
			row_to_account(st, &a);
		sqlite3_finalize(st);
	}
	/* Unknown names cost one hash too (hash == NULL: the dummy). */
	ok = password_verify(db_path(db), password, hash);
	free(hash);
	if (found != 0 || !ok)
		return -1;
	if (out != NULL)
		*out = a;
	return 0;
}

bool
account_is_suspended(const struct account *a, int64_t now)
{
	return a->suspended_until != 0 && a->suspended_until > now;
}

int
account_set_password(struct db *db, int64_t id, const char *password)
{
	char *hash;
	int rc;

	if ((hash = password_hash(db_path(db), password)) == NULL)
		return -1;
	rc = update_text(db, "UPDATE accounts SET pwhash = ?2 WHERE id = ?1",
	    id, hash);
	free(hash);
	return rc;
}

int
account_set_lang(struct db *db, int64_t id, const char *lang)
{
	if (!i18n_lang_valid(lang))
		return -1;
	return update_text(db, "UPDATE accounts SET lang = ?2 WHERE id = ?1",
	    id, lang);
}

int
account_set_theme(struct db *db, int64_t id, enum theme theme)
{
	return update_int(db, "UPDATE accounts SET theme = ?2 WHERE id = ?1",
	    id, theme);
}

int
account_set_mode(struct db *db, int64_t id, enum ui_mode mode)
{
	return update_int(db, "UPDATE accounts SET mode = ?2 WHERE id = ?1",
	    id, mode);
}

int
account_set_charset(struct db *db, int64_t id, enum charset cs)
{
	return update_int(db, "UPDATE accounts SET charset = ?2 WHERE id = ?1",
	    id, cs);
}

int
account_set_idle(struct db *db, int64_t id, int minutes)
{
	if (minutes < 0 || minutes > 24 * 60)
		return -1;
	return update_int(db,
	    "UPDATE accounts SET idle_minutes = ?2 WHERE id = ?1", id, minutes);
}

int
account_set_role(struct db *db, int64_t id, enum role role)
{
	return update_text(db, "UPDATE accounts SET role = ?2 WHERE id = ?1",
	    id, role_name(role));
}

const char *
account_set_display(struct db *db, int64_t id, const char *display)
{
	struct account a;
	const char *err;
	char *clean;
	int rc;

	if ((err = account_check_display(display)) != NULL)
		return err;
	if (account_by_id(db, id, &a) != 0)
		return "error.internal";
	if ((err = account_check_display_free(db, display, a.name, id)) != NULL)
		return err;
	clean = sanitize(display, strlen(display), SANITIZE_LINE,
	    ACCOUNT_DISPLAY_MAX, ACCOUNT_DISPLAY_MAX);
	rc = update_text(db, "UPDATE accounts SET display = ?2 WHERE id = ?1",
	    id, clean);
	free(clean);
	return rc == 0 ? NULL : "error.internal";
}

int
account_suspend(struct db *db, int64_t id, int64_t until, const char *reason)
{
	sqlite3_stmt *st;
	char *clean;
	int rc;

	if (until <= 0)
		return -1;
	clean = sanitize(reason != NULL ? reason : "",
	    reason != NULL ? strlen(reason) : 0, SANITIZE_LINE, REASON_MAX, 0);
	st = db_prepare(db, "UPDATE accounts SET suspended_until = ?2, "
	    "suspend_reason = ?3 WHERE id = ?1");
	if (st == NULL) {
		free(clean);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, until);
	db_bind_text(st, 3, clean);
	rc = db_step_done(st);
	free(clean);
	return rc == SQLITE_DONE && sqlite3_changes(db->h) == 1 ? 0 : -1;
}

int
account_unsuspend(struct db *db, int64_t id)
{
	return update_text(db, "UPDATE accounts SET suspended_until = 0, "
	    "suspend_reason = ?2 WHERE id = ?1", id, "");
}

int
account_touch_login(struct db *db, int64_t id, int64_t *previous)
{
	sqlite3_stmt *st;
	int64_t prev = 0;
	int rc;

	if (db_begin(db) != 0)
		return -1;
	st = db_prepare(db, "SELECT last_login FROM accounts WHERE id = ?1");
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		prev = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		goto fail;
	if (update_int(db, "UPDATE accounts SET last_login = ?2 WHERE id = ?1",
	    id, db_now()) != 0)
		goto fail;
	if (db_commit(db) != 0)
		return -1;
	if (previous != NULL)
		*previous = prev;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

int
account_each(struct db *db, int (*fn)(const struct account *, void *),
    void *arg)
{
	struct account a;
	sqlite3_stmt *st;
	int n = 0, rc;

	st = db_prepare(db, "SELECT " ACCOUNT_COLUMNS " FROM accounts "
	    "ORDER BY name");
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_to_account(st, &a);
		n++;
		if (fn(&a, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

int64_t
account_count(struct db *db)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if ((st = db_prepare(db, "SELECT count(*) FROM accounts")) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Fills a from a row whose columns start with ACCOUNT_COLUMNS at the
 * statement's last 13 columns. */
static void
row_to_account(sqlite3_stmt *st, struct account *a)
{
	int c = sqlite3_column_count(st) - 13;
	enum role role = ROLE_MEMBER;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, c + 0);
	db_column_copy(st, c + 1, a->name, sizeof a->name);
	db_column_copy(st, c + 2, a->display, sizeof a->display);
	role_parse((const char *)sqlite3_column_text(st, c + 3), &role);
	a->role = role;
	db_column_copy(st, c + 4, a->lang, sizeof a->lang);
	a->theme = (enum theme)sqlite3_column_int(st, c + 5);
	a->mode = (enum ui_mode)sqlite3_column_int(st, c + 6);
	a->charset = (enum charset)sqlite3_column_int(st, c + 7);
	a->idle_minutes = sqlite3_column_int(st, c + 8);
	a->created = sqlite3_column_int64(st, c + 9);
	a->last_login = sqlite3_column_int64(st, c + 10);
	a->suspended_until = sqlite3_column_int64(st, c + 11);
	db_column_copy(st, c + 12, a->suspend_reason, sizeof a->suspend_reason);
}

/* Steps st once; 0 and fills out when a row came, else -1. Finalizes. */
static int
load_one(sqlite3_stmt *st, struct account *out)
{
	int rc = -1;

	if (sqlite3_step(st) == SQLITE_ROW) {
		row_to_account(st, out);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs an UPDATE of one account (?1 id, ?2 value); 0 when a row changed. */
static int
update_int(struct db *db, const char *sql, int64_t id, int64_t v)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, v);
	if (db_step_done(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : -1;
}

static int
update_text(struct db *db, const char *sql, int64_t id, const char *v)
{
	sqlite3_stmt *st;

	if ((st = db_prepare(db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, v);
	if (db_step_done(st) != SQLITE_DONE)
		return -1;
	return sqlite3_changes(db->h) == 1 ? 0 : -1;
}

/* Copies s lower-cased (ASCII) into dst of size n. */
static void
lower_copy(char *dst, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n && s[i] != '\0'; i++)
		dst[i] = (char)tolower((unsigned char)s[i]);
	dst[i] = '\0';
}

bool
account_is_erased(const char *name)
{
	return name[0] == '#';
}
