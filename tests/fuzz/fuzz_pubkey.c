/* libFuzzer target for core/pubkey.c's pubkey_parse_line, the
 * hand-written base64 and SSH wire parser behind "add a key" in Settings
 * and `tinklas admin key add`: any line. Checks that an answer is one of
 * the two error keys or a key whose parts are clean (a known type, base64
 * only, a SHA256 fingerprint, a comment without controls), and that the
 * canonical line parses again to the same key. Build: `make fuzz`. */
#include "core/pubkey.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_key(const struct pubkey_info *k)
{
	const unsigned char *p;

	if (k->type[0] == '\0' || strcspn(k->type, " \t\r\n") != strlen(k->type))
		abort();
	if (k->blob == NULL || k->blob[0] == '\0' ||
	    strspn(k->blob, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/=") != strlen(k->blob))
		abort();
	if (strncmp(k->fingerprint, "SHA256:", 7) != 0)
		abort();
	if (k->comment == NULL)
		abort();
	for (p = (const unsigned char *)k->comment; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct pubkey_info k, again;
	const char *err;
	char *line, *canon;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	if ((line = malloc(size + 1)) == NULL)
		abort();
	memcpy(line, data, size);
	line[size] = '\0';
	err = pubkey_parse_line(line, &k);
	free(line);
	if (err != NULL) {
		if (strcmp(err, "error.key.format") != 0 &&
		    strcmp(err, "error.key.weak") != 0)
			abort();
		return 0;
	}
	check_key(&k);
	if (asprintf(&canon, "%s %s", k.type, k.blob) < 0)
		abort();
	if (pubkey_parse_line(canon, &again) != NULL ||
	    strcmp(again.fingerprint, k.fingerprint) != 0 ||
	    strcmp(again.blob, k.blob) != 0)
		abort();
	free(canon);
	pubkey_info_free(&again);
	pubkey_info_free(&k);
	return 0;
}
