/* `tinklas admin announce [TEXT... | --clear]`: the moderators'
 * announcement (core/announce.h) from the server's console or a script.
 * The words are joined by spaces, so quoting is optional; without any the
 * current announcement is printed. Audited by core, as actor 0. */
#include "cli/admin-cmd.h"
#include "common/strbuf.h"
#include "core/actor.h"
#include "core/announce.h"

#include <stdio.h>
#include <string.h>

/* Prints the current announcement, or says there is none. */
static int
show_current(struct admin_ctx *ctx)
{
	struct announcement an;
	char when[64];
	int rc = announce_current(ctx->db, &an);

	if (rc < 0)
		return admin_fail("the announcement could not be read");
	if (rc == 0) {
		puts("no announcement");
		return 0;
	}
	printf("since %s: ", admin_time(an.created_at, when, sizeof when));
	admin_put(an.body);
	putchar('\n');
	announce_free(&an);
	return 0;
}

int
admin_cmd_announce(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor a = admin_actor(ctx);
	struct strbuf sb = { 0 };
	struct core_error e;
	int i, w;

	if (argc == 1)
		return show_current(ctx);
	if (strcmp(argv[1], "--clear") == 0) {
		if (argc != 2)
			return admin_fail("--clear takes nothing after it");
		e = announce_clear(ctx->db, &a);
		if (core_failed(e))
			return admin_fail_key("announcement not cleared", e.key);
		puts("announcement cleared");
		return 0;
	}
	if (argv[1][0] == '-' && strcmp(argv[1], "--") != 0)
		return admin_fail("unknown option '%s'", argv[1]);
	for (i = strcmp(argv[1], "--") == 0 ? 2 : 1; i < argc; i++)
		sb_printf(&sb, "%s%s", sb.s != NULL ? " " : "", argv[i]);
	e = announce_set(ctx->db, &a, sb.s != NULL ? sb.s : "", NULL);
	w = announce_width(sb.s != NULL ? sb.s : "");
	sb_free(&sb);
	/* The console's own words: the screen's ("your text is kept") do
	 * not fit a command line. */
	if (core_failed(e) && strcmp(e.key, "error.announce.too_long") == 0)
		return admin_fail("announcement not set: it is %d columns "
		    "wide, at most %d", w, ANNOUNCE_MAX_COLS);
	if (core_failed(e) && strcmp(e.key, "error.announce.empty") == 0)
		return admin_fail("announcement not set: the text is empty");
	if (core_failed(e))
		return admin_fail_key("announcement not set", e.key);
	puts("announcement set: online sessions show it now, and the "
	    "welcome screen until it is cleared");
	return 0;
}
