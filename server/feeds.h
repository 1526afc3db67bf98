/* The subscription feeds: read-only HTTP (libmicrohttpd) for the outputs
 * that a domain marks as feeds (core/output.h), so calendar programs keep
 * themselves up to date. `tinklas serve` starts `tinklas feeds` as a
 * process of its own, exec'd fresh (it never holds the host key), when
 * feeds_listen is set, and starts it again if it ends. Only GET and HEAD
 * of known paths: an ANYONE feed at /NAME, a MEMBERS feed at
 * /u/TOKEN/NAME (core/feed-tokens.h); everything else is 404 or 405.
 * Connections, per-address connections, time and request memory are
 * bounded. Meant to sit behind a TLS reverse proxy (etc/feeds-nginx.conf). */
#ifndef TINKLAS_SERVER_FEEDS_H
#define TINKLAS_SERVER_FEEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct config;
struct db;
struct output;

/* What one request gets. */
struct feeds_route {
	int			 status;	/* 200, 404 or 405 */
	const struct output	*output;	/* 200: what to write */
	int64_t			 account_id;	/* 200: 0 for a public feed */
};

/* Decides from the method and the path alone (the query is not looked
 * at); find looks a name up (output_find, or a test's table). Returns -1
 * on a database error, else 0 with r filled. */
int feeds_route(struct db *db, const char *method, const char *path,
    const struct output *(*find)(const char *), struct feeds_route *r);
/* The path as the log may show it: a member's token left out. */
void feeds_log_path(const char *path, char *out, size_t outsz);
/* `tinklas feeds`: serves until SIGTERM. Returns the exit status. */
int feeds_main(const struct config *cfg);

/* The listener's side (feeds-proc.c): the feeds process it keeps. */
struct feeds_proc {
	pid_t		 pid;		/* 0: not running */
	int64_t		 restart_at;	/* ms; 0: no restart due */
	int		 quick_ends;	/* ends soon after a start, in a row */
	int64_t		 started_at;
};

/* Starts `self feeds` when feeds_listen is set. */
void feeds_proc_start(struct feeds_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms);
/* For each child the listener reaps: true when it was the feeds
 * process, whose restart is then due (sooner or later by how fast it
 * ended; never while stopping). */
bool feeds_proc_reaped(struct feeds_proc *p, pid_t pid, int status,
    bool stopping, int64_t now_ms);
/* Restarts it when due; returns the ms until a restart is due, or -1. */
int feeds_proc_tick(struct feeds_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms);

#endif
