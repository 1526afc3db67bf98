/* SHA-256 (FIPS 180-4), for SSH key fingerprints. No library: the UI
 * process needs fingerprints and may not use libssh or OpenSSL (one room
 * per outside library); the fingerprints need no speed, only the FIPS
 * test vectors (tests/unit/test_pubkey.c) and ssh-keygen's output. */
#ifndef TINKLAS_COMMON_SHA256_H
#define TINKLAS_COMMON_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32

/* Writes the digest of the len bytes at data to out. */
void sha256(const void *data, size_t len, uint8_t out[SHA256_LEN]);

#endif
