/* Accounts: names, display names, password hashes, roles, per-user
 * settings, suspension. Validation functions return NULL when the value
 * is fine, or a catalog key ("error.username.chars") that says why not;
 * the UI and the admin command show that key in the user's language. */
#ifndef TINKLAS_ACCOUNTS_H
#define TINKLAS_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>

struct db;

enum role { ROLE_MEMBER, ROLE_ORGANISER, ROLE_MODERATOR, ROLE_ADMIN };
enum ui_mode { UI_MODE_UNSET, UI_MODE_FULL, UI_MODE_PLAIN };
enum theme { THEME_DEFAULT, THEME_CONTRAST, THEME_MONO };
/* Whether the terminal shows UTF-8: ask at login, or the user's choice. */
enum charset { CHARSET_AUTO, CHARSET_UTF8, CHARSET_ASCII };

#define ACCOUNT_NAME_MAX	32
#define ACCOUNT_DISPLAY_MAX	64	/* code points */
/* suspended_until of a suspension without an end: 9999-12-31 23:59:59. */
#define ACCOUNT_SUSPEND_FOREVER	253402300799LL

struct account {
	int64_t		 id;
	char		 name[ACCOUNT_NAME_MAX + 1];
	char		 display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	enum role	 role;
	char		 lang[8];
	enum theme	 theme;
	enum ui_mode	 mode;
	enum charset	 charset;
	int		 idle_minutes;		/* 0: the site's default */
	int64_t		 created;
	int64_t		 last_login;		/* 0: never */
	int64_t		 suspended_until;	/* 0: not suspended */
	char		 suspend_reason[256];
};

/* Role and enum names as stored and as the admin command spells them. */
const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);

/* User names: 3-32 of a-z 0-9 . _ -, starting with a letter or digit;
 * compared case-insensitively; "new" and "guest" and a few system names
 * are reserved. Keys: "error.username.length", ".chars", ".reserved". */
const char *account_check_name(const char *name);
/* Display names: any script, sanitised as a one-line field, 1-64 code
 * points and at most 64 columns. Key: "error.display.length". */
const char *account_check_display(const char *display);
/* NULL when readers cannot take display for the display name or user
 * name of another account than self_id (0 for none: a new account) by
 * i18n_confusable; own_name, the account's own user name, may be its
 * display name. Keys: "error.display.confusable", "error.internal". */
const char *account_check_display_free(struct db *db, const char *display,
    const char *own_name, int64_t self_id);
/* Password quality through libpwquality, at least min_len characters, not
 * containing the user name. Keys: "error.password.short" (the message takes
 * min_len as {0}: format it with TFA), "error.password.long" (over 1024
 * bytes), "error.password.contains_name", "error.password.weak" (anything
 * else libpwquality refuses: dictionary words, too simple, ...). */
/* NULL, or the path of the password dictionary that is missing: a setup
 * error for `serve` and `admin init` to name at start (passwords are then
 * checked without it, never all refused). */
const char *account_password_setup_problem(void);
/* The notice a suspended member gets, in the current language: until when
 * (in the site's zone) or "until further notice", then why when a reason
 * was given, one line each. Newly allocated. */
char *account_suspension_notice(const struct account *a);
const char *account_check_password(const char *password, const char *name,
    int min_len);

/* NULL when fewer than per_hour accounts (0: no limit) were made in the
 * last hour, however made, for registration through "new" (RELIABILITY.md
 * F6); else "error.register.busy" or "error.internal". */
const char *account_create_allowed(struct db *db, int per_hour);
/* Creates an account (name lower-cased, display sanitised). Returns NULL,
 * or an error key: those of the checks above (the password is not checked
 * here), "error.username.taken", "error.lang.unknown", "error.internal".
 * *id_out gets the new id. */
const char *account_create(struct db *db, const char *name,
    const char *display, const char *password, const char *lang,
    enum role role, int64_t *id_out);
/* Returns 0 and fills out, or -1 when there is no such account. */
int account_by_name(struct db *db, const char *name, struct account *out);
int account_by_id(struct db *db, int64_t id, struct account *out);
/* Checks a password in constant time; unknown names are hashed against a
 * dummy setting of the same cost so timing tells nothing. Returns 0 and
 * fills out (when not NULL) on success, -1 otherwise. Suspended accounts
 * still verify; callers check suspended_until. */
int account_verify_password(struct db *db, const char *name,
    const char *password, struct account *out);
bool account_is_suspended(const struct account *a, int64_t now);

/* Setters; each returns 0 or -1. */
int account_set_password(struct db *db, int64_t id, const char *password);
int account_set_lang(struct db *db, int64_t id, const char *lang);
int account_set_theme(struct db *db, int64_t id, enum theme theme);
int account_set_mode(struct db *db, int64_t id, enum ui_mode mode);
int account_set_charset(struct db *db, int64_t id, enum charset cs);
int account_set_idle(struct db *db, int64_t id, int minutes);
int account_set_role(struct db *db, int64_t id, enum role role);
/* Changes the display name. NULL, or the keys of account_check_display
 * and account_check_display_free. */
const char *account_set_display(struct db *db, int64_t id,
    const char *display);
int account_suspend(struct db *db, int64_t id, int64_t until,
    const char *reason);
int account_unsuspend(struct db *db, int64_t id);
/* Records a login now; *previous gets the login before it (0 if none). */
int account_touch_login(struct db *db, int64_t id, int64_t *previous);

/* Calls fn for each account ordered by name; stops when fn returns
 * non-zero. Returns the number visited or -1. */
int account_each(struct db *db,
    int (*fn)(const struct account *a, void *arg), void *arg);
int64_t account_count(struct db *db);
/* Whether an account's name is that of an erased account ("#ID", which
 * no one can register): shown as "deleted member". */
bool account_is_erased(const char *name);

#endif
