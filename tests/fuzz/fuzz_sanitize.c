/* libFuzzer target for core/sanitize.c: any input, both kinds, checks that
 * no terminal control survives and that sanitising twice changes nothing.
 *
 * Build and run (Debian 12: clang-14, libclang-rt-14-dev), from the top.
 * CFLAGS goes in the environment so the Makefile still adds its own flags;
 * the object list is every .o of common/ and i18n/ under build/fuzz/obj:
 *   CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
 *       make BUILD=build/fuzz CC=clang build/fuzz/obj/core/sanitize.o \
 *       build/fuzz/i18n/libtinklas_msgs.a OBJECTS-OF-COMMON-AND-I18N
 *   clang -std=c11 -D_GNU_SOURCE -I. -fsanitize=fuzzer,address,undefined \
 *       -o build/fuzz/fuzz_sanitize tests/fuzz/fuzz_sanitize.c \
 *       build/fuzz/obj/core/sanitize.o OBJECTS-OF-COMMON-AND-I18N \
 *       build/fuzz/i18n/libtinklas_msgs.a \
 *       $(pkg-config --libs icu-uc icu-i18n icu-io) -lstdc++
 *   build/fuzz/fuzz_sanitize -max_total_time=60
 * It ran about 13k inputs a second here (ASan and UBSan on).
 */
#include "core/sanitize.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts when out holds a byte sequence that may act on a terminal:
 * C0 other than LF and TAB, DEL, C1 (U+0080-U+009F is C2 80-9F), the bidi
 * controls (E2 80 AA-AE, E2 81 A6-A9). */
static void
check_clean(const char *out, int line)
{
	const unsigned char *p = (const unsigned char *)out;

	for (; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			abort();
		if (line && (*p == '\n' || *p == '\t'))
			abort();
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			abort();
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae)
			abort();
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	enum sanitize_kind kinds[] = { SANITIZE_BODY, SANITIZE_LINE };
	char *once, *twice;
	size_t i;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	for (i = 0; i < 2; i++) {
		once = sanitize((const char *)data, size, kinds[i],
		    i == 1 ? 40 : 0, i == 1 ? 40 : 0);
		check_clean(once, kinds[i] == SANITIZE_LINE);
		twice = sanitize(once, strlen(once), kinds[i],
		    i == 1 ? 40 : 0, i == 1 ? 40 : 0);
		if (strcmp(once, twice) != 0)
			abort();
		free(once);
		free(twice);
	}
	return 0;
}
