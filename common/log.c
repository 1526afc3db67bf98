#include "common/log.h"

#include <assert.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *log_prog = "tinklas";
static char error_file[4096];

static void	escape_into(const char *, char *, size_t, bool);
static void	log_line(bool, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));
static void	append_error(const char *, size_t);

void
log_set_prog(const char *prog)
{
	log_prog = prog;
}

void
log_set_error_file(const char *path)
{
	if (path == NULL || strlen(path) + 3 > sizeof error_file)
		error_file[0] = '\0';
	else
		snprintf(error_file, sizeof error_file, "%s", path);
}

void
log_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line(false, fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_line(true, fmt, ap);
	va_end(ap);
}

static void
log_line(bool error, const char *fmt, va_list ap)
{
	char stamp[32], line[1024], safe[1024], out[1200];
	struct tm tm;
	time_t now = time(NULL);
	int n;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(line, sizeof line, fmt, ap);
	escape_into(line, safe, sizeof safe, true);
	n = snprintf(out, sizeof out, "%s %s[%ld]: %s\n", stamp, log_prog,
	    (long)getpid(), safe);
	assert(n > 0 && (size_t)n < sizeof out);
	/* One write per line so that lines of concurrent processes never mix. */
	if (write(STDERR_FILENO, out, n) < 0) {
		/* Nowhere left to say so. */
	}
	if (error)
		append_error(out, n);
}

/* Appends one line to the error file, first renaming a file the line
 * would take past LOG_ERRORS_MAX to FILE.1. Processes that race here lose
 * at most a line into the older file, never mix lines (O_APPEND). */
static void
append_error(const char *line, size_t len)
{
	char old[sizeof error_file + 2];
	struct stat st;
	int fd;

	if (error_file[0] == '\0')
		return;
	fd = open(error_file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NOFOLLOW, 0600);
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && st.st_size + (off_t)len > LOG_ERRORS_MAX) {
		close(fd);
		snprintf(old, sizeof old, "%s.1", error_file);
		rename(error_file, old);
		fd = open(error_file, O_WRONLY | O_APPEND | O_CREAT |
		    O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd < 0)
			return;
	}
	if (write(fd, line, len) < 0) {
		/* A full disk: stderr has the line. */
	}
	close(fd);
}

/* Copies in to out with every byte outside printable ASCII as \xhh (and a
 * backslash too when keep_backslash is false), cut to outsz. The log line
 * itself passes here with keep_backslash set, as the backstop behind
 * log_escape at the call sites: whatever a caller forgot (a library's
 * error text that quotes the client, F1 of the reliability review) cannot
 * start a line of its own or reach an administrator's terminal, and text a
 * call site escaped already is not escaped twice. */
static void
escape_into(const char *in, char *out, size_t outsz, bool keep_backslash)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	assert(outsz > 0);
	for (; in != NULL && *in != '\0'; in++) {
		unsigned char c = (unsigned char)*in;

		if (c >= 0x20 && c < 0x7f && (keep_backslash || c != '\\')) {
			if (o + 1 >= outsz)
				break;
			out[o++] = (char)c;
		} else {
			if (o + 4 >= outsz)
				break;
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

char *
log_escape(const char *s, char *out, size_t outsz)
{
	if (outsz > 0)
		escape_into(s, out, outsz, false);
	return out;
}
