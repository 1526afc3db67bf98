/* Authentication in the connection process: publickey, password and
 * keyboard-interactive against core's accounts; "new" and "guest" need
 * nothing at all. Failures are logged in OpenSSH's words so fail2ban's
 * sshd filter matches them; passwords are never logged. */
#include "server/conn.h"

#include "common/config.h"
#include "common/log.h"
#include "core/accounts.h"
#include "core/keys.h"
#include "core/sessions.h"
#include "server/keyfp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static enum conn_who auth_special(const struct conn *, const char *);
static void	auth_accepted(struct conn *, enum conn_who, int64_t,
		    const char *, const char *, const char *);
static bool	auth_password_ok(struct conn *, const char *, const char *,
		    const char *);
static void	auth_count_failure(struct conn *, const char *, bool, bool);
static bool	auth_key_held(struct conn *, const char *, ssh_key, char *,
		    size_t, int64_t *);
static int	auth_none(ssh_session, const char *, void *);
static int	auth_password(ssh_session, const char *, const char *, void *);
static int	auth_pubkey(ssh_session, const char *, struct ssh_key_struct *,
		    char, void *);
static int	auth_message(ssh_session, ssh_message, void *);

/* Returns who the pseudo-users "new" and "guest" stand for when the site
 * enables them, WHO_NOBODY for everybody else. */
static enum conn_who
auth_special(const struct conn *c, const char *user)
{
	if (user == NULL)
		return WHO_NOBODY;
	if (c->cfg->registration && strcasecmp(user, "new") == 0)
		return WHO_REGISTER;
	if (c->cfg->guest && strcasecmp(user, "guest") == 0)
		return WHO_GUEST;
	return WHO_NOBODY;
}

/* Marks the connection authenticated, logs it and registers a member's
 * session (over the account's limit the shell is refused later with a
 * message, which tells the person more than "Permission denied"; so are
 * guests over their limits and suspended members, see auth_password_ok). */
static void
auth_accepted(struct conn *c, enum conn_who who, int64_t account_id,
    const char *user, const char *method, const char *extra)
{
	int rc;

	c->authenticated = true;
	c->authenticated_ms = conn_now_ms();
	c->who = who;
	c->account_id = account_id;
	log_escape(user, c->user, sizeof c->user);
	log_info("Accepted %s for %s from %s port %d ssh2%s%s", method, c->user,
	    c->addr, c->port, extra, c->suspended ?
	    " (suspended: shown the notice)" : "");
	if (who == WHO_REGISTER &&
	    c->registrations_from >= c->cfg->registrations_per_hour) {
		/* Each `new` session can make an account: F6. */
		c->register_refused = true;
		log_info("Refused registration from %s port %d: %d started "
		    "from there in the last hour", c->addr, c->port,
		    c->registrations_from);
		return;
	}
	if (who != WHO_MEMBER) {
		if (c->guests_from >= c->cfg->guests_per_source ||
		    c->guests_all >= c->cfg->guests_max) {
			c->guest_refused = true;
			log_info("Refused %s from %s port %d: %d guest and "
			    "registration sessions from there, %d in all",
			    c->user, c->addr, c->port, c->guests_from,
			    c->guests_all);
		} else if (conn_db(c) == NULL || session_begin_guest(c->db,
		    who == WHO_GUEST ? SESSION_GUEST : SESSION_REGISTER,
		    getpid(), c->addr) != 0)
			/* Its own limits are the listener's: it goes on,
			 * only uncounted among those online. */
			log_error("Cannot record the session of %s from %s "
			    "port %d: is the database writable?", c->user,
			    c->addr, c->port);
		return;
	}
	if (c->suspended)
		return;	/* no session: it only shows the notice */
	rc = session_begin(c->db, account_id, getpid(), c->addr,
	    c->cfg->sessions_per_account);
	if (rc == SESSION_FULL) {
		c->session_refused = true;
		log_info("Refused session for %s from %s port %d: %d sessions "
		    "already open", c->user, c->addr, c->port,
		    c->cfg->sessions_per_account);
	} else if (rc != 0) {
		/* Not the limit: the database could not be written (F9). */
		c->session_error = true;
		log_error("Cannot record the session of %s from %s port %d: "
		    "is the database writable?", c->user, c->addr, c->port);
	}
}

