/* Dates and times in the site zone, and plural categories. */
#include <string.h>

#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/internal.h"

static UDateFormat	*datefmt[I18N_NLANGS];
static UPluralRules	*plurals[I18N_NLANGS];

void
i18n_datetime_close(void)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++) {
		if (datefmt[i] != NULL)
			udat_close(datefmt[i]);
		if (plurals[i] != NULL)
			uplrules_close(plurals[i]);
		datefmt[i] = NULL;
		plurals[i] = NULL;
	}
}

char *
i18n_datetime(int64_t t)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		 buf[128];
	int32_t		 n;
	int		 i = i18n_cur();

	if (i < 0)
		return xasprintf("%lld", (long long)t);
	/* Weekday, date and time without seconds, in the order and words
	 * of the language ("пн, 14 лип. 2025 р., 18:05", 24-hour). Lithuanian
	 * writes the date in figures, where an abbreviated weekday ("an") is
	 * cryptic and spelt out by screen readers: the full weekday. Polish
	 * abbreviates May as "maj", which reads as a nominative after the
	 * day: the full month, in the genitive ("1 maja 2025"). */
	if (datefmt[i] == NULL) {
		const char *lang = i18n_langs[i];
		UDateTimePatternGenerator *gen;
		UChar skeleton[16], pattern[64];
		int32_t plen;

		u_uastrcpy(skeleton, strcmp(lang, "lt") == 0 ? "EEEEyMMdHHmm" :
		    strcmp(lang, "pl") == 0 ? "EEEyMMMMdHHmm" : "EEEyMMMdHHmm");
		gen = udatpg_open(i18n_icu_locale(i), &st);
		plen = U_SUCCESS(st) ? udatpg_getBestPattern(gen, skeleton, -1,
		    pattern, sizeof pattern / sizeof *pattern, &st) : 0;
		if (gen != NULL)
			udatpg_close(gen);
		if (U_SUCCESS(st))
			datefmt[i] = udat_open(UDAT_PATTERN, UDAT_PATTERN,
			    i18n_icu_locale(i), i18n_zone(), -1, pattern, plen, &st);
		if (U_FAILURE(st)) {
			log_error("%s: %s", __func__, u_errorName(st));
			datefmt[i] = NULL;
			return xasprintf("%lld", (long long)t);
		}
	}
	n = udat_format(datefmt[i], (UDate)t * 1000.0, buf, sizeof buf / sizeof *buf,
	    NULL, &st);
	if (U_FAILURE(st))
		return xasprintf("%lld", (long long)t);
	return i18n_u8(buf, n);
}

const char *
i18n_plural_category(const char *lang, double n)
{
	static const char *const cats[] = {
		"zero", "one", "two", "few", "many", "other"
	};
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		 buf[16];
	char		 kw[16];
	size_t		 k;
	int		 i = i18n_lang_index(lang);

	if (i < 0 && (i = i18n_cur()) < 0)
		i = 0;
	if (plurals[i] == NULL) {
		plurals[i] = uplrules_open(i18n_icu_locale(i), &st);
		if (U_FAILURE(st)) {
			plurals[i] = NULL;
			return "other";
		}
	}
	uplrules_select(plurals[i], n, buf, sizeof buf / sizeof *buf, &st);
	if (U_FAILURE(st))
		return "other";
	u_austrncpy(kw, buf, sizeof kw - 1);
	kw[sizeof kw - 1] = '\0';
	/* Return a static string, not the caller's buffer. */
	for (k = 0; k < sizeof cats / sizeof *cats; k++) {
		if (strcmp(kw, cats[k]) == 0)
			return cats[k];
	}
	return "other";
}
