/* When a process started, as the kernel counts it: what tells a live
 * process from a later one that was given the same pid. */
#ifndef TINKLAS_PROCSTAT_H
#define TINKLAS_PROCSTAT_H

#include <stdint.h>
#include <sys/types.h>

/* Field 22 (starttime, clock ticks since boot) of /proc/PID/stat, or -1
 * when there is no such process (or /proc cannot be read). */
int64_t proc_starttime(pid_t pid);

#endif
