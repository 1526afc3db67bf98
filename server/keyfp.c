#include "server/keyfp.h"

#include <stdio.h>

int
keyfp_sha256(ssh_key key, char *out, size_t outsz)
{
	unsigned char *hash = NULL;
	size_t hlen = 0;
	char *s;

	if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash,
	    &hlen) != 0)
		return -1;
	s = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
	ssh_clean_pubkey_hash(&hash);
	if (s == NULL)
		return -1;
	snprintf(out, outsz, "%s", s);
	ssh_string_free_char(s);
	return 0;
}

const char *
keyfp_label(ssh_key key)
{
	switch (ssh_key_type(key)) {
	case SSH_KEYTYPE_ED25519: return "ED25519";
	case SSH_KEYTYPE_RSA: return "RSA";
	case SSH_KEYTYPE_ECDSA_P256:
	case SSH_KEYTYPE_ECDSA_P384:
	case SSH_KEYTYPE_ECDSA_P521: return "ECDSA";
	case SSH_KEYTYPE_SK_ED25519: return "ED25519-SK";
	case SSH_KEYTYPE_SK_ECDSA: return "ECDSA-SK";
	case SSH_KEYTYPE_DSS: return "DSA";
	default: return "UNKNOWN";
	}
}
