/* Site configuration: built-in defaults, then the config file, then the
 * command line. The file is "key = value" lines; '#' starts a comment.
 * etc/tinklas.conf documents every key. */
#ifndef TINKLAS_CONFIG_H
#define TINKLAS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct config {
	char	*listen_addr;		/* listen = 127.0.0.1:2222 */
	int	 port;
	char	*data_dir;		/* data = var */
	bool	 registration;		/* registration = yes */
	bool	 guest;			/* guest = yes */
	char	*timezone;		/* timezone = Europe/Vilnius */
	char	*default_lang;		/* language = lt */
	char	*motd;			/* motd = ... (one line, any language) */
	char	*public_host;		/* public_host = HOST[:PORT], "" unknown */
	int	 idle_minutes;		/* idle_timeout = 30 */
	int	 guest_idle_minutes;	/* guest_idle_timeout = 10 */
	int	 idle_seconds;		/* idle_timeout_seconds = 0 (0: the
					 * minutes apply; for tests) */
	int	 guest_idle_seconds;	/* guest_idle_timeout_seconds = 0 */
	int	 idle_warning_seconds;	/* idle_warning_seconds = 60 */
	int	 notice_poll_ms;	/* notice_poll_ms = 5000 */
	int	 login_grace;		/* login_grace_time = 30 (seconds) */
	int	 max_auth_tries_keys;	/* max_auth_tries = 6 */
	int	 max_auth_tries_pw;	/* max_password_tries = 3 */
	int	 startups_begin;	/* max_startups = 10:30:60 */
	int	 startups_rate;
	int	 startups_full;
	int	 per_source_max;	/* per_source_max_startups = 3 */
	int	 penalty_authfail;	/* penalty_authfail = 5 */
	int	 penalty_noauth;	/* penalty_noauth = 1 */
	int	 penalty_grace;		/* penalty_grace_exceeded = 10 */
	int	 penalty_crash;		/* penalty_crash = 90 */
	int	 penalty_min;		/* penalty_refuse_at = 15 */
	int	 penalty_max;		/* penalty_max = 600 */
	int	 sessions_per_account;	/* sessions_per_account = 3 */
	int	 guests_per_source;	/* guest_sessions_per_source = 50 */
	int	 guests_max;		/* guest_sessions_max = 200 */
	int	 registrations_per_hour;	/* registrations_per_hour = 30 */
	int	 shell_wait;		/* shell_wait_time = 30 (seconds) */
	int	 silent_grace;		/* silent_grace_time = 10 (seconds) */
	int	 alive_interval;	/* client_alive_interval = 15 (seconds) */
	int	 alive_count_max;	/* client_alive_count_max = 4 */
	char	*penalty_exempt;	/* penalty_exempt = (CIDR list) */
	int	 password_min_length;	/* password_min_length = 10 */
	int	 ui_max_memory_mb;	/* ui_max_memory = 256 (MiB of address space) */
	int	 ui_max_cpu_seconds;	/* ui_max_cpu = 600 */
	int	 posts_per_minute;	/* posts_per_minute = 5 (flood limit) */
	int	 accounts_per_hour; /* accounts_per_hour = 30 ("new"
					 * refuses beyond it; 0: no limit) */
	char	*feeds_addr;		/* feeds_listen = ADDR:PORT; NULL: off */
	int	 feeds_port;
	char	*feeds_url;		/* feeds_url = https://HOST/PATH, "" unknown */
	int	 feeds_connections;	/* feeds_connections = 64 */
	int	 feeds_per_source;	/* feeds_per_source = 8 */
	int	 survey_min_group;	/* survey_min_group = 5 (the fewest
					 * answers a breakdown's group shows;
					 * core/smallgroup.h) */
	char	*admin_contact;		/* admin_contact = (one line: who
					 * answers for the data; "" none) */
};

/* The longest admin_contact, in bytes: it ends the privacy notice above
 * the registration form, which must still fit 80x24. */
#define ADMIN_CONTACT_MAX	80

/* Fills cfg with the built-in defaults. */
void config_defaults(struct config *cfg);
/* Reads path over cfg. Returns 0, or -1 with a message in err (errsz). A
 * missing file is an error only when required is true. */
int config_load(struct config *cfg, const char *path, bool required,
    char *err, size_t errsz);
/* config_load's parser: reads the lines of f (named path in errors). An
 * error is one English line, "PATH:LINE: " and why: "unknown setting
 * 'KEY'", "'KEY' must be a whole number from MIN to MAX, not 'VALUE'",
 * "'KEY' is longer than N bytes (it has M)"... A value it echoes is cut
 * and escaped (log_escape), so the line is safe for a log and a terminal.
 * What was read before the bad line stays in cfg. */
int config_read(struct config *cfg, FILE *f, const char *path, char *err,
    size_t errsz);
/* Sets one key; returns 0 or -1 when the key or value is not valid. */
int config_set(struct config *cfg, const char *key, const char *value);
/* Splits "ADDR:PORT" (or "[v6]:PORT") into listen_addr and port. */
int config_set_listen(struct config *cfg, const char *addrport);
/* The site's idle logout for members or guests, in seconds: the seconds
 * keys when set, else the minutes. */
int config_idle_seconds(const struct config *cfg, bool guest);
/* Returns a newly allocated path inside the data folder. */
char *config_path(const struct config *cfg, const char *name);
void config_free(struct config *cfg);

#endif
