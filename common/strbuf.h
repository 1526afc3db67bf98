/* A growable NUL-terminated byte string. */
#ifndef TINKLAS_STRBUF_H
#define TINKLAS_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*s;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
};

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_putc(struct strbuf *sb, char c);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* For a buffer used as a queue read from the front, of which *off bytes
 * were read: drops the read bytes once they are all of it or at least half
 * of it (then *off becomes 0), so that the buffer never holds more than
 * twice its unread bytes, at the cost of about one copy of each byte. */
void sb_consumed(struct strbuf *sb, size_t *off);
/* Returns the string, leaving the buffer empty; the caller frees it. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
