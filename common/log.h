/* One line per event on stderr: time, pid, then the message. Callers pass
 * user-supplied text through log_escape() (or core's sanitiser) first: a log
 * line never carries control characters, and log_msg escapes any that a
 * caller missed (bytes outside printable ASCII become \xhh). */
#ifndef TINKLAS_LOG_H
#define TINKLAS_LOG_H

#include <stddef.h>

void log_set_prog(const char *prog);
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define log_info(...)	log_msg(__VA_ARGS__)
#define log_error(...)	log_msg(__VA_ARGS__)
/* Writes s into out (size outsz) with every byte outside printable ASCII as
 * \xhh, as OpenSSH does for user names in its logs; returns out. */
char *log_escape(const char *s, char *out, size_t outsz);

#endif
