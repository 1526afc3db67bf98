#include "common/log.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static const char *log_prog = "tinklas";

static void	escape_into(const char *, char *, size_t, bool);

void
log_set_prog(const char *prog)
{
	log_prog = prog;
}

void
log_msg(const char *fmt, ...)
{
	char stamp[32], line[1024], safe[1024];
	struct tm tm;
	time_t now = time(NULL);
	va_list ap;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	escape_into(line, safe, sizeof safe, true);
	/* One write per line so that lines of concurrent processes never mix. */
	dprintf(STDERR_FILENO, "%s %s[%ld]: %s\n", stamp, log_prog, (long)getpid(), safe);
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
