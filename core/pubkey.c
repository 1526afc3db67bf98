/* OpenSSH public key lines for the settings screen and the admin command:
 * type check, strength check, canonical base64 and the SHA256
 * fingerprint ssh-keygen -lf prints.
 *
 * Why here, and without libssh: the settings screen runs in the UI
 * process, and ui/ may not include server/ nor any SSH library (one room
 * per outside library; the UI knows nothing of SSH). What libssh did here
 * was decode the blob, re-encode it canonically and hash it. Instead the
 * blob's wire format (RFC 4253 6.6, RFC 5656 3.1, RFC 8709 4, OpenSSH's
 * PROTOCOL.u2f) is checked field by field, strictly: the exact fields of
 * the type, nothing after them, RSA integers in their minimal encoding,
 * EC points uncompressed and of the curve's size. A blob that passes is
 * then byte for byte what OpenSSH and libssh re-encode from it, so its
 * SHA-256 (common/sha256.c) in unpadded base64 is exactly ssh-keygen -lf's
 * fingerprint (test_pubkey compares them for generated keys of each
 * type), and the strict base64 decoder plus re-encoding gives the canonical
 * text. Not checked: that an EC point lies on its curve, which needs
 * big-number arithmetic; such a key is stored but never matches a login,
 * since the server's libssh refuses it when a client offers it. */
#include "core/pubkey.h"

#include "common/base64.h"
#include "common/sha256.h"
#include "common/xalloc.h"
#include "core/sanitize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES		16384
#define COMMENT_MAX_CP		100
#define RSA_MIN_BITS		2048
#define RSA_MAX_BITS		16384	/* OpenSSH's SSHBUF_MAX_BIGNUM */

/* How the blob goes on after its type name. */
enum key_shape { SHAPE_ED25519, SHAPE_ECDSA, SHAPE_RSA };

static const struct key_type {
	const char	*name;
	enum key_shape	 shape;
	const char	*curve;		/* ECDSA: the curve's name */
	uint32_t	 point;		/* ECDSA: 1 + 2 * field bytes */
	bool		 sk;		/* security key: an application too */
} key_types[] = {
	{ "ssh-ed25519", SHAPE_ED25519, NULL, 0, false },
	{ "ecdsa-sha2-nistp256", SHAPE_ECDSA, "nistp256", 65, false },
	{ "ecdsa-sha2-nistp384", SHAPE_ECDSA, "nistp384", 97, false },
	{ "ecdsa-sha2-nistp521", SHAPE_ECDSA, "nistp521", 133, false },
	{ "sk-ssh-ed25519@openssh.com", SHAPE_ED25519, NULL, 0, true },
	{ "sk-ecdsa-sha2-nistp256@openssh.com", SHAPE_ECDSA, "nistp256", 65,
	    true },
	{ "ssh-rsa", SHAPE_RSA, NULL, 0, false },
};

static int	read_string(const uint8_t **, size_t *, const uint8_t **,
		    uint32_t *);
static bool	is_string(const uint8_t *, uint32_t, const char *);
static int	mpint_bits(const uint8_t *, uint32_t);
static const char *pubkey_check(const struct key_type *, const uint8_t *,
		    size_t);

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

static bool
is_string(const uint8_t *s, uint32_t len, const char *want)
{
	return len == strlen(want) && memcmp(s, want, len) == 0;
}

/* The size in bits of a positive mpint in its one canonical encoding
 * (RFC 4251 5: no needless leading zero byte), or -1. */
static int
mpint_bits(const uint8_t *s, uint32_t n)
{
	int bits;

	if (n == 0 || (s[0] & 0x80) != 0)
		return -1;	/* zero or negative */
	if (s[0] == 0) {
		if (n == 1 || (s[1] & 0x80) == 0)
			return -1;	/* a zero byte it did not need */
		s++;
		n--;
	}
	if (n > RSA_MAX_BITS / 8 + 1)
		return -1;
	bits = (int)(n - 1) * 8;
	for (uint8_t top = s[0]; top != 0; top >>= 1)
		bits++;
	return bits;
}

/* Checks that blob is exactly a key of type t and strong enough. Returns
 * NULL or an error key. */
static const char *
pubkey_check(const struct key_type *t, const uint8_t *blob, size_t len)
{
	const uint8_t *p = blob, *s;
	size_t left = len;
	uint32_t n;
	int bits;

	/* The type named inside the blob must be the one before it. */
	if (read_string(&p, &left, &s, &n) != 0 || !is_string(s, n, t->name))
		return "error.key.format";
	switch (t->shape) {
	case SHAPE_ED25519:
		if (read_string(&p, &left, &s, &n) != 0 || n != 32)
			return "error.key.format";
		break;
	case SHAPE_ECDSA:
		if (read_string(&p, &left, &s, &n) != 0 ||
		    !is_string(s, n, t->curve) ||
		    read_string(&p, &left, &s, &n) != 0 || n != t->point ||
		    s[0] != 0x04)
			return "error.key.format";
		break;
	case SHAPE_RSA:
		if (read_string(&p, &left, &s, &n) != 0 ||	/* e */
		    mpint_bits(s, n) < 2 || (s[n - 1] & 1) == 0 ||
		    read_string(&p, &left, &s, &n) != 0 ||	/* n */
		    (bits = mpint_bits(s, n)) < 0)
			return "error.key.format";
		if (bits < RSA_MIN_BITS)
			return "error.key.weak";
		break;
	}
	if (t->sk && read_string(&p, &left, &s, &n) != 0)	/* application */
		return "error.key.format";
	return left == 0 ? NULL : "error.key.format";
}

const char *
pubkey_parse_line(const char *line, struct pubkey_info *out)
{
	const struct key_type *t = NULL;
	const char *p = line, *tp, *bp, *err;
	uint8_t *blob, hash[SHA256_LEN];
	size_t tlen, blen, clen, len, i;
	char *fp;

	memset(out, 0, sizeof *out);
	if (line == NULL || strlen(line) > LINE_MAX_BYTES)
		return "error.key.format";
	p += strspn(p, " \t");
	tp = p;
	tlen = strcspn(p, " \t\r\n");
	p += tlen;
	p += strspn(p, " \t");
	bp = p;
	blen = strcspn(p, " \t\r\n");
	p += blen;
	p += strspn(p, " \t");
	if (tlen == 0 || blen == 0)
		return "error.key.format";
	if (tlen == 7 && memcmp(tp, "ssh-dss", 7) == 0)
		return "error.key.weak";
	for (i = 0; i < sizeof key_types / sizeof key_types[0]; i++)
		if (strlen(key_types[i].name) == tlen &&
		    memcmp(key_types[i].name, tp, tlen) == 0)
			t = &key_types[i];
	if (t == NULL || (blob = base64_decode(bp, blen, &len)) == NULL)
		return "error.key.format";
	if ((err = pubkey_check(t, blob, len)) != NULL) {
		free(blob);
		return err;
	}
	snprintf(out->type, sizeof out->type, "%s", t->name);
	out->blob = base64_encode(blob, len, true);
	sha256(blob, len, hash);
	free(blob);
	fp = base64_encode(hash, sizeof hash, false);
	snprintf(out->fingerprint, sizeof out->fingerprint, "SHA256:%s", fp);
	free(fp);
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
