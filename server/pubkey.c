/* OpenSSH public key lines for the settings screen and the admin command:
 * type check, strength check, canonical base64 and the SHA256
 * fingerprint ssh-keygen -lf prints. */
#include "server/pubkey.h"

#include "common/xalloc.h"
#include "core/sanitize.h"
#include "server/keyfp.h"

#include <libssh/libssh.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES		16384
#define COMMENT_MAX_CP		100
#define RSA_MIN_BITS		2048

static const char *const key_types[] = {
	"ssh-ed25519",
	"ecdsa-sha2-nistp256",
	"ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521",
	"sk-ssh-ed25519@openssh.com",
	"sk-ecdsa-sha2-nistp256@openssh.com",
	"ssh-rsa",
};

static int	b64_value(int);
static uint8_t	*b64_decode(const char *, size_t, size_t *);
static int	read_string(const uint8_t **, size_t *, const uint8_t **,
		    uint32_t *);
static int	rsa_bits(const uint8_t *, size_t);
static const char *pubkey_check(const char *, const char *, ssh_key *);

static int
b64_value(int ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+')
		return 62;
	if (ch == '/')
		return 63;
	return -1;
}

/* Strict base64 (padding only at the end). Returns the bytes, or NULL. */
static uint8_t *
b64_decode(const char *s, size_t len, size_t *outlen)
{
	uint8_t *out;
	uint32_t acc = 0;
	size_t i, o = 0, pad = 0;
	int bits = 0, v;

	if (len == 0 || len % 4 != 0)
		return NULL;
	out = xmalloc(len / 4 * 3);
	for (i = 0; i < len; i++) {
		if (s[i] == '=') {
			if (i < len - 2 || ++pad > 2)
				goto bad;
			continue;
		}
		if (pad > 0 || (v = b64_value((unsigned char)s[i])) < 0)
			goto bad;
		acc = (acc << 6) | (uint32_t)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	*outlen = o;
	return out;
bad:
	free(out);
	return NULL;
}

/* Reads one SSH string (uint32 length, bytes). Returns 0 or -1. */
static int
read_string(const uint8_t **p, size_t *left, const uint8_t **s, uint32_t *len)
{
	if (*left < 4)
		return -1;
	*len = (uint32_t)(*p)[0] << 24 | (uint32_t)(*p)[1] << 16 |
	    (uint32_t)(*p)[2] << 8 | (*p)[3];
	if (*len > *left - 4)
		return -1;
	*s = *p + 4;
	*p += 4 + *len;
	*left -= 4 + *len;
	return 0;
}

/* Returns the modulus size of an ssh-rsa blob in bits, or -1. */
static int
rsa_bits(const uint8_t *blob, size_t len)
{
	const uint8_t *s;
	uint32_t n;
	int bits;

	if (read_string(&blob, &len, &s, &n) != 0 ||	/* "ssh-rsa" */
	    read_string(&blob, &len, &s, &n) != 0 ||	/* e */
	    read_string(&blob, &len, &s, &n) != 0)	/* n */
		return -1;
	while (n > 0 && *s == 0) {
		s++;
		n--;
	}
	if (n == 0)
		return 0;
	bits = (int)(n - 1) * 8;
	for (uint8_t top = *s; top != 0; top >>= 1)
		bits++;
	return bits;
}

/* Checks that blob is a key of the stated type and strong enough. Returns
 * NULL and sets *key, or an error key. */
static const char *
pubkey_check(const char *type, const char *b64, ssh_key *key)
{
	const uint8_t *p, *name;
	uint8_t *blob;
	size_t len, left, i;
	uint32_t nlen;
	const char *err = "error.key.format";

	*key = NULL;
	if (strcmp(type, "ssh-dss") == 0)
		return "error.key.weak";
	for (i = 0; i < sizeof key_types / sizeof key_types[0]; i++)
		if (strcmp(type, key_types[i]) == 0)
			break;
	if (i == sizeof key_types / sizeof key_types[0])
		return err;
	if ((blob = b64_decode(b64, strlen(b64), &len)) == NULL)
		return err;
	/* libssh ignores the type named inside the blob: compare it here. */
	p = blob;
	left = len;
	if (read_string(&p, &left, &name, &nlen) != 0 ||
	    nlen != strlen(type) || memcmp(name, type, nlen) != 0)
		goto out;
	if (strcmp(type, "ssh-rsa") == 0 && rsa_bits(blob, len) < RSA_MIN_BITS) {
		err = rsa_bits(blob, len) < 0 ? err : "error.key.weak";
		goto out;
	}
	if (ssh_pki_import_pubkey_base64(b64, ssh_key_type_from_name(type),
	    key) != SSH_OK)
		goto out;
	if (ssh_key_type(*key) != ssh_key_type_from_name(type)) {
		ssh_key_free(*key);
		*key = NULL;
		goto out;
	}
	err = NULL;
out:
	free(blob);
	return err;
}

const char *
pubkey_parse_line(const char *line, struct pubkey_info *out)
{
	const char *p = line, *t, *b, *err;
	char type[64], *b64 = NULL, *canon = NULL;
	size_t tlen, blen, clen;
	ssh_key key = NULL;

	memset(out, 0, sizeof *out);
	if (line == NULL || strlen(line) > LINE_MAX_BYTES)
		return "error.key.format";
	p += strspn(p, " \t");
	t = p;
	tlen = strcspn(p, " \t\r\n");
	p += tlen;
	p += strspn(p, " \t");
	b = p;
	blen = strcspn(p, " \t\r\n");
	p += blen;
	p += strspn(p, " \t");
	if (tlen == 0 || tlen >= sizeof type || blen == 0)
		return "error.key.format";
	memcpy(type, t, tlen);
	type[tlen] = '\0';
	b64 = xstrndup(b, blen);
	err = pubkey_check(type, b64, &key);
	free(b64);
	if (err != NULL)
		return err;
	if (keyfp_sha256(key, out->fingerprint, sizeof out->fingerprint) != 0 ||
	    ssh_pki_export_pubkey_base64(key, &canon) != SSH_OK) {
		ssh_key_free(key);
		return "error.key.format";
	}
	ssh_key_free(key);
	snprintf(out->type, sizeof out->type, "%s", type);
	out->blob = xstrdup(canon);
	ssh_string_free_char(canon);
	clen = strcspn(p, "\r\n");
	while (clen > 0 && (p[clen - 1] == ' ' || p[clen - 1] == '\t'))
		clen--;
	out->comment = sanitize(p, clen, SANITIZE_LINE, COMMENT_MAX_CP, 0);
	return NULL;
}

void
pubkey_info_free(struct pubkey_info *info)
{
	free(info->blob);
	free(info->comment);
	info->blob = info->comment = NULL;
}
