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
/* Returns the string, leaving the buffer empty; the caller frees it. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
