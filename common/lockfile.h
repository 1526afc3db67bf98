/* The data folder's "a server runs here" lock: `tinklas serve` holds it
 * for its life, and `tinklas admin restore` refuses to overwrite the
 * database while anyone holds it. A POSIX record lock (fcntl F_SETLK):
 * the kernel drops it when the holder dies, and forked children do not
 * inherit it, so a connection process left after the listener ended
 * does not keep a restarted server out. */
#ifndef TINKLAS_LOCKFILE_H
#define TINKLAS_LOCKFILE_H

/* Takes the lock on path (creating the file). Returns the open fd that
 * holds it (close it to let go), or -1: errno EAGAIN when someone else
 * holds it, another errno when the file cannot be opened. */
int lockfile_take(const char *path);

#endif
