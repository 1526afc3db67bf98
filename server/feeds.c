/* `tinklas feeds`: the HTTP side of the subscription feeds (see feeds.h).
 * One libmicrohttpd thread answers every request, so the database handle
 * and the interface language are used from that thread only; the main
 * thread waits for SIGTERM. */
#include "server/feeds.h"

#include "common/config.h"
#include "common/log.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/output.h"
#include "i18n/i18n.h"

#include <microhttpd.h>

#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define FEEDS_TIMEOUT_S		10	/* a client that sends nothing */
#define FEEDS_REQUEST_MEMORY	16384	/* headers and path; more gets 431 */

struct feeds {
	const struct config	*cfg;
	struct db		*db;
};

static enum MHD_Result	feeds_answer(void *, struct MHD_Connection *,
			    const char *, const char *, const char *,
			    const char *, size_t *, void **);
/* Answers status with body (freed); no_store for a member's feed and
 * for errors, which no cache should keep. */
static enum MHD_Result	feeds_reply(struct MHD_Connection *, int,
			    const char *, char *, size_t, bool);
static int		feeds_write(struct feeds *, const struct feeds_route *,
			    const char *, char **, size_t *);
static void		feeds_mhd_log(void *, const char *, va_list);

static enum MHD_Result
feeds_reply(struct MHD_Connection *conn, int status, const char *type,
    char *body, size_t len, bool no_store)
{
	struct MHD_Response *r;
	enum MHD_Result rc;

	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	/* A member's address is a secret: never in a Referer, never kept
	 * by a shared cache. */
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
	    no_store ? "private, no-store" : "public, max-age=300");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	rc = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);
	return rc;
}

/* Writes the routed output as its reader: the member in their language,
 * or a guest in the site's. 0, or -1 when it failed. */
static int
feeds_write(struct feeds *f, const struct feeds_route *route,
    const char *name, char **body, size_t *len)
{
	struct output_ctx ctx = { .db = f->db, .name = name };
	struct account a;
	struct actor actor;
	int rc;

	if (output_reader(&ctx, route->account_id, f->cfg->default_lang, &a,
	    &actor) != 0)
		return -1;
	if ((ctx.out = open_memstream(body, len)) == NULL)
		return -1;
	rc = route->output->write(&ctx);
	if (fclose(ctx.out) != 0 || rc != 0) {
		free(*body);
		*body = NULL;
		return -1;
	}
	return 0;
}

static enum MHD_Result
feeds_answer(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req)
{
	static int headers_seen;
	struct feeds *f = cls;
	struct feeds_route route;
	char shown[160], esc[400], *body = NULL;
	const char *name;
	size_t len = 0;

	(void)version;
	(void)upload;
	/* The first call has the headers only; answer on the second, when
	 * any body has arrived (and been refused: nothing takes one). */
	if (*req == NULL) {
		*req = &headers_seen;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	feeds_log_path(url, shown, sizeof shown);
	log_escape(shown, esc, sizeof esc);
	if (feeds_route(f->db, method, url, output_find, &route) != 0) {
		log_error("feeds: %s %s: database error", method, esc);
		return feeds_reply(conn, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "text/plain; charset=utf-8", strdup("Unavailable.\n"), 13,
		    true);
	}
	if (route.status != 200) {
		log_info("Feed %s %s: %d", method, esc, route.status);
		body = strdup(route.status == 405 ? "Method not allowed.\n" :
		    "Not found.\n");
		return feeds_reply(conn, route.status,
		    "text/plain; charset=utf-8", body, strlen(body), true);
	}
	name = strrchr(url, '/') + 1;
	if (feeds_write(f, &route, name, &body, &len) != 0) {
		log_error("feeds: %s %s: the output failed", method, esc);
		return feeds_reply(conn, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "text/plain; charset=utf-8", strdup("Unavailable.\n"), 13,
		    true);
	}
	log_info("Feed %s %s: 200, %zu bytes", method, esc, len);
	return feeds_reply(conn, 200, route.output->media_type, body, len,
	    route.account_id > 0);
}

static void
feeds_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[256], esc[512];

	(void)cls;
	vsnprintf(line, sizeof line, fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	log_error("feeds: %s", log_escape(line, esc, sizeof esc));
}

int
feeds_main(const struct config *cfg)
{
	struct feeds f = { .cfg = cfg };
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
	    .ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV };
	struct addrinfo *ai = NULL;
	struct sockaddr_storage bound;
	socklen_t blen = sizeof bound;
	const union MHD_DaemonInfo *info;
	struct MHD_Daemon *d;
	char port[16], host[NI_MAXHOST], serv[NI_MAXSERV], err[256], *path;
	sigset_t stop;
	int sig, rc;

	if (cfg->feeds_addr == NULL) {
		fprintf(stderr, "tinklas feeds: feeds_listen is not set\n");
		return 2;
	}
	if (i18n_init(cfg->timezone) != 0) {
		log_error("feeds: the catalogs cannot be opened");
		return 1;
	}
	path = config_path(cfg, "tinklas.db");
	rc = db_open(path, &f.db, err, sizeof err);
	free(path);
	if (rc != 0) {
		log_error("feeds: database: %s", err);
		i18n_shutdown();
		return 1;
	}
	snprintf(port, sizeof port, "%d", cfg->feeds_port);
	if ((rc = getaddrinfo(cfg->feeds_addr, port, &hints, &ai)) != 0) {
		log_error("feeds_listen %s: %s", cfg->feeds_addr,
		    gai_strerror(rc));
		goto fail;
	}
	/* Signals wait in the main thread; the daemon's thread inherits
	 * the mask and never sees them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	    MHD_USE_ERROR_LOG | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0),
	    0, NULL, NULL, feeds_answer, &f,
	    MHD_OPTION_EXTERNAL_LOGGER, feeds_mhd_log, NULL,
	    MHD_OPTION_SOCK_ADDR, ai->ai_addr,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->feeds_connections,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->feeds_per_source,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)FEEDS_TIMEOUT_S,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)FEEDS_REQUEST_MEMORY,
	    MHD_OPTION_END);
	freeaddrinfo(ai);
	if (d == NULL) {
		log_error("feeds: cannot listen on %s port %d", cfg->feeds_addr,
		    cfg->feeds_port);
		goto fail;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_LISTEN_FD);
	/* The port the system chose for feeds_listen's port 0 (tests). */
	if (info == NULL || getsockname(info->listen_fd,
	    (struct sockaddr *)&bound, &blen) != 0 ||
	    getnameinfo((struct sockaddr *)&bound, blen, host, sizeof host,
	    serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		snprintf(host, sizeof host, "%s", cfg->feeds_addr);
		snprintf(serv, sizeof serv, "%d", cfg->feeds_port);
	}
	printf(strchr(host, ':') != NULL ? "Feeds listening on [%s]:%s\n" :
	    "Feeds listening on %s:%s\n", host, serv);
	fflush(stdout);
	log_info("Feeds listening on %s port %s", host, serv);
	while (sigwait(&stop, &sig) != 0)
		;
	MHD_stop_daemon(d);
	db_close(f.db);
	i18n_shutdown();
	log_info("Feeds stopped");
	return 0;
fail:
	db_close(f.db);
	i18n_shutdown();
	return 1;
}
