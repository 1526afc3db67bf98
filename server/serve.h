/* `tinklas serve`: the SSH listener and its connection processes. */
#ifndef TINKLAS_SERVE_H
#define TINKLAS_SERVE_H

struct config;

/* Runs the listener until SIGTERM or SIGINT; returns the exit status.
 * self is the path of the tinklas binary, exec'd for each UI process;
 * config_file (may be NULL) is passed on to it. */
int serve_main(const struct config *cfg, const char *self,
    const char *config_file);

#endif
