#include "common/config.h"
#include "common/log.h"
#include "common/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->listen_addr = xstrdup("127.0.0.1");
	cfg->port = 2222;
	cfg->data_dir = xstrdup(getenv("TINKLAS_DATA") && *getenv("TINKLAS_DATA") ?
	    getenv("TINKLAS_DATA") : "var");
	cfg->registration = true;
	cfg->guest = true;
	cfg->timezone = xstrdup("Europe/Vilnius");
	cfg->default_lang = xstrdup("lt");
	cfg->motd = xstrdup("");
	cfg->public_host = xstrdup("");
	cfg->penalty_exempt = xstrdup("");
	cfg->idle_minutes = 30;
	cfg->guest_idle_minutes = 10;
	cfg->idle_warning_seconds = 60;
	cfg->notice_poll_ms = 5000;
	cfg->login_grace = 30;
	cfg->max_auth_tries_keys = 6;
	cfg->max_auth_tries_pw = 3;
	cfg->startups_begin = 10;
	cfg->startups_rate = 30;
	cfg->startups_full = 60;
	cfg->per_source_max = 3;
	cfg->penalty_authfail = 5;
	cfg->penalty_noauth = 1;
	cfg->penalty_grace = 10;
	cfg->penalty_crash = 90;
	cfg->penalty_min = 15;
	cfg->penalty_max = 600;
	cfg->sessions_per_account = 3;
	cfg->guests_per_source = 50;
	cfg->guests_max = 200;
	cfg->registrations_per_hour = 30;
	cfg->shell_wait = 30;
	cfg->silent_grace = 10;
	cfg->alive_interval = 15;
	cfg->alive_count_max = 4;
	cfg->password_min_length = 10;
	cfg->ui_max_memory_mb = 256;
	cfg->ui_max_cpu_seconds = 600;
	cfg->posts_per_minute = 5;
	cfg->accounts_per_hour = 30;
	cfg->feeds_url = xstrdup("");
	cfg->feeds_connections = 64;
	cfg->feeds_per_source = 8;
	cfg->survey_min_group = 5;
	cfg->admin_contact = xstrdup("");
}

/* The longest line config_read takes, without its newline. */
#define LINE_MAX_BYTES	1022

/* The most bytes of a refused value an error line echoes, and the room
 * that takes once escaped (log_escape: up to 4 bytes each) with "...". */
#define SHOWN_MAX	40
#define SHOWN_SZ	(SHOWN_MAX * 4 + sizeof "...")

/* public_host and feeds_url are shown on screens, so only the characters
 * a host (with an optional :PORT) or a URL needs get in; empty is valid
 * for both (not known). */
#define HOST_MAX	255
#define HOST_CHARS	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" \
			"0123456789.-:[]"
#define URL_MAX		200
#define URL_CHARS	HOST_CHARS "/_~%"

/* v as an error line may echo it: its first SHOWN_MAX bytes, every byte
 * outside printable ASCII as \xhh, and "..." when it was longer. The file
 * may hold anything, and the line goes to a log and a terminal. */
static const char *
shown(const char *v, char out[SHOWN_SZ])
{
	char head[SHOWN_MAX + 1];
	size_t n = strlen(v);

	memcpy(head, v, n < SHOWN_MAX ? n : SHOWN_MAX);
	head[n < SHOWN_MAX ? n : SHOWN_MAX] = '\0';
	log_escape(head, out, SHOWN_SZ);
	if (n > SHOWN_MAX)
		strcat(out, "...");
	return out;
}