/* Counts one failed attempt and ends the connection at the limit. */
static void
auth_count_failure(struct conn *c, const char *user, bool password,
    bool invalid)
{
	char name[128];
	int *n = password ? &c->pw_failures : &c->key_failures;
	int max = password ? c->cfg->max_auth_tries_pw :
	    c->cfg->max_auth_tries_keys;

	if (++*n < max)
		return;
	c->too_many = true;
	log_escape(user, name, sizeof name);
	log_info("error: maximum authentication attempts exceeded for %s%s "
	    "from %s port %d ssh2 [preauth]", invalid ? "invalid user " : "",
	    name, c->addr, c->port);
}

/* Verifies a password (unknown names cost the same time as known ones),
 * logs the outcome and accepts or counts the failure.
 *
 * A suspended member with the right password (or key, auth_pubkey) logs
 * in, and the session then only shows the suspension notice, in their
 * language: until when and why, and ends. Refusing at the SSH level could
 * only say "Permission denied" (SSH has no way to carry a translated
 * reason before login), would count as a failed login and put a penalty
 * on the address, perhaps a whole school's NAT. Someone without the
 * password learns nothing: a wrong password is refused exactly as for
 * any account. */
static bool
auth_password_ok(struct conn *c, const char *user, const char *password,
    const char *method)
{
	struct account a;
	char name[128];
	bool known, ok;

	if (conn_db(c) == NULL)
		return false;	/* logged; not the client's failure */
	log_escape(user, name, sizeof name);
	known = account_by_name(c->db, user, &a) == 0;
	ok = account_verify_password(c->db, user, password, &a) == 0;
	if (ok) {
		c->suspended = account_is_suspended(&a, time(NULL));
		auth_accepted(c, WHO_MEMBER, a.id, user, method, "");
		return true;
	}
	log_info("Failed %s for %s%s from %s port %d ssh2", method,
	    known ? "" : "invalid user ", name, c->addr, c->port);
	auth_count_failure(c, user, true, !known);
	return false;
}

/* True when key is one of user's stored keys: found by fingerprint, then
 * compared in full. fp gets the fingerprint, *account_id the owner. */
static bool
auth_key_held(struct conn *c, const char *user, ssh_key key, char *fp,
    size_t fpsz, int64_t *account_id)
{
	struct sshkey_row row;
	struct account a;
	ssh_key stored = NULL;
	bool held = false;

	if (conn_db(c) == NULL || keyfp_sha256(key, fp, fpsz) != 0 ||
	    key_find(c->db, fp, &row) != 0)
		return false;
	if (account_by_id(c->db, row.account_id, &a) == 0 &&
	    strcasecmp(a.name, user) == 0 &&
	    ssh_pki_import_pubkey_base64(row.blob,
	    ssh_key_type_from_name(row.type), &stored) == SSH_OK &&
	    ssh_key_cmp(stored, key, SSH_KEY_CMP_PUBLIC) == 0) {
		held = true;
		*account_id = a.id;
	}
	ssh_key_free(stored);
	free(row.blob);
	free(row.comment);
	return held;
}

static int
auth_none(ssh_session session, const char *user, void *userdata)
{
	struct conn *c = userdata;
	enum conn_who who = auth_special(c, user);

	(void)session;
	if (c->too_many || who == WHO_NOBODY)
		return SSH_AUTH_DENIED;
	auth_accepted(c, who, 0, user, "none", "");
	return SSH_AUTH_SUCCESS;
}

static int
auth_password(ssh_session session, const char *user, const char *password,
    void *userdata)
{
	struct conn *c = userdata;
	enum conn_who who = auth_special(c, user);

	(void)session;
	if (c->too_many || user == NULL || password == NULL)
		return SSH_AUTH_DENIED;
	if (who != WHO_NOBODY) {
		auth_accepted(c, who, 0, user, "password", "");
		return SSH_AUTH_SUCCESS;
	}
	return auth_password_ok(c, user, password, "password") ?
	    SSH_AUTH_SUCCESS : SSH_AUTH_DENIED;
}

/* libssh has checked the signature before state is VALID; in the probe
 * state (NONE) only keys we hold get a yes. */
