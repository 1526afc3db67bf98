/* `tinklas admin restore FILE`: puts a backup in place of the database.
 * The copy is checked first (core/db-restore.c); a running server's lock
 * on the data folder (common/lockfile.h) refuses it, and is held while the
 * copy is written so a server cannot start in the middle; the database it
 * replaces is kept beside it first, so a wrong file can be undone. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "common/lockfile.h"
#include "core/db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int	keep_current(const struct config *, const char *);

int
admin_cmd_restore(struct admin_ctx *ctx, int argc, char **argv)
{
	char *live, *lock, err[512];
	int fd, rc = 1;

	if (argc != 2) {
		fputs("usage: tinklas admin restore FILE\n", stderr);
		return 2;
	}
	if (db_restore_check(argv[1], err, sizeof err) != 0)
		return admin_fail("%s; nothing was changed", err);
	lock = config_path(ctx->cfg, "serve.lock");
	live = config_path(ctx->cfg, "tinklas.db");
	if ((fd = lockfile_take(lock)) < 0) {
		if (errno == EAGAIN)
			admin_fail("a running server uses %s; stop it first "
			    "(systemctl stop tinklas); nothing was changed",
			    live);
		else
			admin_fail("%s: %s (run `tinklas admin init` first)",
			    lock, strerror(errno));
		goto done;
	}
	if (access(live, F_OK) == 0 && keep_current(ctx->cfg, live) != 0)
		goto done;
	/* Checked above, before anything was touched. */
	if (db_restore(argv[1], live, err, sizeof err) != 0) {
		admin_fail("%s", err);
		goto done;
	}
	/* Opening migrates a copy an older version made; the entry lands in
	 * the restored database's own audit log. */
	if (db_open(live, &ctx->db, err, sizeof err) != 0) {
		admin_fail("%s", err);
		goto done;
	}
	admin_audit(ctx, "db.restore", "", "");
	printf("restored %s from %s\n", live, argv[1]);
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	free(lock);
	free(live);
	return rc;
}

/* Copies the database about to be replaced to
 * DATA/before-restore-YYYYmmdd-HHMMSS.db. 0, or 1 after saying why. */
static int
keep_current(const struct config *cfg, const char *live)
{
	char *dest, err[512];
	struct db *db = NULL;
	int rc = 0;

	dest = admin_stamped_path(cfg, "before-restore");
	if (db_open(live, &db, err, sizeof err) != 0 ||
	    db_backup(db, dest, err, sizeof err) != 0)
		rc = admin_fail("cannot keep the current database first (%s); "
		    "nothing was changed", err);
	else
		printf("the current database is kept as %s\n", dest);
	db_close(db);
	free(dest);
	return rc;
}
