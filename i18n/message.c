/* TF: a catalog pattern formatted with arguments. */
#include "common/log.h"
#include "common/xalloc.h"
#include "i18n/catalog.h"

char *
TF(const char *key, int nargs, const struct i18n_arg *args)
{
	struct i18n_entry	*e = i18n_entry(key);
	UErrorCode		 st = U_ZERO_ERROR;
	UMessageFormat		*fmt;
	char			*s;

	if ((fmt = i18n_entry_format(e)) == NULL)
		return i18n_u8(e->pattern, e->len);
	if ((s = i18n_msg_format(fmt, nargs, args, &st)) == NULL) {
		log_error("%s: %s (%s): %s", __func__, key, i18n_lang(),
		    u_errorName(st));
		return i18n_u8(e->pattern, e->len);
	}
	return s;
}
