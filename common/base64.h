/* Base64 (RFC 4648, the standard alphabet), as SSH public key lines and
 * fingerprints write it. */
#ifndef TINKLAS_COMMON_BASE64_H
#define TINKLAS_COMMON_BASE64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Strict: a multiple of 4 characters, `=` padding only at the end.
 * Returns the bytes (allocated, *outlen set), or NULL. */
uint8_t *base64_decode(const char *s, size_t len, size_t *outlen);
/* Returns an allocated encoding of len bytes, padded with `=` when pad. */
char *base64_encode(const uint8_t *data, size_t len, bool pad);

#endif
