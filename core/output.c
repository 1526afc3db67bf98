/* Looking outputs up over every domain (see output.h). */
#include "core/output.h"
#include "core/accounts.h"
#include "core/domain.h"

#include <assert.h>
#include <fnmatch.h>
#include <string.h>

static bool	output_name_ok(const char *);

static bool
output_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > OUTPUT_NAME_MAX || s[0] == '.' || s[0] == '-' ||
	    s[0] == '_')
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == n;
}

const struct output *
output_find(const char *name)
{
	const struct output *o;
	int i;

	if (name == NULL || !output_name_ok(name))
		return NULL;
	for (i = 0; i < ndomains; i++)
		for (o = domains[i]->outputs; o != NULL && o->name != NULL; o++)
			if (fnmatch(o->name, name, 0) == 0)
				return o;
	return NULL;
}

bool
output_allowed(const struct output *o, const struct account *account)
{
	assert(o != NULL);
	switch (o->who) {
	case OUTPUT_ANYONE:
		return true;
	case OUTPUT_MEMBERS:
		return account != NULL;
	case OUTPUT_MODERATORS:
		return account != NULL && account->role >= ROLE_MODERATOR;
	}
	return false;
}

void
output_each(void (*fn)(const struct output *, void *), void *arg)
{
	const struct output *o;
	int i;

	for (i = 0; i < ndomains; i++)
		for (o = domains[i]->outputs; o != NULL && o->name != NULL; o++)
			fn(o, arg);
}
