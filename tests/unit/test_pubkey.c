/* core/pubkey: key lines are checked and fingerprinted exactly as
 * ssh-keygen -lf does it, for keys ssh-keygen generates during the test
 * (and security-key lines built from them, which ssh-keygen reads without
 * the hardware); common/sha256 against the FIPS 180-4 examples. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/base64.h"
#include "common/sha256.h"
#include "common/xalloc.h"
#include "core/pubkey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct keyfile {
	char	 dir[64];
	char	 line[8192];	/* the .pub line */
	char	 fp[128];	/* what ssh-keygen -lf says */
};

/* Generates a key with ssh-keygen and reads back its line and the
 * fingerprint ssh-keygen -lf prints. */
static void
keygen(struct keyfile *k, const char *type, const char *bits,
    const char *comment)
{
	char cmd[512], path[128];
	FILE *f;

	snprintf(k->dir, sizeof k->dir, "/tmp/test_pubkey.XXXXXX");
	assert_non_null(mkdtemp(k->dir));
	snprintf(path, sizeof path, "%s/key", k->dir);
	snprintf(cmd, sizeof cmd, "ssh-keygen -q -t %s %s%s -N '' -C '%s' "
	    "-f %s", type, bits != NULL ? "-b " : "", bits != NULL ? bits : "",
	    comment, path);
	assert_int_equal(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "%s.pub", path);
	assert_non_null(f = fopen(cmd, "r"));
	assert_non_null(fgets(k->line, sizeof k->line, f));
	fclose(f);
	/* "256 SHA256:abc... comment (ED25519)": the second word. */
	snprintf(cmd, sizeof cmd, "ssh-keygen -lf %s.pub", path);
	assert_non_null(f = popen(cmd, "r"));
	assert_int_equal(fscanf(f, "%*s %127s", k->fp), 1);
	pclose(f);
}

static void
keyfile_remove(struct keyfile *k)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", k->dir);
	assert_int_equal(system(cmd), 0);
}

static void
check_generated(const char *type, const char *bits, const char *name)
{
	struct keyfile k;
	struct pubkey_info info;
	char *blob_in_line;

	keygen(&k, type, bits, "ruta@kaunas");
	assert_null(pubkey_parse_line(k.line, &info));
	assert_string_equal(info.type, name);
	assert_string_equal(info.fingerprint, k.fp);
	assert_string_equal(info.comment, "ruta@kaunas");
	blob_in_line = strstr(k.line, info.blob);
	assert_non_null(blob_in_line);
	pubkey_info_free(&info);
	keyfile_remove(&k);
}

static void
test_ed25519(void **state)
{
	(void)state;
	check_generated("ed25519", NULL, "ssh-ed25519");
}

static void
test_ecdsa(void **state)
{
	(void)state;
	check_generated("ecdsa", "256", "ecdsa-sha2-nistp256");
	check_generated("ecdsa", "521", "ecdsa-sha2-nistp521");
}

static void
test_rsa(void **state)
{
	struct keyfile k;
	struct pubkey_info info;

	(void)state;
	check_generated("rsa", "2048", "ssh-rsa");
	/* 1024 bits is too weak (ssh-keygen still makes one). */
	keygen(&k, "rsa", "1024", "old");
	assert_string_equal(pubkey_parse_line(k.line, &info), "error.key.weak");
	keyfile_remove(&k);
}

static void
test_dsa_weak(void **state)
{
	struct pubkey_info info;

	(void)state;
	/* A DSA line is refused by its type before anything else. */
	assert_string_equal(pubkey_parse_line("ssh-dss AAAAB3NzaC1kc3MAAACBAP "
	    "x", &info), "error.key.weak");
}

static void
test_malformed(void **state)
{
	struct keyfile k;
	struct pubkey_info info;
	char line[8300], *sp;

	(void)state;
	assert_string_equal(pubkey_parse_line("", &info), "error.key.format");
	assert_string_equal(pubkey_parse_line("ssh-ed25519", &info),
	    "error.key.format");
	assert_string_equal(pubkey_parse_line("ssh-ed25519 !!!!", &info),
	    "error.key.format");
	assert_string_equal(pubkey_parse_line("hello world", &info),
	    "error.key.format");
	keygen(&k, "ed25519", NULL, "x");
	/* The type named before the blob must be the one inside it. */
	snprintf(line, sizeof line, "ssh-rsa%s", strchr(k.line, ' '));
	assert_string_equal(pubkey_parse_line(line, &info), "error.key.format");
	/* A truncated blob. */
	snprintf(line, sizeof line, "%s", k.line);
	sp = strchr(line, ' ');
	sp[20] = '\0';
	assert_string_equal(pubkey_parse_line(line, &info), "error.key.format");
	/* authorized_keys options are not a key line. */
	snprintf(line, sizeof line, "command=\"/bin/sh\" %s", k.line);
	assert_string_equal(pubkey_parse_line(line, &info), "error.key.format");
	keyfile_remove(&k);
}

