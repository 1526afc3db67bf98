/* Relative times for recent events ("prieš 5 minutes", "3 години тому"):
 * ICU's relative date formatter in the current language. */
#include <stdlib.h>

#include <unicode/ureldatefmt.h>
#include <unicode/ustring.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "i18n/internal.h"

static URelativeDateTimeFormatter *relfmt[I18N_NLANGS];

void
i18n_reltime_close(void)
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++) {
		if (relfmt[i] != NULL)
			ureldatefmt_close(relfmt[i]);
		relfmt[i] = NULL;
	}
}

char *
i18n_when(int64_t t, int64_t now)
{
	UErrorCode st = U_ZERO_ERROR;
	URelativeDateTimeUnit unit;
	UChar buf[128];
	int64_t ago = now - t;
	double n;
	int32_t len;
	int i = i18n_cur();

	/* Beyond a week (or in the future) a date says more than "ago". */
	if (i < 0 || ago < 0 || ago >= 7 * 86400)
		return i18n_datetime(t);
	if (ago < 60) {
		unit = UDAT_REL_UNIT_SECOND;
		n = 0;
	} else if (ago < 3600) {
		unit = UDAT_REL_UNIT_MINUTE;
		n = (double)(ago / 60);
	} else if (ago < 86400) {
		unit = UDAT_REL_UNIT_HOUR;
		n = (double)(ago / 3600);
	} else {
		unit = UDAT_REL_UNIT_DAY;
		n = (double)(ago / 86400);
	}
	/* The long style: whole words ("prieš 5 minutes", "1 день тому"),
	 * which read aloud well and end without an abbreviation's dot. */
	if (relfmt[i] == NULL) {
		relfmt[i] = ureldatefmt_open(i18n_icu_locale(i), NULL,
		    UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE,
		    &st);
		if (U_FAILURE(st)) {
			relfmt[i] = NULL;
			return i18n_datetime(t);
		}
	}
	/* "now" for the last minute; numeric otherwise ("1 day ago", not
	 * "yesterday", which depends on the hour of the day). */
	if (unit == UDAT_REL_UNIT_SECOND)
		len = ureldatefmt_format(relfmt[i], -0.0, unit, buf,
		    sizeof buf / sizeof *buf, &st);
	else
		len = ureldatefmt_formatNumeric(relfmt[i], -n, unit, buf,
		    sizeof buf / sizeof *buf, &st);
	if (U_FAILURE(st))
		return i18n_datetime(t);
	return i18n_u8(buf, len);
}
