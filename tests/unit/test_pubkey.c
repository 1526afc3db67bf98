/* server/pubkey: key lines are checked and fingerprinted exactly as
 * ssh-keygen -lf does it, for keys ssh-keygen generates during the test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "server/pubkey.h"

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
