/* Upkeep that time asks of the model (core/domain.h maintain hooks: the
 * calendar expands its recurring events further ahead): `tinklas
 * maintain` runs every domain's hook once; the listener starts it, exec'd
 * fresh, when it starts and then every DOMAIN_MAINTAIN_SECONDS, so the
 * process that holds the host key never parses a stored rule. */
#ifndef TINKLAS_SERVER_MAINTAIN_H
#define TINKLAS_SERVER_MAINTAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct config;

/* `tinklas maintain`. Returns the exit status. */
int maintain_main(const struct config *cfg);

/* The listener's side. */
struct maintain_proc {
	pid_t		 pid;		/* 0: not running */
	int64_t		 due_at;	/* ms of the next run */
};

/* Starts a run when one is due and none runs; returns the ms until the
 * next is due, or -1 while one runs. */
int maintain_proc_tick(struct maintain_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms);
/* For each child the listener reaps: true when it was the upkeep. */
bool maintain_proc_reaped(struct maintain_proc *p, pid_t pid, int status);

#endif
