#include "server/hostkey.h"

#include "common/xalloc.h"
#include "server/keyfp.h"

#include <libssh/libssh.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int hostkey_create(const char *, char *, size_t);

/* Generates a new key at path and its .pub; returns 0 or -1 with err. */
static int
hostkey_create(const char *path, char *err, size_t errsz)
{
	ssh_key key = NULL;
	char *b64 = NULL, *pub;
	mode_t old;
	FILE *f;
	int rc;

	if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
		snprintf(err, errsz, "cannot generate a host key");
		return -1;
	}
	old = umask(077);
	rc = ssh_pki_export_privkey_file(key, NULL, NULL, NULL, path);
	umask(old);
	if (rc != SSH_OK || chmod(path, 0600) != 0) {
		snprintf(err, errsz, "cannot write host key %s", path);
		ssh_key_free(key);
		return -1;
	}
	/* The public half, for administrators who publish it (SSHFP, docs). */
	pub = xasprintf("%s.pub", path);
	if (ssh_pki_export_pubkey_base64(key, &b64) == SSH_OK &&
	    (f = fopen(pub, "w")) != NULL) {
		fprintf(f, "ssh-ed25519 %s tinklas\n", b64);
		fclose(f);
	}
	ssh_string_free_char(b64);
	free(pub);
	ssh_key_free(key);
	return 0;
}

int
hostkey_ensure(const char *path, char *fp, size_t fpsz, char *err,
    size_t errsz)
{
	ssh_key key = NULL;
	struct stat st;

	if (stat(path, &st) != 0) {
		if (errno != ENOENT) {
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
			return -1;
		}
		if (hostkey_create(path, err, errsz) != 0)
			return -1;
	} else if ((st.st_mode & 077) != 0) {
		snprintf(err, errsz, "%s is readable by others (want mode 0600)",
		    path);
		return -1;
	}
	if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) !=
	    SSH_OK) {
		snprintf(err, errsz, "cannot read host key %s", path);
		return -1;
	}
	if (ssh_key_type(key) != SSH_KEYTYPE_ED25519 ||
	    keyfp_sha256(key, fp, fpsz) != 0) {
		snprintf(err, errsz, "%s is not an ed25519 key", path);
		ssh_key_free(key);
		return -1;
	}
	ssh_key_free(key);
	return 0;
}
