#include "common/config.h"
#include "common/xalloc.h"

#include <errno.h>
#include <limits.h>
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

/* A host name or address as people type it after ssh, with an optional
 * :PORT; it is shown on screens, so nothing else gets in. Empty is valid
 * (not known). */
static bool
valid_host(const char *v)
{
	return strlen(v) <= 255 && strspn(v, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == strlen(v);
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

/* feeds_url: the address people use, as the reverse proxy serves it;
 * shown on screens, so only the characters a URL needs. */
static bool
valid_url(const char *v)
{
	return strlen(v) <= 200 && (*v == '\0' ||
	    strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) &&
	    strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-:[]/_~%") == strlen(v);
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

int
config_set(struct config *cfg, const char *key, const char *v)
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
	size_t i;

	for (i = 0; i < sizeof ints / sizeof ints[0]; i++)
		if (strcmp(key, ints[i].key) == 0)
			return parse_int(v, ints[i].min, ints[i].max,
			    (int *)((char *)cfg + ints[i].off));
	if (strcmp(key, "listen") == 0)
		return config_set_listen(cfg, v);
	if (strcmp(key, "feeds_listen") == 0)
		return set_feeds_listen(cfg, v);
	if (strcmp(key, "registration") == 0)
		return parse_bool(v, &cfg->registration);
	if (strcmp(key, "guest") == 0)
		return parse_bool(v, &cfg->guest);
	if (strcmp(key, "max_startups") == 0)
		return set_startups(cfg, v);
	if (strcmp(key, "data") == 0 && *v != '\0')
		set_str(&cfg->data_dir, v);
	else if (strcmp(key, "timezone") == 0 && *v != '\0')
		set_str(&cfg->timezone, v);
	else if (strcmp(key, "language") == 0 && *v != '\0')
		set_str(&cfg->default_lang, v);
	else if (strcmp(key, "motd") == 0)
		set_str(&cfg->motd, v);
	else if (strcmp(key, "public_host") == 0 && valid_host(v))
		set_str(&cfg->public_host, v);
	else if (strcmp(key, "feeds_url") == 0 && valid_url(v))
		set_str(&cfg->feeds_url, v);
	else if (strcmp(key, "penalty_exempt") == 0)
		set_str(&cfg->penalty_exempt, v);
	else if (strcmp(key, "admin_contact") == 0 &&
	    strlen(v) <= ADMIN_CONTACT_MAX)
		set_str(&cfg->admin_contact, v);
	else
		return -1;
	return 0;
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
	char line[1024];
	int lineno = 0;

	while (fgets(line, sizeof line, f) != NULL) {
		char *s = trim(line), *eq, *key, *val;

		lineno++;
		if (*s == '\0' || *s == '#')
			continue;
		if ((eq = strchr(s, '=')) == NULL) {
			snprintf(err, errsz, "%s:%d: expected key = value", path, lineno);
			return -1;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (config_set(cfg, key, val) != 0) {
			snprintf(err, errsz, "%s:%d: bad setting '%s'", path, lineno, key);
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
