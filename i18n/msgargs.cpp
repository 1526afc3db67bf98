/* The one C++ file of i18n/: MessageFormat with a typed array of arguments.
 * ICU's C API (umsg_format) takes C varargs whose C types must match the
 * argument types of the pattern, and the pattern is whatever a translator
 * wrote: a plural in one language and a plain {0} in another would be
 * undefined behaviour there. MessageFormat::format(const Formattable *)
 * checks instead. A UMessageFormat is a MessageFormat (umsg.cpp). */
#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/smpdtfmt.h>

extern "C" {
#include "i18n/internal.h"
}

#define MAXARGS 16

extern "C" char *
i18n_msg_format(const UMessageFormat *fmt, int nargs,
    const struct i18n_arg *args, UErrorCode *st)
{
	const icu::MessageFormat	*mf;
	icu::Formattable		 fa[MAXARGS];
	icu::UnicodeString		 out;
	icu::FieldPosition		 fp;
	int				 i;

	mf = reinterpret_cast<const icu::MessageFormat *>(fmt);
	if (nargs < 0 || nargs > MAXARGS) {
		*st = U_ILLEGAL_ARGUMENT_ERROR;
		return NULL;
	}
	for (i = 0; i < nargs; i++) {
		switch (args[i].type) {
		case i18n_arg::IA_STR:
			fa[i].setString(icu::UnicodeString::fromUTF8(
			    args[i].s != NULL ? args[i].s : ""));
			break;
		case i18n_arg::IA_NUM:
			fa[i].setDouble(args[i].n);
			break;
		case i18n_arg::IA_DATE:
			fa[i].setDate((UDate)args[i].t * 1000.0);
			break;
		}
	}
	mf->format(fa, nargs, out, fp, *st);
	if (U_FAILURE(*st))
		return NULL;
	return i18n_u8(out.getBuffer(), out.length());
}

extern "C" void
i18n_msg_set_zone(UMessageFormat *fmt, const UChar *zone)
{
	icu::MessageFormat	*mf = reinterpret_cast<icu::MessageFormat *>(fmt);
	const icu::Format	**subs;
	icu::TimeZone		*tz;
	int32_t			 n, i;

	tz = icu::TimeZone::createTimeZone(icu::UnicodeString(zone));
	subs = mf->getFormats(n);
	for (i = 0; subs != NULL && i < n; i++) {
		if (subs[i] == NULL || subs[i]->getDynamicClassID() !=
		    icu::SimpleDateFormat::getStaticClassID())
			continue;
		/* The formats are the message's own, lent as const. */
		const_cast<icu::DateFormat *>(static_cast<const icu::DateFormat *>(
		    subs[i]))->setTimeZone(*tz);
	}
	delete tz;
}
