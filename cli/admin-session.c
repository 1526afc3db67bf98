/* `tinklas admin who` and `tinklas admin session ...`: the live sessions
 * (core/sessions.h), and ending one. */
#include "cli/admin-cmd.h"
#include "core/actor.h"
#include "core/sessions.h"

#include <stdint.h>
#include <stdio.h>

static int	cmd_end(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_session_cmds[] = {
	{ "end", "ID", "end a live session (its connection closes; see "
	    "`tinklas admin who` for the ids)", true, cmd_end },
	{ "list", "", "the same as `tinklas admin who`", true, admin_cmd_who },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_session = {
	.name = "session",
	.help = "live sessions",
	.cmds = admin_session_cmds,
};

static const char *const kind_words[] = { "member", "guest", "new" };

static int
print_session(const struct session_info *s, void *arg)
{
	char since[64], active[64];

	(void)arg;
	printf("%-6lld %-7s %-20s ", (long long)s->id, kind_words[s->kind],
	    s->kind == SESSION_MEMBER ? s->name : "-");
	printf("%-14s %-22s %-22s ", *s->part != '\0' ? s->part : "-",
	    admin_time(s->started, since, sizeof since),
	    admin_time(s->active, active, sizeof active));
	admin_put(*s->source != '\0' ? s->source : "-");
	putchar('\n');
	return 0;
}

void
admin_print_online(int sessions, int members, int guests)
{
	printf("Online now: %d session%s (%d member%s, %d guest%s)\n",
	    sessions, sessions == 1 ? "" : "s", members,
	    members == 1 ? "" : "s", guests, guests == 1 ? "" : "s");
}

int
admin_cmd_who(struct admin_ctx *ctx, int argc, char **argv)
{
	int members, guests, sessions;

	(void)argv;
	if (argc != 1)
		return admin_fail("`%s` takes no arguments", argv[0]);
	if (session_totals(ctx->db, &members, &guests, &sessions) != 0)
		return admin_fail("cannot read the sessions");
	admin_print_online(sessions, members, guests);
	printf("%-6s %-7s %-20s %-14s %-22s %-22s %s\n", "ID", "KIND", "NAME",
	    "PART", "SINCE", "LAST ACTIVE", "FROM");
	if (session_each(ctx->db, print_session, NULL) < 0)
		return admin_fail("cannot read the sessions");
	return 0;
}

static int
cmd_end(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor actor = admin_actor(ctx);
	int64_t id;

	if (argc != 2 || admin_id(argv[1], &id) != 0)
		return admin_usage("session", &admin_session_cmds[0]);
	switch (session_stop(ctx->db, &actor, id)) {
	case 0:
		printf("session %lld ended\n", (long long)id);
		return 0;
	case SESSION_GONE:
		return admin_fail("no live session %lld", (long long)id);
	default:
		return admin_fail("session %lld could not be ended",
		    (long long)id);
	}
}