static int
auth_pubkey(ssh_session session, const char *user, struct ssh_key_struct *key,
    char state, void *userdata)
{
	struct conn *c = userdata;
	char fp[80], name[128], extra[128];
	int64_t id = 0;
	struct account a;

	(void)session;
	if (c->too_many || user == NULL || auth_special(c, user) != WHO_NOBODY)
		return SSH_AUTH_DENIED;
	if (!auth_key_held(c, user, key, fp, sizeof fp, &id) ||
	    (state != SSH_PUBLICKEY_STATE_NONE &&
	    state != SSH_PUBLICKEY_STATE_VALID)) {
		if (state != SSH_PUBLICKEY_STATE_NONE) {
			log_escape(user, name, sizeof name);
			log_info("Failed publickey for %s from %s port %d ssh2: "
			    "%s %s", name, c->addr, c->port, keyfp_label(key),
			    fp);
		}
		auth_count_failure(c, user, false, false);
		return SSH_AUTH_DENIED;
	}
	if (state == SSH_PUBLICKEY_STATE_NONE)
		return SSH_AUTH_SUCCESS;
	if (account_by_id(c->db, id, &a) != 0)
		return SSH_AUTH_DENIED;
	/* Suspended: logged in to be told why (see auth_password_ok). */
	c->suspended = account_is_suspended(&a, time(NULL));
	snprintf(extra, sizeof extra, ": %s %s", keyfp_label(key), fp);
	auth_accepted(c, WHO_MEMBER, id, user, "publickey", extra);
	return SSH_AUTH_SUCCESS;
}

/* keyboard-interactive, which libssh 0.10 only offers as messages: one
 * password prompt, the same for every name in every language (a prompt in
 * the account's language would tell which names exist), so it names the
 * word in all five (uk and ru share "Пароль"). The answers message carries
 * no user name, so the first message's is remembered. Returns 1 for libssh's default reply. */
static int
auth_message(ssh_session session, ssh_message msg, void *userdata)
{
	struct conn *c = userdata;
	const char *user, *answer;
	const char *prompts[] = { "Slaptažodis / Password / Пароль / Hasło: " };
	char echo[] = { 0 };
	enum conn_who who;

	if (ssh_message_type(msg) != SSH_REQUEST_AUTH ||
	    ssh_message_subtype(msg) != SSH_AUTH_METHOD_INTERACTIVE ||
	    c->too_many || c->authenticated)
		return 1;
	if (!ssh_message_auth_kbdint_is_response(msg)) {
		if ((user = ssh_message_auth_user(msg)) == NULL)
			return 1;
		if ((who = auth_special(c, user)) != WHO_NOBODY) {
			auth_accepted(c, who, 0, user, "keyboard-interactive",
			    "");
			ssh_message_auth_reply_success(msg, 0);
			return 0;
		}
		/* Checked whole or not at all: a longer name cut short could
		 * be another account's. */
		if (strlen(user) > AUTH_USER_MAX) {
			c->kbd_pending = false;
			return 1;
		}
		memcpy(c->kbd_user, user, strlen(user) + 1);
		c->kbd_pending = true;
		ssh_message_auth_interactive_request(msg, "", "", 1, prompts,
		    echo);
		return 0;
	}
	if (!c->kbd_pending)
		return 1;
	c->kbd_pending = false;
	if (ssh_userauth_kbdint_getnanswers(session) != 1 ||
	    (answer = ssh_userauth_kbdint_getanswer(session, 0)) == NULL)
		answer = "";
	if (!auth_password_ok(c, c->kbd_user, answer, "keyboard-interactive"))
		return 1;
	ssh_message_auth_reply_success(msg, 0);
	return 0;
}

void
auth_setup(struct conn *c)
{
	memset(&c->server_cb, 0, sizeof c->server_cb);
	c->server_cb.userdata = c;
	c->server_cb.auth_none_function = auth_none;
	c->server_cb.auth_password_function = auth_password;
	c->server_cb.auth_pubkey_function = auth_pubkey;
	c->server_cb.channel_open_request_session_function = channel_open;
	ssh_callbacks_init(&c->server_cb);
	ssh_set_server_callbacks(c->session, &c->server_cb);
	ssh_set_message_callback(c->session, auth_message, c);
	ssh_set_auth_methods(c->session, SSH_AUTH_METHOD_PUBLICKEY |
	    SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE);
}

int
auth_exit_status(const struct conn *c)
{
	if (c->too_many || c->pw_failures > 0)
		return CONN_EXIT_AUTHFAIL;
	return CONN_EXIT_NOAUTH;
}
