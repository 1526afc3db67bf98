/* Demo content: a small community a newcomer can log in to at once. Each
 * later feature adds its part here (boards, events, mentors, surveys). */
#include "core/demo.h"
#include "core/accounts.h"
#include "core/db.h"
#include "core/password.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

struct demo_account {
	const char	*name;
	const char	*display;
	const char	*lang;
	enum role	 role;
};

static const struct demo_account demo_accounts[] = {
	{ "admin", "Tinklo administratorius", "lt", ROLE_ADMIN },
	{ "moderatore", "Moderatorė Aistė", "lt", ROLE_MODERATOR },
	{ "ruta", "Rūta Petraitienė", "lt", ROLE_MEMBER },
	{ "jonas", "Jonas Kazlauskas", "lt", ROLE_MEMBER },
	{ "olena", "Олена Коваленко", "uk", ROLE_MEMBER },
	{ "emma", "Emma Wilson", "en", ROLE_MEMBER },
};

/* Short, easy to type words; three of them and two digits give about 45
 * bits, plenty for a demo login. */
static const char *const demo_words[] = {
	"amber", "birch", "canal", "delta", "ember", "fjord", "grove",
	"harbor", "island", "juniper", "kettle", "linden", "meadow", "nectar",
	"orchard", "pebble", "quarry", "river", "saddle", "timber", "upland",
	"valley", "willow", "yarrow", "zephyr", "beacon", "cobalt", "dune",
	"falcon", "garnet", "heron", "indigo", "jasper", "lantern", "marble",
	"nutmeg", "otter", "pepper", "quill", "raven", "spruce", "thistle",
	"umber", "violet", "walnut", "acorn", "bramble", "clover", "daisy",
	"fennel", "ginger", "hazel", "iris", "kelp", "lichen", "moss",
	"nettle", "oak", "poppy", "reed", "sorrel", "tansy", "vetch", "wren",
};

static void	demo_password(char *, size_t, const char *);

int
demo_fill(struct db *db, FILE *out)
{
	const struct demo_account *d;
	char password[80];
	const char *err;
	int64_t n;
	size_t i;

	if ((n = account_count(db)) != 0)
		return n > 0 ? 1 : -1;
	fprintf(out, "Demo logins (shown once):\n");
	for (i = 0; i < sizeof demo_accounts / sizeof demo_accounts[0]; i++) {
		d = &demo_accounts[i];
		demo_password(password, sizeof password, d->name);
		err = account_create(db, d->name, d->display, password, d->lang,
		    d->role, NULL);
		if (err != NULL) {
			fprintf(stderr, "demo: %s: %s\n", d->name, err);
			return -1;
		}
		fprintf(out, "  %-12s %-28s %s\n", d->name, password,
		    role_name(d->role));
	}
	return 0;
}

/* Writes "word-word-word-NN" that libpwquality accepts for name. */
static void
demo_password(char *buf, size_t sz, const char *name)
{
	uint32_t nw = sizeof demo_words / sizeof demo_words[0];
	int tries;

	for (tries = 0; tries < 50; tries++) {
		snprintf(buf, sz, "%s-%s-%s-%02u",
		    demo_words[arc4random_uniform(nw)],
		    demo_words[arc4random_uniform(nw)],
		    demo_words[arc4random_uniform(nw)],
		    arc4random_uniform(100));
		if (password_quality(buf, name, 10) == NULL)
			return;
	}
}
