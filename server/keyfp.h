/* Fingerprints of libssh keys, shared by the host key, public key lines
 * and publickey authentication. */
#ifndef TINKLAS_SERVER_KEYFP_H
#define TINKLAS_SERVER_KEYFP_H

#include <libssh/libssh.h>
#include <stddef.h>

/* Writes key's "SHA256:..." fingerprint exactly as ssh-keygen -l prints
 * it; returns 0 or -1. */
int keyfp_sha256(ssh_key key, char *out, size_t outsz);
/* The key type as OpenSSH's logs and ssh-keygen -l name it ("ED25519",
 * "RSA", "ECDSA"). */
const char *keyfp_label(ssh_key key);

#endif
