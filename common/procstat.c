#include "common/procstat.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int64_t
proc_starttime(pid_t pid)
{
	char path[64], buf[1024], *p, *end;
	long long v;
	ssize_t n;
	int fd, field;

	if (pid <= 0)
		return -1;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* Field 2 is the command name in parentheses, which may itself hold
	 * spaces and ")": count fields from the last ")". */
	if ((p = strrchr(buf, ')')) == NULL)
		return -1;
	p++;
	for (field = 2; field < 21; field++) {
		if ((p = strchr(p + 1, ' ')) == NULL)
			return -1;
	}
	v = strtoll(p + 1, &end, 10);
	if (end == p + 1 || v < 0)
		return -1;
	return (int64_t)v;
}
