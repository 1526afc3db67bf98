/* Names of the languages people speak, through ICU's locale data. */
#include <string.h>

#include <unicode/uloc.h>

#include "common/xalloc.h"
#include "i18n/internal.h"
#include "i18n/langname.h"

bool
i18n_language_known(const char *code)
{
	const char *const *all;

	if (code == NULL || strlen(code) != 2 || code[0] < 'a' ||
	    code[0] > 'z' || code[1] < 'a' || code[1] > 'z')
		return false;
	for (all = uloc_getISOLanguages(); *all != NULL; all++) {
		if (strcmp(*all, code) == 0)
			return true;
	}
	return false;
}

char *
i18n_language_name(const char *code)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		buf[128];
	int32_t		n;
	int		cur = i18n_cur();

	if (!i18n_language_known(code))
		return NULL;
	n = uloc_getDisplayLanguage(code, i18n_icu_locale(cur < 0 ? 0 : cur),
	    buf, (int32_t)(sizeof buf / sizeof *buf), &st);
	if (U_FAILURE(st) || n <= 0)
		return xstrdup(code);
	return i18n_u8(buf, n);
}
