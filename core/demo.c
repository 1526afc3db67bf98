/* Demo content: a small community a newcomer can log in to at once. Each
 * domain brings its own part (core/domain.h); this fills them in order. */
#include "core/demo.h"
#include "core/accounts.h"
#include "core/domain.h"

#include <stdint.h>
#include <stdio.h>

int
demo_fill(struct db *db, FILE *out)
{
	int64_t n;
	int i;

	if ((n = account_count(db)) != 0)
		return n > 0 ? 1 : -1;
	for (i = 0; i < ndomains; i++)
		if (domains[i]->demo_fill != NULL &&
		    domains[i]->demo_fill(db, out) != 0)
			return -1;
	return 0;
}
