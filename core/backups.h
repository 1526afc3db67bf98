/* The backups `tinklas admin backup` took, so `tinklas admin status` can
 * say when the last one was (and warn when it is too long ago). */
#ifndef TINKLAS_BACKUPS_H
#define TINKLAS_BACKUPS_H

#include <stddef.h>
#include <stdint.h>

struct db;

struct backup_entry {
	int64_t	at;		/* UTC seconds */
	char	path[1024];
	int64_t	bytes;
};

/* Records a backup written to path (bytes long) now. 0 or -1. */
int backup_record(struct db *db, const char *path, int64_t bytes);
/* The newest backup: 1 and *out, 0 when none was ever taken, -1 on a
 * database error. */
int backup_last(struct db *db, struct backup_entry *out);

#endif
