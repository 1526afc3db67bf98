/* What the files of i18n/ share: the current language, the site zone, UTF-8
 * <-> UTF-16 conversion and the per-language caches each file keeps. Not
 * for use outside i18n/. Single-threaded, like the UI process it serves. */
#ifndef TINKLAS_I18N_INTERNAL_H
#define TINKLAS_I18N_INTERNAL_H

#include <unicode/umsg.h>
#include <unicode/utypes.h>

#include "i18n/i18n.h"

/* Index of code in i18n_langs, or -1. */
int i18n_lang_index(const char *code);
/* Index of the current language. */
int i18n_cur(void);
/* The ICU locale for formats of language i: "en_150" for English. */
const char *i18n_icu_locale(int i);
/* The site zone as UTF-16 ("Europe/Vilnius"). */
const UChar *i18n_zone(void);

/* Newly allocated UTF-16 of s (bad bytes become U+FFFD); *len gets the
 * length in code units when len is not NULL. */
UChar *i18n_u16(const char *s, int32_t *len);
/* Newly allocated UTF-8 of u (len code units, or -1 for NUL-terminated). */
char *i18n_u8(const UChar *u, int32_t len);

/* Formats fmt with the typed array args (a C++ helper, msgargs.cpp);
 * returns newly allocated UTF-8, or NULL with *st set. */
char *i18n_msg_format(const UMessageFormat *fmt, int nargs,
    const struct i18n_arg *args, UErrorCode *st);
/* Makes the date and time arguments of fmt use zone. */
void i18n_msg_set_zone(UMessageFormat *fmt, const UChar *zone);

/* Display columns of code point c (a negative c, a bad byte, is drawn as
 * U+FFFD: 1): wcwidth under C.UTF-8, whatever the process locale is. */
int i18n_cp_width(UChar32 c);
/* Display columns of the n bytes at s (i18n_cp_width of each code point). */
int i18n_span_width(const char *s, size_t n);
/* Bytes of the longest run of whole graphemes of s[0..n) that fits in
 * width columns; at least one grapheme when n > 0, so callers progress. */
size_t i18n_fit(const char *s, size_t n, int width);

/* Each file closes what it opened lazily. */
void i18n_catalog_close(void);
void i18n_datetime_close(void);
void i18n_reltime_close(void);
void i18n_wrapspan_close(void);
void i18n_collate_close(void);
void i18n_translit_close(void);
void i18n_text_close(void);
void i18n_wrap_close(void);

/* True when a line may not break at byte b of p[0..n) although ICU allows
 * it: right after the hyphen of a key name such as "Ctrl-X" ("Ctrl-" / "X"),
 * before a dash ("x" / "— report"), inside a path after a '/', after the
 * hyphen of a word holding '@' or '.' (an address or file name such as
 * my-data.json). */
bool	i18n_keeps_key_name(const char *p, size_t n, size_t b);

#endif
