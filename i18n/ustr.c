/* UTF-8 <-> UTF-16 for the ICU calls. */
#include <unicode/ustring.h>

#include "common/xalloc.h"
#include "i18n/internal.h"

UChar *
i18n_u16(const char *s, int32_t *len)
{
	UErrorCode	 st = U_ZERO_ERROR;
	int32_t		 n = 0;
	UChar		*u;

	u_strFromUTF8WithSub(NULL, 0, &n, s, -1, 0xFFFD, NULL, &st);
	u = xmalloc(((size_t)n + 1) * sizeof *u);
	st = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, n + 1, &n, s, -1, 0xFFFD, NULL, &st);
	if (U_FAILURE(st))
		n = 0;
	u[n] = 0;
	if (len != NULL)
		*len = n;
	return u;
}

char *
i18n_u8(const UChar *u, int32_t len)
{
	UErrorCode	 st = U_ZERO_ERROR;
	int32_t		 n = 0;
	char		*s;

	u_strToUTF8WithSub(NULL, 0, &n, u, len, 0xFFFD, NULL, &st);
	s = xmalloc((size_t)n + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8WithSub(s, n + 1, &n, u, len, 0xFFFD, NULL, &st);
	if (U_FAILURE(st))
		n = 0;
	s[n] = '\0';
	return s;
}
