/* Which feed a request asks for (see feeds.h); no HTTP library here, so
 * the rules are tested on their own. */
#include "server/feeds.h"

#include "core/feed-tokens.h"
#include "core/output.h"

#include <stdio.h>
#include <string.h>

#define MEMBER_PREFIX	"/u/"

int
feeds_route(struct db *db, const char *method, const char *path,
    const struct output *(*find)(const char *), struct feeds_route *r)
{
	char token[FEED_TOKEN_LEN + 1];
	const struct output *o;
	const char *name, *slash;
	int rc;

	memset(r, 0, sizeof *r);
	r->status = 404;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		r->status = 405;
		return 0;
	}
	if (strncmp(path, MEMBER_PREFIX, strlen(MEMBER_PREFIX)) == 0) {
		name = path + strlen(MEMBER_PREFIX);
		if ((slash = strchr(name, '/')) == NULL ||
		    slash - name != FEED_TOKEN_LEN)
			return 0;
		memcpy(token, name, FEED_TOKEN_LEN);
		token[FEED_TOKEN_LEN] = '\0';
		o = find(slash + 1);
		if (o == NULL || !o->feed || o->who != OUTPUT_MEMBERS)
			return 0;
		/* An unknown token is a 404 like an unknown name: nothing
		 * tells a guesser that the feed exists. */
		if ((rc = feed_token_account(db, token, &r->account_id)) <= 0)
			return rc;
	} else {
		if (path[0] != '/')
			return 0;
		o = find(path + 1);
		if (o == NULL || !o->feed || o->who != OUTPUT_ANYONE)
			return 0;
	}
	r->status = 200;
	r->output = o;
	return 0;
}

void
feeds_log_path(const char *path, char *out, size_t outsz)
{
	const char *rest;

	if (strncmp(path, MEMBER_PREFIX, strlen(MEMBER_PREFIX)) == 0 &&
	    (rest = strchr(path + strlen(MEMBER_PREFIX), '/')) != NULL)
		snprintf(out, outsz, MEMBER_PREFIX "-%s", rest);
	else
		snprintf(out, outsz, "%s", path);
}
