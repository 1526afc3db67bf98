/* Sorting in the current language. */
#include <string.h>

#include <unicode/ucol.h>

#include "common/log.h"
#include "i18n/internal.h"

static UCollator *collators[I18N_NLANGS];

void
i18n_collate_close(void)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++) {
		if (collators[i] != NULL)
			ucol_close(collators[i]);
		collators[i] = NULL;
	}
}

/* The collator of the current language, opened on first use. */
static UCollator *
collator(void)
{
	UErrorCode	st = U_ZERO_ERROR;
	int		i = i18n_cur();

	if (i < 0)
		i = 0;
	if (collators[i] == NULL) {
		collators[i] = ucol_open(i18n_icu_locale(i), &st);
		if (U_FAILURE(st)) {
			log_error("%s: ucol_open: %s", __func__, u_errorName(st));
			collators[i] = NULL;
		}
	}
	return collators[i];
}

int
i18n_collate(const char *a, const char *b)
{
	UErrorCode		 st = U_ZERO_ERROR;
	UCollator		*c = collator();
	UCollationResult	 r;
	int			 cmp;

	if (c != NULL) {
		r = ucol_strcollUTF8(c, a, -1, b, -1, &st);
		if (U_SUCCESS(st))
			return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
	}
	cmp = strcmp(a, b);
	return cmp < 0 ? -1 : cmp > 0;
}
