/* The data folder's server lock (common/lockfile.h). */
#include "common/lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int
lockfile_take(const char *path)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd, e;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return -1;
	if (fcntl(fd, F_SETLK, &fl) != 0) {
		e = (errno == EACCES) ? EAGAIN : errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}
