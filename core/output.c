/* Looking outputs up over every domain (see output.h). */
#include "core/output.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/domain.h"
#include "i18n/i18n.h"

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

int
output_reader(struct output_ctx *ctx, int64_t account_id, const char *lang,
    struct account *a, struct actor *actor)
{
	ctx->account = NULL;
	if (account_id > 0) {
		if (account_by_id(ctx->db, account_id, a) != 0)
			return -1;
		ctx->account = a;
		if (i18n_lang_valid(a->lang))
			lang = a->lang;
	}
	i18n_set_lang(lang);
	*actor = ctx->account != NULL ? actor_account(ctx->account, lang, 0) :
	    actor_guest(lang);
	ctx->actor = actor;
	return 0;
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

int
output_name_id(const char *name, const char *prefix, const char *suffix,
    int64_t *id)
{
	size_t n = strlen(name), plen = strlen(prefix), slen = strlen(suffix), i;
	int64_t v = 0;

	if (n <= plen + slen || strncmp(name, prefix, plen) != 0 ||
	    strcmp(name + n - slen, suffix) != 0)
		return -1;
	n -= plen + slen;
	name += plen;
	if (n > 19 || name[0] < '1' || name[0] > '9')	/* INT64_MAX: 19 */
		return -1;
	for (i = 0; i < n; i++) {
		if (name[i] < '0' || name[i] > '9' ||
		    v > (INT64_MAX - (name[i] - '0')) / 10)
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	*id = v;
	return 0;
}
