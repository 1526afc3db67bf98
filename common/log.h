/* One line per event on stderr: time, pid, then the message; errors also
 * in a capped file of their own (log_set_error_file). Callers pass
 * user-supplied text through log_escape() (or core's sanitiser) first: a log
 * line never carries control characters, and log_msg escapes any that a
 * caller missed (bytes outside printable ASCII become \xhh). */
#ifndef TINKLAS_LOG_H
#define TINKLAS_LOG_H

#include <stddef.h>

/* The most errors.log holds: a line that would take it past this renames
 * it to errors.log.1 (replacing the one before) and starts it anew. */
#define LOG_ERRORS_MAX	(64 * 1024)

void log_set_prog(const char *prog);
/* Where log_error appends its lines besides stderr (DATA/errors.log, for
 * `tinklas admin status`), or NULL for nowhere; a file that cannot be
 * written is skipped without a word. */
void log_set_error_file(const char *path);
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define log_info(...)	log_msg(__VA_ARGS__)
/* log_msg, and the same line appended to the error file. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes s into out (size outsz) with every byte outside printable ASCII as
 * \xhh, as OpenSSH does for user names in its logs; returns out. */
char *log_escape(const char *s, char *out, size_t outsz);

#endif
