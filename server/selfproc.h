/* The listener's helpers that are this program again: `tinklas feeds`
 * and `tinklas maintain`, each exec'd fresh (so none holds the host key),
 * ended with the listener (SIGTERM, and the parent-death signal if the
 * listener dies first). */
#ifndef TINKLAS_SERVER_SELFPROC_H
#define TINKLAS_SERVER_SELFPROC_H

#include <sys/types.h>

struct config;

/* fork() after flushing stdout (the child must not write it twice). */
pid_t self_fork(void);
/* In the child: `self SUBCOMMAND [--config FILE] --data DIR` with
 * nothing open but stdin, stdout and stderr, default signals. */
void self_exec(const struct config *cfg, const char *self,
    const char *config_file, const char *subcommand)
    __attribute__((noreturn));

#endif
