/* Word stems for search, by the Snowball stemmers of libstemmer (Debian's
 * libstemmer0d): Lithuanian, Russian and English. Ukrainian and Polish
 * have none there, so their words are matched by prefix only. */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"

#define STEM_MIN_CP	4	/* shorter stems would match too much */

static const struct {
	const char	*lang;
	const char	*algorithm;
} stemmers[] = {
	{ "lt", "lithuanian" },
	{ "ru", "russian" },
	{ "en", "english" },
};

/* One stemmer per language, made on first use and kept for the process
 * (a session is one process and searches in few languages). */
static struct sb_stemmer *made[sizeof stemmers / sizeof *stemmers];

static size_t
cp_count(const char *s, size_t n)
{
	size_t i, cp = 0;

	for (i = 0; i < n; i++)
		cp += ((unsigned char)s[i] & 0xc0) != 0x80;
	return cp;
}

char *
i18n_stem(const char *word, const char *lang)
{
	const sb_symbol *r;
	char *lower, *out = NULL;
	size_t i, n;

	for (i = 0; i < sizeof stemmers / sizeof *stemmers; i++)
		if (lang != NULL && strcmp(stemmers[i].lang, lang) == 0)
			break;
	if (i == sizeof stemmers / sizeof *stemmers)
		return NULL;
	if (made[i] == NULL &&
	    (made[i] = sb_stemmer_new(stemmers[i].algorithm, "UTF_8")) == NULL)
		return NULL;
	/* The stemmers want small letters with their accents. */
	lower = i18n_nfkc_casefold(word);
	r = sb_stemmer_stem(made[i], (const sb_symbol *)lower,
	    (int)strlen(lower));
	n = r != NULL ? (size_t)sb_stemmer_length(made[i]) : 0;
	/* Only a cut ending: a stem that rewrote letters (lt Šančiuose ->
	 * šant) would find other words by its prefix. */
	if (n > 0 && n < strlen(lower) && memcmp(r, lower, n) == 0 &&
	    cp_count(lower, n) >= STEM_MIN_CP)
		out = xstrndup(lower, n);
	free(lower);
	return out;
}