/* Puts why a value was refused into why (when not NULL); returns -1. */
static int refuse(char *why, size_t whysz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
refuse(char *why, size_t whysz, const char *fmt, ...)
{
	va_list ap;

	if (why != NULL) {
		va_start(ap, fmt);
		vsnprintf(why, whysz, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int
parse_bool(const char *v, bool *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1") ||
	    !strcasecmp(v, "on"))
		*out = true;
	else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") ||
	    !strcmp(v, "0") || !strcasecmp(v, "off"))
		*out = false;
	else
		return -1;
	return 0;
}

static int
parse_int(const char *v, int min, int max, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static void
set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = xstrdup(v);
}

/* "ADDR:PORT" or "[v6]:PORT" into a new address string and a port. */
static int
parse_addrport(const char *addrport, char **addr_out, int *port_out)
{
	const char *colon = strrchr(addrport, ':');
	char *addr;
	int port;

	/* Port 0: the system picks a free one, and "Listening on" names it
	 * (the tests run in parallel that way). */
	if (colon == NULL || colon == addrport ||
	    parse_int(colon + 1, 0, 65535, &port) != 0)
		return -1;
	addr = xstrndup(addrport, (size_t)(colon - addrport));
	if (addr[0] == '[') {
		size_t n = strlen(addr);

		if (n < 3 || addr[n - 1] != ']') {
			free(addr);
			return -1;
		}
		memmove(addr, addr + 1, n - 2);
		addr[n - 2] = '\0';
	}
	*addr_out = addr;
	*port_out = port;
	return 0;
}

int
config_set_listen(struct config *cfg, const char *addrport)
{
	char *addr;
	int port;

	if (parse_addrport(addrport, &addr, &port) != 0)
		return -1;
	free(cfg->listen_addr);
	cfg->listen_addr = addr;
	cfg->port = port;
	return 0;
}

/* feeds_listen: "" turns the feeds off. */
static int
set_feeds_listen(struct config *cfg, const char *v)
{
	char *addr = NULL;
	int port = 0;

	if (*v != '\0' && parse_addrport(v, &addr, &port) != 0)
		return -1;
	free(cfg->feeds_addr);
	cfg->feeds_addr = addr;
	cfg->feeds_port = port;
	return 0;
}

static int
set_startups(struct config *cfg, const char *v)
{
	int b, r, f;
	char tail;

	if (sscanf(v, "%d:%d:%d%c", &b, &r, &f, &tail) != 3 || b < 1 ||
	    r < 1 || r > 100 || f < b)
		return -1;
	cfg->startups_begin = b;
	cfg->startups_rate = r;
	cfg->startups_full = f;
	return 0;
}

/* A text key's limits: at most max bytes and, when chars is not NULL,
 * only those characters (allowed says which, for the error line). 0, or
 * -1 with why. */
static int
check_text(const char *key, const char *v, size_t max, const char *chars,
    const char *allowed, char *why, size_t whysz)
{
	char val[SHOWN_SZ];

	if (strlen(v) > max)
		return refuse(why, whysz, "'%s' is longer than %zu bytes "
		    "(it has %zu)", key, max, strlen(v));
	if (chars != NULL && strspn(v, chars) != strlen(v))
		return refuse(why, whysz, "'%s' may hold only %s, not '%s'",
		    key, allowed, shown(v, val));
	return 0;
}

/* feeds_url: the address people use, as the reverse proxy serves it. */
static int
check_url(const char *v, char *why, size_t whysz)
{
	char val[SHOWN_SZ];

	if (check_text("feeds_url", v, URL_MAX, URL_CHARS,
	    "letters, digits and . - : [ ] / _ ~ %", why, whysz) != 0)
		return -1;
	if (*v != '\0' && strncmp(v, "https://", 8) != 0 &&
	    strncmp(v, "http://", 7) != 0)
		return refuse(why, whysz, "'feeds_url' must be empty or start "
		    "with https:// or http://, not '%s'", shown(v, val));
	return 0;
}

/* config_set, with why the key or value was refused in why (when not
 * NULL): one English clause, config_read puts FILE:LINE before it. A
 * refused value leaves cfg as it was. */
static int
set_key(struct config *cfg, const char *key, const char *v, char *why,
    size_t whysz)
{
	static const struct {
		const char *key;
		size_t off;
		int min, max;
	} ints[] = {
		{ "idle_timeout", offsetof(struct config, idle_minutes), 1, 1440 },
		{ "guest_idle_timeout", offsetof(struct config, guest_idle_minutes), 1, 1440 },
		{ "idle_timeout_seconds", offsetof(struct config, idle_seconds), 0, 86400 },
		{ "guest_idle_timeout_seconds", offsetof(struct config, guest_idle_seconds), 0, 86400 },
		{ "idle_warning_seconds", offsetof(struct config, idle_warning_seconds), 1, 3600 },
		{ "notice_poll_ms", offsetof(struct config, notice_poll_ms), 100, 60000 },
		{ "login_grace_time", offsetof(struct config, login_grace), 1, 600 },
		{ "max_auth_tries", offsetof(struct config, max_auth_tries_keys), 1, 100 },
		{ "max_password_tries", offsetof(struct config, max_auth_tries_pw), 1, 100 },
		{ "per_source_max_startups", offsetof(struct config, per_source_max), 1, 10000 },
		{ "penalty_authfail", offsetof(struct config, penalty_authfail), 0, 3600 },
		{ "penalty_noauth", offsetof(struct config, penalty_noauth), 0, 3600 },
		{ "penalty_grace_exceeded", offsetof(struct config, penalty_grace), 0, 3600 },
		{ "penalty_crash", offsetof(struct config, penalty_crash), 0, 3600 },
		{ "penalty_refuse_at", offsetof(struct config, penalty_min), 1, 86400 },
		{ "penalty_max", offsetof(struct config, penalty_max), 1, 86400 },
		{ "sessions_per_account", offsetof(struct config, sessions_per_account), 1, 100 },
		{ "guest_sessions_per_source", offsetof(struct config, guests_per_source), 1, 100000 },
		{ "guest_sessions_max", offsetof(struct config, guests_max), 1, 100000 },
		{ "registrations_per_hour", offsetof(struct config, registrations_per_hour), 1, 100000 },
		{ "shell_wait_time", offsetof(struct config, shell_wait), 1, 600 },
		{ "silent_grace_time", offsetof(struct config, silent_grace), 1, 600 },
		{ "client_alive_interval", offsetof(struct config, alive_interval), 1, 3600 },
		{ "client_alive_count_max", offsetof(struct config, alive_count_max), 1, 100 },
		{ "password_min_length", offsetof(struct config, password_min_length), 6, 128 },
		{ "ui_max_memory", offsetof(struct config, ui_max_memory_mb), 32, 65536 },
		{ "ui_max_cpu", offsetof(struct config, ui_max_cpu_seconds), 1, 86400 },
		{ "posts_per_minute", offsetof(struct config, posts_per_minute), 1, 1000 },
		{ "accounts_per_hour", offsetof(struct config, accounts_per_hour), 0, 100000 },
		{ "feeds_connections", offsetof(struct config, feeds_connections), 1, 10000 },
		{ "feeds_per_source", offsetof(struct config, feeds_per_source), 1, 1000 },
		{ "survey_min_group", offsetof(struct config, survey_min_group), 1, 1000 },
	};
	static const char *const nonempty[] = { "data", "timezone", "language" };
	char val[SHOWN_SZ];
	bool *flag = NULL;
	char **str = NULL;
	size_t i;

	for (i = 0; i < sizeof ints / sizeof ints[0]; i++)
		if (strcmp(key, ints[i].key) == 0) {
			if (parse_int(v, ints[i].min, ints[i].max,
			    (int *)((char *)cfg + ints[i].off)) == 0)
				return 0;
			return refuse(why, whysz, "'%s' must be a whole number "
			    "from %d to %d, not '%s'", key, ints[i].min,
			    ints[i].max, shown(v, val));
		}
	for (i = 0; i < sizeof nonempty / sizeof nonempty[0]; i++)
		if (strcmp(key, nonempty[i]) == 0 && *v == '\0')
			return refuse(why, whysz, "'%s' must not be empty", key);
	if (strcmp(key, "registration") == 0)
		flag = &cfg->registration;
	else if (strcmp(key, "guest") == 0)
		flag = &cfg->guest;
	if (flag != NULL) {
		if (parse_bool(v, flag) == 0)
			return 0;
		return refuse(why, whysz, "'%s' must be yes or no, not '%s'",
		    key, shown(v, val));
	}
	if (strcmp(key, "listen") == 0) {
		if (config_set_listen(cfg, v) == 0)
			return 0;
		return refuse(why, whysz, "'listen' must be HOST:PORT or "
		    "[IPv6]:PORT, PORT from 0 to 65535, not '%s'",
		    shown(v, val));
	}
	if (strcmp(key, "feeds_listen") == 0) {
		if (set_feeds_listen(cfg, v) == 0)
			return 0;
		return refuse(why, whysz, "'feeds_listen' must be empty (off), "
		    "HOST:PORT or [IPv6]:PORT, PORT from 0 to 65535, not '%s'",
		    shown(v, val));
	}
	if (strcmp(key, "max_startups") == 0) {
		if (set_startups(cfg, v) == 0)
			return 0;
		return refuse(why, whysz, "'max_startups' must be "
		    "BEGIN:RATE:FULL, whole numbers with BEGIN at least 1, RATE "
		    "from 1 to 100 and FULL at least BEGIN, not '%s'",
		    shown(v, val));
	}
	if (strcmp(key, "data") == 0)
		str = &cfg->data_dir;
	else if (strcmp(key, "timezone") == 0)
		str = &cfg->timezone;
	else if (strcmp(key, "language") == 0)
		str = &cfg->default_lang;
	else if (strcmp(key, "motd") == 0)
		str = &cfg->motd;
	else if (strcmp(key, "penalty_exempt") == 0)
		str = &cfg->penalty_exempt;
	else if (strcmp(key, "public_host") == 0) {
		if (check_text(key, v, HOST_MAX, HOST_CHARS, "letters, digits "
		    "and . - : [ ] (HOST or HOST:PORT)", why, whysz) != 0)
			return -1;
		str = &cfg->public_host;
	} else if (strcmp(key, "feeds_url") == 0) {
		if (check_url(v, why, whysz) != 0)
			return -1;
		str = &cfg->feeds_url;
	} else if (strcmp(key, "admin_contact") == 0) {
		if (check_text(key, v, ADMIN_CONTACT_MAX, NULL, NULL, why,
		    whysz) != 0)
			return -1;
		str = &cfg->admin_contact;
	}
	if (str == NULL)
		return refuse(why, whysz, "unknown setting '%s'",
		    shown(key, val));
	set_str(str, v);
	return 0;
}

int
config_set(struct config *cfg, const char *key, const char *v)
{
	return set_key(cfg, key, v, NULL, 0);
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int
config_idle_seconds(const struct config *cfg, bool guest)
{
	if (guest)
		return cfg->guest_idle_seconds > 0 ? cfg->guest_idle_seconds :
		    cfg->guest_idle_minutes * 60;
	return cfg->idle_seconds > 0 ? cfg->idle_seconds :
	    cfg->idle_minutes * 60;
}

int
config_load(struct config *cfg, const char *path, bool required, char *err,
    size_t errsz)
{
	FILE *f;
	int rc;

	if ((f = fopen(path, "r")) == NULL) {
		if (!required && errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = config_read(cfg, f, path, err, errsz);
	fclose(f);
	return rc;
}

int
config_read(struct config *cfg, FILE *f, const char *path, char *err,
    size_t errsz)
{
	char line[LINE_MAX_BYTES + 2], why[384];
	int lineno = 0;

	while (fgets(line, sizeof line, f) != NULL) {
		char *s, *eq, *key, *val;

		lineno++;
		/* A full buffer without its newline: the line goes on (unless
		 * the file ends here), and its rest must not pass for a line
		 * of its own. */
		if (strlen(line) == sizeof line - 1 &&
		    line[sizeof line - 2] != '\n' && getc(f) != EOF) {
			snprintf(err, errsz, "%s:%d: the line is longer than %d "
			    "bytes", path, lineno, LINE_MAX_BYTES);
			return -1;
		}
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if ((eq = strchr(s, '=')) == NULL || eq == s) {
			snprintf(err, errsz, "%s:%d: expected key = value", path, lineno);
			return -1;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (set_key(cfg, key, val, why, sizeof why) != 0) {
			snprintf(err, errsz, "%s:%d: %s", path, lineno, why);
			return -1;
		}
	}
	return 0;
}

char *
config_path(const struct config *cfg, const char *name)
{
	return xasprintf("%s/%s", cfg->data_dir, name);
}

void
config_free(struct config *cfg)
{
	free(cfg->listen_addr);
	free(cfg->data_dir);
	free(cfg->timezone);
	free(cfg->default_lang);
	free(cfg->motd);
	free(cfg->public_host);
	free(cfg->feeds_addr);
	free(cfg->feeds_url);
	free(cfg->penalty_exempt);
	free(cfg->admin_contact);
	memset(cfg, 0, sizeof *cfg);
}
