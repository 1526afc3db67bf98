/* `tinklas maintain` and its schedule (see maintain.h). */
#include "server/maintain.h"
#include "server/selfproc.h"

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "core/db.h"
#include "core/domain.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int
maintain_main(const struct config *cfg)
{
	struct db *db;
	char err[256], *path;
	int rc;

	/* Recurrences are expanded in the site's zone. */
	if (i18n_init(cfg->timezone) != 0) {
		log_error("maintain: the catalogs cannot be opened");
		return 1;
	}
	path = config_path(cfg, "tinklas.db");
	rc = db_open(path, &db, err, sizeof err);
	free(path);
	if (rc != 0) {
		log_error("maintain: database: %s", err);
		i18n_shutdown();
		return 1;
	}
	rc = domain_maintain(db, clock_now()) == 0 ? 0 : 1;
	if (rc == 0)
		log_info("Upkeep done");
	db_close(db);
	i18n_shutdown();
	return rc;
}

int
maintain_proc_tick(struct maintain_proc *p, const struct config *cfg,
    const char *self, const char *config_file, int64_t now_ms)
{
	pid_t pid;

	if (p->pid > 0)
		return -1;
	if (now_ms < p->due_at)
		return (int)(p->due_at - now_ms);
	p->due_at = now_ms + (int64_t)DOMAIN_MAINTAIN_SECONDS * 1000;
	if ((pid = self_fork()) < 0)
		log_error("maintain: fork: %s", strerror(errno));
	else if (pid == 0)
		self_exec(cfg, self, config_file, "maintain");
	else
		p->pid = pid;
	return p->pid > 0 ? -1 : (int)(p->due_at - now_ms);
}

bool
maintain_proc_reaped(struct maintain_proc *p, pid_t pid, int status)
{
	if (p->pid == 0 || pid != p->pid)
		return false;
	p->pid = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		log_error("the upkeep process %ld failed (status %d)", (long)pid,
		    status);
	return true;
}
