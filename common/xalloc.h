/* Allocation wrappers that never return NULL: on exhaustion they log and
 * exit, as tmux's do. Callers never check for NULL. */
#ifndef TINKLAS_XALLOC_H
#define TINKLAS_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Resizes to n elements of size bytes each; a product that overflows
 * size_t is treated as exhaustion, as tmux's xreallocarray does. */
void *xreallocarray(void *ptr, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated, formatted string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
