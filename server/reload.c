/* Reading the config file again on SIGHUP (see reload.h). The file is
 * read once into memory, parsed from there and, when it passes, that same
 * text is what serve.conf gets: what sessions read is exactly what was
 * checked, whatever the file holds by then. */
#include "server/reload.h"

#include "common/config.h"
#include "common/log.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "server/limits.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIG_FILE_MAX	(1024 * 1024)
#define ACTIVE_NAME	"serve.conf"

static int	read_file(const char *, struct strbuf *, char *, size_t);
static int	parse_text(const struct strbuf *, const char *, struct config *,
		    char *, size_t);
static void	keep_restart_settings(struct config *, const struct config *,
		    const char *, const char *);
static void	put_restart_settings(struct strbuf *, const struct config *);
static int	write_active(const char *, const struct strbuf *);

/* Reads path whole into sb. 0, or -1 with err. */
static int
read_file(const char *path, struct strbuf *sb, char *err, size_t errsz)
{
	char buf[4096];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb->len + n > CONFIG_FILE_MAX) {
			snprintf(err, errsz, "%s: longer than %d bytes", path,
			    CONFIG_FILE_MAX);
			fclose(f);
			return -1;
		}
		sb_add(sb, buf, n);
	}
	n = ferror(f);
	fclose(f);
	if (n != 0) {
		snprintf(err, errsz, "%s: read error", path);
		return -1;
	}
	return 0;
}

/* Parses text (from path) over cfg. 0, or -1 with err
 * ("FILE:LINE: ..."). */
static int
parse_text(const struct strbuf *text, const char *path, struct config *cfg,
    char *err, size_t errsz)
{
	FILE *f;
	int rc;

	if (text->len == 0)
		return 0;
	if ((f = fmemopen(text->s, text->len, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = config_read(cfg, f, path, err, errsz);
	fclose(f);
	return rc;
}

/* Where the server listens and keeps its data are bound at start: a new
 * value in the file is logged and cur's kept. */
static void
keep_restart_settings(struct config *next, const struct config *cur,
    const char *path, const char *listening)
{
	if (strcmp(next->listen_addr, cur->listen_addr) != 0 ||
	    next->port != cur->port)
		log_info("reload: %s: listen = %s port %d needs a restart; "
		    "still listening on %s", path, next->listen_addr,
		    next->port, listening);
	if (strcmp(next->data_dir, cur->data_dir) != 0)
		log_info("reload: %s: data = %s needs a restart; the data "
		    "folder stays %s", path, next->data_dir, cur->data_dir);
	if ((next->feeds_addr == NULL) != (cur->feeds_addr == NULL) ||
	    (next->feeds_addr != NULL && (strcmp(next->feeds_addr,
	    cur->feeds_addr) != 0 || next->feeds_port != cur->feeds_port)))
		log_info("reload: %s: feeds_listen needs a restart; the feeds "
		    "stay as they are", path);
	free(next->listen_addr);
	next->listen_addr = xstrdup(cur->listen_addr);
	next->port = cur->port;
	free(next->data_dir);
	next->data_dir = xstrdup(cur->data_dir);
	free(next->feeds_addr);
	next->feeds_addr = cur->feeds_addr != NULL ?
	    xstrdup(cur->feeds_addr) : NULL;
	next->feeds_port = cur->feeds_port;
}

/* Appends the kept settings to serve.conf's text, so a process started
 * from it (the feeds, after a crash) sees what the listener uses. Later
 * lines win. */
static void
put_restart_settings(struct strbuf *sb, const struct config *cfg)
{
	const char *fmt = strchr(cfg->listen_addr, ':') != NULL ?
	    "[%s]:%d" : "%s:%d";
	char addr[128];

	sb_puts(sb, "\n# Kept from the start of the server (need a restart):\n");
	snprintf(addr, sizeof addr, fmt, cfg->listen_addr, cfg->port);
	sb_printf(sb, "listen = %s\ndata = %s\n", addr, cfg->data_dir);
	if (cfg->feeds_addr == NULL)
		sb_puts(sb, "feeds_listen =\n");
	else {
		fmt = strchr(cfg->feeds_addr, ':') != NULL ? "[%s]:%d" : "%s:%d";
		snprintf(addr, sizeof addr, fmt, cfg->feeds_addr,
		    cfg->feeds_port);
		sb_printf(sb, "feeds_listen = %s\n", addr);
	}
}

/* Replaces active with text (a temporary file renamed over it, so a
 * session never reads half of it). 0 or -1 (logged). */
static int
write_active(const char *active, const struct strbuf *text)
{
	char *tmp = xasprintf("%s.new", active);
	FILE *f;
	int ok;

	if ((f = fopen(tmp, "w")) == NULL) {
		log_error("cannot write %s: %s", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	ok = fwrite(text->s, 1, text->len, f) == text->len;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, active) != 0) {
		log_error("cannot write %s: %s", active, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

char *
reload_start(const struct config *cfg, const char *path)
{
	struct strbuf text = { 0 };
	struct config scratch;
	char *active, err[512];

	if (path == NULL)
		return NULL;
	active = config_path(cfg, ACTIVE_NAME);
	/* main read the file a moment ago into cfg; read it once more, as
	 * text that passes the parser, for serve.conf. */
	config_defaults(&scratch);
	if (read_file(path, &text, err, sizeof err) != 0 ||
	    parse_text(&text, path, &scratch, err, sizeof err) != 0)
		log_error("%s", err);
	else {
		put_restart_settings(&text, cfg);
		if (write_active(active, &text) == 0) {
			config_free(&scratch);
			sb_free(&text);
			return active;
		}
	}
	config_free(&scratch);
	sb_free(&text);
	free(active);
	log_error("warning: sessions read %s itself, so a change reaches "
	    "them before a reload", path);
	return xstrdup(path);
}

struct config *
reload_config(const struct config *cur, const char *path, const char *active,
    const char *listening)
{
	struct strbuf text = { 0 };
	struct source_net *nets;
	struct config *next;
	char err[512];
	int nexempt;

	if (path == NULL) {
		log_error("reload: serve was started without --config: no "
		    "file to read again");
		return NULL;
	}
	next = xcalloc(1, sizeof *next);
	config_defaults(next);
	if (read_file(path, &text, err, sizeof err) != 0 ||
	    parse_text(&text, path, next, err, sizeof err) != 0) {
		log_error("reload refused: %s; the settings in force stay",
		    err);
		goto fail;
	}
	if ((nexempt = source_nets_parse(next->penalty_exempt, &nets)) < 0) {
		log_error("reload refused: %s: penalty_exempt: not a list of "
		    "addresses and ADDR/BITS blocks; the settings in force "
		    "stay", path);
		goto fail;
	}
	free(nets);
	keep_restart_settings(next, cur, path, listening);
	if (strcmp(active, path) != 0) {
		put_restart_settings(&text, next);
		if (write_active(active, &text) != 0) {
			log_error("reload refused: sessions could not be "
			    "given %s; the settings in force stay", path);
			goto fail;
		}
	}
	sb_free(&text);
	log_info("Reloaded %s: new sessions get its settings", path);
	return next;
fail:
	sb_free(&text);
	config_free(next);
	free(next);
	return NULL;
}
