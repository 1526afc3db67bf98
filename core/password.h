/* Password hashing for core's accounts: yescrypt through libxcrypt, at most
 * one hash per CPU core at a time across all processes. Internal to core. */
#ifndef TINKLAS_PASSWORD_H
#define TINKLAS_PASSWORD_H

#include <stdbool.h>

/* Returns a new yescrypt hash (cost 5) of password, or NULL on failure.
 * lockbase names the hash-slot lock files ("<lockbase>.hashlock.N"). */
char *password_hash(const char *lockbase, const char *password);
/* True when password matches hash, compared in constant time. A NULL hash
 * (unknown user) is checked against a dummy setting of the same cost and
 * is false, so the time taken tells nothing. */
bool password_verify(const char *lockbase, const char *password,
    const char *hash);
/* Returns NULL, or an error key: "error.password.short" (its message
 * takes min_len as {0}), ".long", ".contains_name" or ".weak". */
const char *password_quality(const char *password, const char *name,
    int min_len);

/* NULL when the cracklib dictionary libpwquality needs is in place, else
 * its base path (a setup error: without it every password would be
 * refused, so the dictionary check is skipped and this is logged once). */
const char *password_dict_missing(void);
/* Tests: use this dictionary base path (NULL: libpwquality's own). */
void password_set_dict(const char *base);

#endif
