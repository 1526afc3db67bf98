/* The configuration of a running server, read again on SIGHUP. Sessions
 * (the UI and exec processes) read the settings from DATA/serve.conf, the
 * text of the config file as the listener last accepted it, not from the
 * file itself: a file being edited, or refused, never reaches them. */
#ifndef TINKLAS_SERVER_RELOAD_H
#define TINKLAS_SERVER_RELOAD_H

struct config;

/* At start: writes DATA/serve.conf from path. Returns the file the
 * processes the server starts are to read (allocated): serve.conf, or
 * path itself when serve.conf cannot be written (logged); NULL when path
 * is NULL. */
char *reload_start(const struct config *cfg, const char *path);
/* On SIGHUP: reads path again over the defaults. Returns the settings for
 * the sessions to come (allocated; config_free and free it), serve.conf
 * rewritten to match, with the settings that need a restart (listen,
 * data, feeds_listen) kept from cur and each change of one logged; or
 * NULL when the file is refused, logged in one line naming the file and
 * line, cur and serve.conf left as they are. listening ("ADDR:PORT") is
 * the address bound, for the log. */
struct config *reload_config(const struct config *cur, const char *path,
    const char *active, const char *listening);

#endif
