/* Names that look alike: ICU's spoof checker (UTS #39 confusables), so
 * nobody takes a display name that readers would take for someone
 * else's ("Moderatorė Aistė" written with Cyrillic а and е). */
#include <stdlib.h>
#include <string.h>

#include <unicode/uspoof.h>

#include "i18n/i18n.h"

static USpoofChecker *checker;	/* made on first use, kept */

/* ICU's own verdict on a and b as written. */
static bool
icu_confusable(const char *a, const char *b)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t r;

	if (checker == NULL) {
		checker = uspoof_open(&st);
		if (U_FAILURE(st)) {
			checker = NULL;
			return false;
		}
		/* Same skeleton in any script mix; no restriction level,
		 * which would judge one name alone. */
		uspoof_setChecks(checker, USPOOF_CONFUSABLE, &st);
		st = U_ZERO_ERROR;
	}
	r = uspoof_areConfusableUTF8(checker, a, -1, b, -1, &st);
	return U_SUCCESS(st) && r != 0;
}

bool
i18n_confusable(const char *a, const char *b)
{
	char *fa, *fb;
	bool same;

	/* Case and accents alone (moderatore aiste) and look-alike letters
	 * on top of them (Cyrillic е for Latin ė). */
	fa = i18n_fold(a);
	fb = i18n_fold(b);
	same = strcmp(fa, fb) == 0 || icu_confusable(a, b) ||
	    icu_confusable(fa, fb);
	free(fa);
	free(fb);
	return same;
}
