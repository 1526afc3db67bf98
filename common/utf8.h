/* Counting in UTF-8 without a library: for limits stated in characters. */
#ifndef TINKLAS_UTF8_H
#define TINKLAS_UTF8_H

#include <stddef.h>

/* Code points in s (valid UTF-8, as the sanitiser returns it), or in its
 * first n bytes. */
size_t utf8_count(const char *s);
size_t utf8_count_n(const char *s, size_t n);

#endif