static void
test_comment_sanitised(void **state)
{
	struct keyfile k;
	struct pubkey_info info;
	char line[8300], *end;

	(void)state;
	keygen(&k, "ed25519", NULL, "x");
	end = strrchr(k.line, ' ');
	*end = '\0';
	/* Escape sequences and bidi overrides never survive. */
	snprintf(line, sizeof line, "  %s  Rūta \x1b]0;owned\x07 \xe2\x80\xae"
	    "laptop  \n", k.line);
	assert_null(pubkey_parse_line(line, &info));
	assert_string_equal(info.fingerprint, k.fp);
	assert_null(strchr(info.comment, '\x1b'));
	assert_null(strchr(info.comment, '\x07'));
	assert_null(strstr(info.comment, "\xe2\x80\xae"));
	assert_non_null(strstr(info.comment, "Rūta"));
	assert_non_null(strstr(info.comment, "laptop"));
	pubkey_info_free(&info);
	/* No comment at all. */
	assert_null(pubkey_parse_line(k.line, &info));
	assert_string_equal(info.comment, "");
	pubkey_info_free(&info);
	keyfile_remove(&k);
}


static void
hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void
test_sha256_vectors(void **state)
{
	static const struct { const char *in, *out; } v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		/* 56 bytes: the padding needs a second block. */
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		/* 64 bytes: a whole block, then one of padding alone (the
		 * digest as coreutils sha256sum prints it). */
		{ "0123456789012345678901234567890123456789012345678901234567890123",
		  "9674d9e078535b7cec43284387a6ee39956188e735a85452b0050b55341cda56" },
	};
	uint8_t d[SHA256_LEN];
	char h[2 * SHA256_LEN + 1];

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		sha256(v[i].in, strlen(v[i].in), d);
		hex(d, sizeof d, h);
		assert_string_equal(h, v[i].out);
	}
}

static void
test_base64(void **state)
{
	static const char *const in[] = { "", "f", "fo", "foo", "foob",
	    "fooba", "foobar" };
	static const char *const padded[] = { "", "Zg==", "Zm8=", "Zm9v",
	    "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	static const char *const bare[] = { "", "Zg", "Zm8", "Zm9v",
	    "Zm9vYg", "Zm9vYmE", "Zm9vYmFy" };
	uint8_t *d;
	size_t n;
	char *e;

	(void)state;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		e = base64_encode((const uint8_t *)in[i], strlen(in[i]), true);
		assert_string_equal(e, padded[i]);
		free(e);
		e = base64_encode((const uint8_t *)in[i], strlen(in[i]), false);
		assert_string_equal(e, bare[i]);
		free(e);
		if (i == 0)
			continue;
		assert_non_null(d = base64_decode(padded[i], strlen(padded[i]),
		    &n));
		assert_int_equal(n, strlen(in[i]));
		assert_memory_equal(d, in[i], n);
		free(d);
	}
	assert_null(base64_decode("Zg=a", 4, &n));
	assert_null(base64_decode("Zm9", 3, &n));
}

/* Appends an SSH string to b at *off. */
static void
put_string(uint8_t *b, size_t *off, const void *s, uint32_t n)
{
	b[(*off)++] = (uint8_t)(n >> 24);
	b[(*off)++] = (uint8_t)(n >> 16);
	b[(*off)++] = (uint8_t)(n >> 8);
	b[(*off)++] = (uint8_t)n;
	memcpy(b + *off, s, n);
	*off += n;
}

/* The blob of a key line, decoded. */
static uint8_t *
line_blob(const char *line, size_t *n)
{
	const char *b = strchr(line, ' ') + 1;
	uint8_t *d = base64_decode(b, strcspn(b, " \n"), n);

	assert_non_null(d);
	return d;
}

/* Writes "type blob" to a file, then checks that pubkey_parse_line
 * agrees with ssh-keygen -lf on it. want_err NULL: it must parse. */
