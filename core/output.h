/* Outputs: the plain texts a domain prints for `ssh host NAME` (help,
 * whoami, calendar.ics, my.ics, event-ID.ics), and that the feeds serve
 * read-only over HTTP when the domain says so. Each domain lists its own
 * (struct domain.outputs), so a feature's outputs need no edit anywhere
 * else; output_find() walks every domain. The connection process only
 * looks a name up and checks who may ask; writing happens in a freshly
 * exec'd `tinklas exec` (server/exec.h) or in the feeds process. */
#ifndef TINKLAS_OUTPUT_H
#define TINKLAS_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct account;
struct actor;
struct config;
struct db;

#define OUTPUT_NAME_MAX	64	/* bytes of a name as typed */
/* A writer's statuses besides 0 (struct output.write). */
#define OUTPUT_REFUSED	1	/* no such thing, or not the asker's */
#define OUTPUT_FAILED	2	/* the server failed */

/* Who may ask: anyone connected (guests and `new` too), members logged in
 * with their account, or moderators and admins. */
enum output_who { OUTPUT_ANYONE, OUTPUT_MEMBERS, OUTPUT_MODERATORS };

/* What a writer knows. account is NULL for a guest. */
struct output_ctx {
	struct db		*db;
	const struct config	*cfg;		/* the site's settings */
	const struct actor	*actor;
	const struct account	*account;
	const char		*name;		/* as asked, output_find checked it */
	FILE			*out;		/* no escape codes ever */
};

struct output {
	const char	*name;		/* a name, or an fnmatch pattern
					 * ("event-*.ics") */
	enum output_who	 who;
	const char	*help_key;	/* its line in `help` */
	/* Also served over HTTP by the feeds (feeds_listen): an ANYONE
	 * output at /NAME, a MEMBERS one at the member's secret address. */
	bool		 feed;
	const char	*media_type;	/* of a feed: "text/calendar; ..." */
	/* Optional: what those who may not run it are told instead of
	 * exec.refused, when the reason can be said better ({0} the name). */
	const char	*refused_key;
	/* Returns the exit status the client gets: 0 fine, OUTPUT_REFUSED
	 * when what the name asks for is not there or not the asker's (a
	 * feed answers 404 then, as for an unknown name), OUTPUT_FAILED
	 * when the server failed. */
	int		(*write)(const struct output_ctx *);
};

/* The output whose name or pattern matches name, from any domain; NULL
 * also for a name that is empty, too long, or has bytes outside
 * [A-Za-z0-9._-] or starts with one of ._- (so a pattern's `*` can never
 * match a path, a space or an option). */
const struct output *output_find(const char *name);
/* Whether a guest (account NULL) or the account may ask for o. */
bool output_allowed(const struct output *o, const struct account *account);
/* Fills ctx's reader: the account (account_id 0: a guest) in its own
 * language when it has one, else lang, which also becomes the interface
 * language; a and actor are the caller's storage. 0, or -1 when there is
 * no such account. */
int output_reader(struct output_ctx *ctx, int64_t account_id,
    const char *lang, struct account *a, struct actor *actor);
/* Calls fn for every output of every domain, in the domains' order. */
void output_each(void (*fn)(const struct output *, void *), void *arg);
/* The id in a name prefix + ID + suffix ("event-17.ics", "org-3.ics"):
 * ID is 1 to 19 digits without a leading zero, at most INT64_MAX, so each
 * id has one spelling. 0 and *id, or -1 for any other name. */
int output_name_id(const char *name, const char *prefix, const char *suffix,
    int64_t *id);

#endif
