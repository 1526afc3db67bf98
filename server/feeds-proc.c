/* The listener keeps the feeds process (see feeds.h): exec'd fresh, so it
 * never holds the host key; ended with the listener (SIGTERM, and the
 * parent-death signal if the listener dies first); started again when it
 * ends, after a pause that grows while it keeps ending at once. */
#include "server/feeds.h"
#include "server/selfproc.h"

#include "common/config.h"
#include "common/log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define FEEDS_QUICK_MS		10000	/* an end this soon counts as quick */
#define FEEDS_PAUSE_MS		1000	/* first pause, doubled per quick end */
#define FEEDS_PAUSE_MAX_MS	60000

void
feeds_proc_start(struct feeds_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms)
{
	pid_t pid;

	p->restart_at = 0;
	if (cfg->feeds_addr == NULL)
		return;
	if ((pid = self_fork()) < 0) {
		log_error("feeds: fork: %s", strerror(errno));
		p->restart_at = now_ms + FEEDS_PAUSE_MS;
		return;
	}
	if (pid == 0)
		self_exec(cfg, self, config_file, "feeds");
	p->pid = pid;
	p->started_at = now_ms;
}

bool
feeds_proc_reaped(struct feeds_proc *p, pid_t pid, int status, bool stopping,
    int64_t now_ms)
{
	int64_t pause;
	int i;

	if (p->pid == 0 || pid != p->pid)
		return false;
	p->pid = 0;
	if (stopping)
		return true;
	if (WIFSIGNALED(status))
		log_error("feeds process %ld ended by signal %d", (long)pid,
		    WTERMSIG(status));
	else
		log_error("feeds process %ld ended with status %d", (long)pid,
		    WEXITSTATUS(status));
	p->quick_ends = now_ms - p->started_at < FEEDS_QUICK_MS ?
	    p->quick_ends + 1 : 0;
	for (pause = FEEDS_PAUSE_MS, i = 0; i < p->quick_ends &&
	    pause < FEEDS_PAUSE_MAX_MS; i++)
		pause *= 2;
	p->restart_at = now_ms + (pause < FEEDS_PAUSE_MAX_MS ? pause :
	    FEEDS_PAUSE_MAX_MS);
	return true;
}

int
feeds_proc_tick(struct feeds_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms)
{
	if (p->restart_at == 0)
		return -1;
	if (now_ms >= p->restart_at) {
		feeds_proc_start(p, cfg, self, config_file, now_ms);
		return p->restart_at == 0 ? -1 : (int)(p->restart_at - now_ms);
	}
	return (int)(p->restart_at - now_ms);
}
