/* The catalogs: the built-in ICU data package, the current language's
 * bundle, and a cache of each key's pattern, plain text and compiled
 * MessageFormat. */
#include <stdlib.h>
#include <string.h>

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/catalog.h"

/* Built by pkgdata from i18n/po (i18n.mk). */
extern const char tinklas_msgs_dat[];
#define PKG "tinklas_msgs"

struct catalog {
	bool			 ready;
	int			 cur;
	UChar			*zone;
	UResourceBundle		*bundle;
	struct i18n_entry	**slots;	/* open addressing on the key */
	size_t			 nslots;
	size_t			 used;
};

static struct catalog cat;

static void	cache_clear(void);
static size_t	hash(const char *s);
static struct i18n_entry *entry_load(const char *key);

int
i18n_cur(void)
{
	return cat.cur;
}

const UChar *
i18n_zone(void)
{
	return cat.zone;
}

int
i18n_init(const char *tz)
{
	UErrorCode st = U_ZERO_ERROR;

	if (cat.ready)
		i18n_shutdown();
	udata_setAppData(PKG, tinklas_msgs_dat, &st);
	if (U_FAILURE(st)) {
		log_error("%s: udata_setAppData: %s", __func__, u_errorName(st));
		return -1;
	}
	cat.zone = i18n_u16(tz != NULL ? tz : "Europe/Vilnius", NULL);
	cat.ready = true;
	cat.cur = -1;
	if (i18n_set_lang(i18n_langs[0]) != 0) {
		i18n_shutdown();
		return -1;
	}
	return 0;
}

void
i18n_shutdown(void)
{
	i18n_catalog_close();
	i18n_datetime_close();
	i18n_reltime_close();
	i18n_wrapspan_close();
	i18n_collate_close();
	i18n_translit_close();
	i18n_text_close();
	i18n_wrap_close();
	free(cat.zone);
	cat.zone = NULL;
	cat.ready = false;
}

void
i18n_catalog_close(void)
{
	cache_clear();
	free(cat.slots);
	cat.slots = NULL;
	cat.nslots = 0;
	if (cat.bundle != NULL)
		ures_close(cat.bundle);
	cat.bundle = NULL;
	cat.cur = -1;
}

int
i18n_set_lang(const char *code)
{
	UErrorCode	 st = U_ZERO_ERROR;
	UResourceBundle	*b;
	int		 i = i18n_lang_index(code);

	if (i < 0 || !cat.ready)
		return -1;
	if (i == cat.cur)
		return 0;
	/* Only our own codes reach ures_open: an unknown one would fall back
	 * to ICU's default locale, taken from LANG. */
	b = ures_open(PKG, code, &st);
	if (U_FAILURE(st)) {
		log_error("%s: ures_open %s: %s", __func__, code, u_errorName(st));
		return -1;
	}
	cache_clear();
	if (cat.bundle != NULL)
		ures_close(cat.bundle);
	cat.bundle = b;
	cat.cur = i;
	return 0;
}

const char *
i18n_lang(void)
{
	return i18n_langs[cat.cur < 0 ? 0 : cat.cur];
}

/* FNV-1a. */
static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
cache_clear(void)
{
	struct i18n_entry	*e;
	size_t			 i;

	for (i = 0; i < cat.nslots; i++) {
		if ((e = cat.slots[i]) == NULL)
			continue;
		if (e->fmt != NULL)
			umsg_close(e->fmt);
		free(e->key);
		free(e->pattern);
		free(e->text);
		free(e);
		cat.slots[i] = NULL;
	}
	cat.used = 0;
}

static void
cache_grow(void)
{
	struct i18n_entry	**old = cat.slots;
	size_t			  oldn = cat.nslots, i, j;

	cat.nslots = oldn ? oldn * 2 : 256;
	cat.slots = xcalloc(cat.nslots, sizeof *cat.slots);
	for (i = 0; i < oldn; i++) {
		if (old[i] == NULL)
			continue;
		j = hash(old[i]->key) & (cat.nslots - 1);
		while (cat.slots[j] != NULL)
			j = (j + 1) & (cat.nslots - 1);
		cat.slots[j] = old[i];
	}
	free(old);
}

/* Reads key from the bundle (English when the language lacks it). */
static struct i18n_entry *
entry_load(const char *key)
{
	struct i18n_entry	*e = xcalloc(1, sizeof *e);
	UErrorCode		 st = U_ZERO_ERROR;
	const UChar		*u = NULL;
	int32_t			 len = 0;

	e->key = xstrdup(key);
	if (cat.bundle != NULL)
		u = ures_getStringByKey(cat.bundle, key, &len, &st);
	if (u == NULL || U_FAILURE(st)) {
		e->missing = true;
		e->pattern = i18n_u16(key, &e->len);
		e->text = xstrdup(key);
		return e;
	}
	e->pattern = xmalloc(((size_t)len + 1) * sizeof *e->pattern);
	u_memcpy(e->pattern, u, len);
	e->pattern[len] = 0;
	e->len = len;
	return e;
}

struct i18n_entry *
i18n_entry(const char *key)
{
	struct i18n_entry	*e;
	size_t			 i;

	if (cat.nslots == 0 || (cat.used + 1) * 2 > cat.nslots)
		cache_grow();
	i = hash(key) & (cat.nslots - 1);
	for (; (e = cat.slots[i]) != NULL; i = (i + 1) & (cat.nslots - 1)) {
		if (strcmp(e->key, key) == 0)
			return e;
	}
	e = entry_load(key);
	cat.slots[i] = e;
	cat.used++;
	return e;
}

UMessageFormat *
i18n_entry_format(struct i18n_entry *e)
{
	UErrorCode	st = U_ZERO_ERROR;
	UParseError	pe;

	if (e->fmt != NULL || e->broken || e->missing)
		return e->fmt;
	e->fmt = umsg_open(e->pattern, e->len, i18n_icu_locale(cat.cur), &pe,
	    &st);
	if (U_FAILURE(st)) {
		log_error("%s: %s (%s): pattern error at offset %d: %s",
		    __func__, e->key, i18n_lang(), (int)pe.offset,
		    u_errorName(st));
		umsg_close(e->fmt);	/* ICU 72 returns one even on failure */
		e->fmt = NULL;
		e->broken = true;
		return NULL;
	}
	i18n_msg_set_zone(e->fmt, cat.zone);
	return e->fmt;
}

const char *
T(const char *key)
{
	struct i18n_entry	*e = i18n_entry(key);
	UErrorCode		 st = U_ZERO_ERROR;
	UMessageFormat		*fmt;

	if (e->text != NULL)
		return e->text;
	/* Only a pattern with quotes or arguments needs MessageFormat. */
	if (u_strchr(e->pattern, '\'') == NULL && u_strchr(e->pattern, '{') == NULL)
		e->text = i18n_u8(e->pattern, e->len);
	else if ((fmt = i18n_entry_format(e)) == NULL ||
	    (e->text = i18n_msg_format(fmt, 0, NULL, &st)) == NULL)
		e->text = i18n_u8(e->pattern, e->len);
	return e->text;
}
