/* What a rule in core says when it refuses: a catalog key the UI shows in
 * the user's language, and the field of the form it belongs to, so a screen
 * puts the message under that field without reading the key. */
#ifndef TINKLAS_ERROR_H
#define TINKLAS_ERROR_H

#include <stdbool.h>
#include <stddef.h>

struct core_error {
	const char	*key;	/* NULL: done; else "error.suspend.rank" */
	const char	*field;	/* "days", "reason", ...; NULL: the whole
				 * action */
	long long	 arg;	/* the message's {0} where it takes one: the
				 * limit a text went past */
};

#define CORE_OK			((struct core_error){ NULL, NULL, 0 })
#define CORE_ERR(k, f)		((struct core_error){ (k), (f), 0 })
#define CORE_ERR_ARG(k, f, a)	((struct core_error){ (k), (f), (a) })

static inline bool
core_failed(struct core_error e)
{
	return e.key != NULL;
}

#endif
