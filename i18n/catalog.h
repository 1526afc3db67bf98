/* The key cache shared by T (catalog.c) and TF (message.c). */
#ifndef TINKLAS_I18N_CATALOG_H
#define TINKLAS_I18N_CATALOG_H

#include "i18n/internal.h"

struct i18n_entry {
	char		*key;
	UChar		*pattern;	/* the catalog text, or the key */
	int32_t		 len;
	char		*text;		/* T()'s result, made on first use */
	UMessageFormat	*fmt;		/* compiled on first use */
	bool		 missing;	/* in no catalog: text is the key */
	bool		 broken;	/* the pattern does not parse */
};

/* The cached entry of key in the current language; never NULL. Valid until
 * the language changes. */
struct i18n_entry *i18n_entry(const char *key);
/* The entry's compiled MessageFormat (in the site zone), or NULL when the
 * key is missing or its pattern is broken (logged once). */
UMessageFormat *i18n_entry_format(struct i18n_entry *e);

#endif
