/* A member's feed addresses (see feed-address.h). */
#include "core/feed-address.h"
#include "core/feed-tokens.h"
#include "core/output.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct member_walk {
	void	(*fn)(const struct output *, void *);
	void	*arg;
};

static void
member_feed(const struct output *o, void *arg)
{
	struct member_walk *w = arg;

	if (o->feed && o->who == OUTPUT_MEMBERS)
		w->fn(o, w->arg);
}

void
feed_member_outputs(void (*fn)(const struct output *, void *), void *arg)
{
	struct member_walk w = { fn, arg };

	output_each(member_feed, &w);
}

static void
count_one(const struct output *o, void *arg)
{
	(void)o;
	(*(int *)arg)++;
}

bool
feed_addresses_on(const struct config *cfg)
{
	int n = 0;

	if (cfg->feeds_addr == NULL)
		return false;
	feed_member_outputs(count_one, &n);
	return n > 0;
}

char *
feed_address(const struct config *cfg, const char *token, const char *name)
{
	const char *url = cfg->feeds_url;
	size_t n = strlen(url);

	assert(cfg->feeds_addr != NULL);
	if (n > 0) {
		/* The path's own slash is ours to add. */
		while (n > 0 && url[n - 1] == '/')
			n--;
		return xasprintf("%.*s/u/%s/%s", (int)n, url, token, name);
	}
	/* An IPv6 address takes brackets in a URL. */
	return xasprintf(strchr(cfg->feeds_addr, ':') != NULL ?
	    "http://[%s]:%d/u/%s/%s" : "http://%s:%d/u/%s/%s",
	    cfg->feeds_addr, cfg->feeds_port, token, name);
}

struct print_walk {
	const struct output_ctx	*x;
	const char		*token;
};

static void
print_address(const struct output *o, void *arg)
{
	struct print_walk *w = arg;
	char *s = feed_address(w->x->cfg, w->token, o->name);

	fprintf(w->x->out, "%s\n", s);
	free(s);
}

int
feed_addresses_write(const struct output_ctx *x)
{
	char token[FEED_TOKEN_LEN + 1];
	struct print_walk w = { x, token };
	const char *err;

	assert(x->account != NULL && x->cfg != NULL);	/* OUTPUT_MEMBERS */
	if (!feed_addresses_on(x->cfg)) {
		fprintf(x->out, "%s\n", T("feeds.off"));
		return OUTPUT_REFUSED;
	}
	if ((err = feed_token_get(x->db, x->actor, token)) != NULL) {
		fprintf(x->out, "%s\n", T(err));
		return OUTPUT_FAILED;
	}
	feed_member_outputs(print_address, &w);
	return 0;
}
