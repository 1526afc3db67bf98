/* Languages people speak, beyond the five of the site: ISO 639-1 codes
 * ("uk", "ar", "fa") checked against ICU's list, and their names in the
 * current language for display (i18n/langname.c). */
#ifndef TINKLAS_I18N_LANGNAME_H
#define TINKLAS_I18N_LANGNAME_H

#include <stdbool.h>

/* True when code is a two-letter ISO 639-1 code that ICU knows. */
bool i18n_language_known(const char *code);
/* The language's name in the current language ("ukrainiečių" in lt),
 * or NULL for an unknown code. Newly allocated. */
char *i18n_language_name(const char *code);

#endif
