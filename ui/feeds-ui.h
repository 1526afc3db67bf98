/* The member's feed addresses in Settings (ui/screen-feeds.c): the secret
 * addresses of their calendar feeds, and their renewal. */
#ifndef TINKLAS_FEEDS_UI_H
#define TINKLAS_FEEDS_UI_H

#include <stdbool.h>

struct app;
struct screen_ops;

extern const struct screen_ops screen_feeds;

/* Whether Settings offers the screen: to a member, when the site serves
 * the feeds and some feature has a feed for members (feed_addresses_on). */
bool feeds_offered(const struct app *app);

#endif