static void
check_built(const char *dir, const char *type, const uint8_t *blob,
    size_t n, const char *want_err)
{
	char path[128], cmd[256], fp[128], *b64, *line;
	struct pubkey_info info;
	FILE *f;

	b64 = base64_encode(blob, n, true);
	line = xasprintf("%s %s built", type, b64);
	if (want_err != NULL) {
		assert_string_equal(pubkey_parse_line(line, &info), want_err);
		free(line);
		free(b64);
		return;
	}
	snprintf(path, sizeof path, "%s/built.pub", dir);
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "%s\n", line);
	fclose(f);
	snprintf(cmd, sizeof cmd, "ssh-keygen -lf %s", path);
	assert_non_null(f = popen(cmd, "r"));
	assert_int_equal(fscanf(f, "%*s %127s", fp), 1);
	pclose(f);
	assert_null(pubkey_parse_line(line, &info));
	assert_string_equal(info.type, type);
	assert_string_equal(info.fingerprint, fp);
	assert_string_equal(info.blob, b64);
	pubkey_info_free(&info);
	free(line);
	free(b64);
}

static void
test_security_keys(void **state)
{
	struct keyfile k;
	uint8_t *in, out[512];
	const uint8_t *p;
	size_t n, off;
	uint32_t len;

	(void)state;
	/* sk-ssh-ed25519: the ed25519 key, then the application. */
	keygen(&k, "ed25519", NULL, "x");
	in = line_blob(k.line, &n);
	off = 0;
	put_string(out, &off, "sk-ssh-ed25519@openssh.com", 26);
	p = in + 4 + 11;	/* past the string "ssh-ed25519" */
	len = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | p[2] << 8 | p[3];
	put_string(out, &off, p + 4, len);
	put_string(out, &off, "ssh:", 4);
	check_built(k.dir, "sk-ssh-ed25519@openssh.com", out, off, NULL);
	/* Without its application it is not a key. */
	check_built(k.dir, "sk-ssh-ed25519@openssh.com", out, off - 8,
	    "error.key.format");
	free(in);
	keyfile_remove(&k);

	/* sk-ecdsa-sha2-nistp256: curve and point, then the application. */
	keygen(&k, "ecdsa", "256", "x");
	in = line_blob(k.line, &n);
	off = 0;
	put_string(out, &off, "sk-ecdsa-sha2-nistp256@openssh.com", 34);
	memcpy(out + off, in + 4 + 19, n - 4 - 19);	/* curve, point */
	off += n - 4 - 19;
	put_string(out, &off, "ssh:", 4);
	check_built(k.dir, "sk-ecdsa-sha2-nistp256@openssh.com", out, off,
	    NULL);
	free(in);
	keyfile_remove(&k);
}

static void
test_not_canonical(void **state)
{
	struct keyfile k;
	uint8_t *in, out[1024];
	const uint8_t *p;
	size_t n, off;
	uint32_t elen, nlen;

	(void)state;
	keygen(&k, "rsa", "2048", "x");
	in = line_blob(k.line, &n);
	/* As generated it parses (the positive control). */
	check_built(k.dir, "ssh-rsa", in, n, NULL);
	/* Bytes after the last field. */
	memcpy(out, in, n);
	out[n] = 0;
	check_built(k.dir, "ssh-rsa", out, n + 1, "error.key.format");
	/* The modulus with a zero byte it does not need: another encoding
	 * of the same key, so another fingerprint; refused. */
	p = in + 4 + 7;
	elen = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | p[2] << 8 | p[3];
	p += 4 + elen;
	nlen = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | p[2] << 8 | p[3];
	off = (size_t)(p - in);
	memcpy(out, in, off);
	out[off++] = (uint8_t)((nlen + 1) >> 24);
	out[off++] = (uint8_t)((nlen + 1) >> 16);
	out[off++] = (uint8_t)((nlen + 1) >> 8);
	out[off++] = (uint8_t)(nlen + 1);
	out[off++] = 0;
	memcpy(out + off, p + 4, nlen);
	off += nlen;
	check_built(k.dir, "ssh-rsa", out, off, "error.key.format");
	free(in);
	keyfile_remove(&k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ed25519),
		cmocka_unit_test(test_ecdsa),
		cmocka_unit_test(test_rsa),
		cmocka_unit_test(test_dsa_weak),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_comment_sanitised),
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_security_keys),
		cmocka_unit_test(test_not_canonical),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
