/* OpenSSH public key lines ("ssh-ed25519 AAAA... comment"): parsing,
 * checking and the SHA256 fingerprint exactly as ssh-keygen -lf prints it.
 * Plain C types only, and no SSH library behind it (see core/pubkey.c), so
 * the settings screen and the admin command use it without knowing SSH. */
#ifndef TINKLAS_PUBKEY_H
#define TINKLAS_PUBKEY_H

struct pubkey_info {
	char	 type[40];		/* "ssh-ed25519" */
	char	*blob;			/* base64, canonical */
	char	*comment;		/* sanitised, may be "" */
	char	 fingerprint[64];	/* "SHA256:..." */
};

/* Returns NULL and fills out, or an error key ("error.key.format",
 * "error.key.weak" for RSA under 2048 bits or DSA). */
const char *pubkey_parse_line(const char *line, struct pubkey_info *out);
void pubkey_info_free(struct pubkey_info *info);

#endif
