/* The five languages: codes, names, and picking one from a client's
 * environment. */
#include <string.h>
#include <strings.h>

#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include "i18n/internal.h"

const char *const i18n_langs[I18N_NLANGS] = { "lt", "en", "uk", "ru", "pl" };

/* Each language named in itself: the same in every language, so not in
 * the catalogs. */
static const char *const lang_names[I18N_NLANGS] = {
	"Lietuvių", "English", "Українська", "Русский", "Polski"
};

/* Plain "en" formats as in the US; en_150 is European English. */
static const char *const icu_locales[I18N_NLANGS] = {
	"lt", "en_150", "uk", "ru", "pl"
};

static int	try_locale(const char *value);

int
i18n_lang_index(const char *code)
{
	int i;

	if (code == NULL)
		return -1;
	for (i = 0; i < I18N_NLANGS; i++) {
		if (strcmp(code, i18n_langs[i]) == 0)
			return i;
	}
	return -1;
}

bool
i18n_lang_valid(const char *code)
{
	return i18n_lang_index(code) >= 0;
}

const char *
i18n_lang_name(const char *code)
{
	int i = i18n_lang_index(code);

	return i < 0 ? NULL : lang_names[i];
}

const char *
i18n_icu_locale(int i)
{
	return icu_locales[i];
}

/* Matches one locale name ("uk_UA.UTF-8@euro") against our languages with
 * CLDR's language matching, which also sends be to ru. Returns the index or
 * -1 for no match, "C" and "POSIX". */
static int
try_locale(const char *value)
{
	UAcceptResult	 res;
	UErrorCode	 st = U_ZERO_ERROR;
	UEnumeration	*avail;
	char		 name[64], out[16];
	const char	*list[1] = { name };
	size_t		 n;

	n = strcspn(value, ".@");
	if (n == 0 || n >= sizeof name)
		return -1;
	memcpy(name, value, n);
	name[n] = '\0';
	if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0)
		return -1;
	avail = uenum_openCharStringsEnumeration(i18n_langs, I18N_NLANGS, &st);
	if (U_FAILURE(st))
		return -1;
	uloc_acceptLanguage(out, sizeof out, &res, list, 1, avail, &st);
	uenum_close(avail);
	if (U_FAILURE(st) || res == ULOC_ACCEPT_FAILED)
		return -1;
	return i18n_lang_index(out);
}

const char *
i18n_negotiate(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang, const char *site_default)
{
	const char	*vars[3] = { lc_all, lc_messages, lang };
	char		 buf[256];
	char		*item, *save;
	int		 i, found;

	/* LANGUAGE is a list in order of preference: "uk:ru:en". */
	if (language != NULL && strlen(language) < sizeof buf) {
		strcpy(buf, language);
		for (item = strtok_r(buf, ":", &save); item != NULL;
		    item = strtok_r(NULL, ":", &save)) {
			if ((found = try_locale(item)) >= 0)
				return i18n_langs[found];
		}
	}
	for (i = 0; i < 3; i++) {
		if (vars[i] != NULL && (found = try_locale(vars[i])) >= 0)
			return i18n_langs[found];
	}
	if ((found = i18n_lang_index(site_default)) >= 0)
		return i18n_langs[found];
	return i18n_langs[0];
}

int
i18n_locale_utf8(const char *locale)
{
	const char	*cs;
	size_t		 n;

	if (locale == NULL)
		return -1;
	if ((cs = strchr(locale, '.')) == NULL) {
		/* C and POSIX are ASCII by definition (LANG=C is also what
		 * people set to get plain output); "lt_LT" names no codeset
		 * for certain, so the terminal is asked. */
		n = strcspn(locale, "@");
		return (n == 1 && locale[0] == 'C') ||
		    (n == 5 && strncmp(locale, "POSIX", 5) == 0) ? 0 : -1;
	}
	cs++;
	n = strcspn(cs, "@");
	return (n == 5 && strncasecmp(cs, "utf-8", 5) == 0) ||
	    (n == 4 && strncasecmp(cs, "utf8", 4) == 0);
}
