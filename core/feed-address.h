/* A member's feed addresses as people copy them: the base of the feeds
 * (feeds_url, the address the TLS proxy serves them at; when that is not
 * set, http:// and the feeds_listen address itself), then /u/TOKEN/NAME for
 * each output that is a member's feed (core/output.h, core/feed-tokens.h).
 * Settings shows them (ui/screen-feeds.c), and the output `feeds` prints
 * them one per line, since an address is longer than a terminal's line. */
#ifndef TINKLAS_FEED_ADDRESS_H
#define TINKLAS_FEED_ADDRESS_H

#include <stdbool.h>

struct config;
struct output;
struct output_ctx;

/* Whether members have feed addresses: feeds_listen is set and some
 * domain has a MEMBERS output that is a feed. */
bool feed_addresses_on(const struct config *cfg);
/* Calls fn for each MEMBERS feed output, in the domains' order. */
void feed_member_outputs(void (*fn)(const struct output *, void *),
    void *arg);
/* The address of output name for token; newly allocated. The feeds must
 * be on (feeds_listen set). */
char *feed_address(const struct config *cfg, const char *token,
    const char *name);
/* The output `feeds`: the member's addresses, one per line; with the
 * feeds off, a line that says so and status 1. */
int feed_addresses_write(const struct output_ctx *x);

#endif
