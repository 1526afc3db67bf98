/* libFuzzer target for core/pubkey.c, the key line parser the settings
 * screen runs on pasted text: any input; a line it accepts must give a
 * fingerprint of the right shape and parse again, as "type blob", to the
 * same blob and fingerprint (the blob is canonical).
 *
 * Build and run, from the top (as fuzz_sanitize.c; ICU is needed only by
 * the sanitiser that cleans the comment):
 *   CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *       make BUILD=build/fuzz CC=clang build/fuzz/obj/core/pubkey.o \
 *       build/fuzz/obj/core/sanitize.o build/fuzz/i18n/libtinklas_msgs.a \
 *       OBJECTS-OF-COMMON-AND-I18N
 *   clang -std=c11 -D_GNU_SOURCE -I. -fsanitize=fuzzer,address,undefined \
 *       -o build/fuzz/fuzz_pubkey tests/fuzz/fuzz_pubkey.c \
 *       build/fuzz/obj/core/pubkey.o build/fuzz/obj/core/sanitize.o \
 *       OBJECTS-OF-COMMON-AND-I18N build/fuzz/i18n/libtinklas_msgs.a \
 *       $(pkg-config --libs icu-uc icu-i18n icu-io) -lstdc++ -lstemmer
 *   build/fuzz/fuzz_pubkey -max_total_time=60
 * Seeds: the lines of some .pub files, one a file.
 */
#include "core/pubkey.h"

#include "common/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pubkey_info info, again;
	char *line, *round;

	line = xstrndup((const char *)data, size);
	if (pubkey_parse_line(line, &info) == NULL) {
		/* "SHA256:" and 43 characters of unpadded base64. */
		if (strncmp(info.fingerprint, "SHA256:", 7) != 0 ||
		    strlen(info.fingerprint) != 7 + 43)
			abort();
		round = xasprintf("%s %s", info.type, info.blob);
		if (pubkey_parse_line(round, &again) != NULL ||
		    strcmp(again.blob, info.blob) != 0 ||
		    strcmp(again.fingerprint, info.fingerprint) != 0)
			abort();
		pubkey_info_free(&again);
		pubkey_info_free(&info);
		free(round);
	}
	free(line);
	return 0;
}
