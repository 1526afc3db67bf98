/* `ssh host NAME`: the outputs of the domains (core/output.h: help,
 * whoami, and each feature's own). The connection process only looks a
 * name up and checks who may ask (output_find, output_allowed); the
 * output is written by a freshly exec'd `tinklas exec` (uiproc_exec),
 * which never holds the host key and gets only the account, the
 * language and the name (exec_main). No libssh here. */
#ifndef TINKLAS_SERVER_EXEC_H
#define TINKLAS_SERVER_EXEC_H

#include <stdint.h>

struct config;

/* `tinklas exec`: writes output command for account_id (0 for a guest)
 * in lang (the account's own language wins) to stdout. Returns the exit
 * status. */
int exec_main(const struct config *cfg, int64_t account_id, const char *lang,
    const char *command);

#endif
