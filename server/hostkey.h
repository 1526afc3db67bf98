/* The server's ed25519 host key in the data folder. */
#ifndef TINKLAS_SERVER_HOSTKEY_H
#define TINKLAS_SERVER_HOSTKEY_H

#include <stddef.h>

/* Creates the key at path (mode 0600, with path.pub beside it) when it is
 * missing, and writes its "SHA256:..." fingerprint into fp. Returns 0, or
 * -1 with a message in err. */
int hostkey_ensure(const char *path, char *fp, size_t fpsz, char *err,
    size_t errsz);

#endif
