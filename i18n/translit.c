/* ASCII for terminals that are not UTF-8. Transliterators are opened on
 * first use: the first costs about 10 ms. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/internal.h"

enum chain { CH_LATIN, CH_UK, CH_RU, CH_N };

static const char *const chain_ids[CH_N] = {
	"Latin-ASCII",
	"uk-uk_Latn/BGN; Any-Latin; Latin-ASCII",
	"ru-ru_Latn/BGN; Any-Latin; Latin-ASCII",
};

static UTransliterator *chains[CH_N];

void
i18n_translit_close(void)
{
	int i;

	for (i = 0; i < CH_N; i++) {
		if (chains[i] != NULL)
			utrans_close(chains[i]);
		chains[i] = NULL;
	}
}

/* Cyrillic text is romanised as Ukrainian or Russian: by letters only one
 * of them has (і ї є ґ; ё ы э ъ), else by the current language, else as
 * Ukrainian. */
static enum chain
pick_chain(const UChar *u, int32_t len)
{
	static const UChar uk_only[] = u"іїєґІЇЄҐ";
	static const UChar ru_only[] = u"ёыэъЁЫЭЪ";
	UErrorCode	st = U_ZERO_ERROR;
	bool		cyrillic = false;
	int32_t		i;
	UChar32		c;

	for (i = 0; i < len;) {
		U16_NEXT(u, i, len, c);
		if (c < 0x80)
			continue;
		if (c <= 0xFFFF && u_strchr(uk_only, (UChar)c) != NULL)
			return CH_UK;
		if (c <= 0xFFFF && u_strchr(ru_only, (UChar)c) != NULL)
			return CH_RU;
		if (uscript_getScript(c, &st) == USCRIPT_CYRILLIC)
			cyrillic = true;
	}
	if (!cyrillic)
		return CH_LATIN;
	return strcmp(i18n_lang(), "ru") == 0 ? CH_RU : CH_UK;
}

static UTransliterator *
chain(enum chain ch)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UChar		*id;

	if (chains[ch] != NULL)
		return chains[ch];
	id = i18n_u16(chain_ids[ch], NULL);
	chains[ch] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
	free(id);
	if (U_FAILURE(st)) {
		log_error("%s: %s: %s", __func__, chain_ids[ch], u_errorName(st));
		chains[ch] = NULL;
	}
	return chains[ch];
}

char *
i18n_to_ascii(const char *s)
{
	UErrorCode	 st;
	UTransliterator	*t;
	UChar		*u;
	int32_t		 len, cap, n, limit, i;
	UChar32		 c;
	const char	*q;
	char		*out, *p;

	for (q = s; *q != '\0' && (unsigned char)*q < 0x80; q++)
		;
	if (*q == '\0')
		return xstrdup(s);
	u = i18n_u16(s, &len);
	t = chain(pick_chain(u, len));
	for (cap = len * 4 + 16; t != NULL; cap *= 2) {
		u = xrealloc(u, (size_t)cap * sizeof *u);
		n = limit = len;
		st = U_ZERO_ERROR;
		utrans_transUChars(t, u, &n, cap, 0, &limit, &st);
		if (st != U_BUFFER_OVERFLOW_ERROR) {
			if (U_SUCCESS(st))
				len = n;
			break;
		}
		/* transUChars may have changed the text: start again. */
		free(u);
		u = i18n_u16(s, &len);
	}
	out = p = xmalloc((size_t)len + 1);
	for (i = 0; i < len;) {
		U16_NEXT(u, i, len, c);
		/* Latin-ASCII keeps the spaces ICU's own formats use (U+202F
		 * before "р." in uk dates): they are spaces all the same. Not
		 * the ASCII ones: a line break stays one. */
		if (c >= 0x80 && u_isUWhiteSpace(c))
			c = ' ';
		*p++ = c < 0x80 ? (char)c : '?';
	}
	*p = '\0';
	free(u);
	return out;
}
