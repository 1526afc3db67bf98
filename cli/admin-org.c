/* `tinklas admin org ...` and `tinklas admin tag ...`: the directory's
 * organisations (add one, list them, list or change an organisation's
 * members) and its shared vocabulary of tags (list them with their uses,
 * merge a near-duplicate into another). The admin command is the actor
 * with account 0 and ROLE_ADMIN; core checks and audits. */
#include "cli/admin-cmd.h"
#include "core/accounts.h"
#include "core/directory.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIST_DEFAULT_LIMIT	50
#define LIST_LIMIT_MAX		10000

static int	cmd_org_add(struct admin_ctx *, int, char **);
static int	cmd_org_list(struct admin_ctx *, int, char **);
static int	cmd_org_members(struct admin_ctx *, int, char **);
static int	cmd_tag_list(struct admin_ctx *, int, char **);
static int	cmd_tag_merge(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_org_cmds[] = {
	{ "add", "--kind KIND --name NAME [--description TEXT] "
	    "[--eldership CODE] [--contact TEXT]", "add an organisation; KIND "
	    "is school, university, library, ngo or municipal", true,
	    cmd_org_add },
	{ "list", "[--limit N]", "list the organisations by name: id, kind, "
	    "eldership, members, name (default 50)", true, cmd_org_list },
	{ "members", "ID [NAME member|admin|remove]", "list an organisation's "
	    "members, or add one, make them its admin or remove them", true,
	    cmd_org_members },
	{ NULL, NULL, NULL, false, NULL }
};

static const struct admin_cmd admin_tag_cmds[] = {
	{ "list", "[--query TEXT] [--limit N]", "list the directory's tags by "
	    "name with their uses (default 50)", true, cmd_tag_list },
	{ "merge", "OLD NEW", "move every use of tag OLD to NEW (a new name "
	    "renames it) and drop OLD", true, cmd_tag_merge },
	{ NULL, NULL, NULL, false, NULL }
};

static const struct admin_group admin_group_tag = {
	.name = "tag",
	.help = "the directory's tags: skills and interests",
	.cmds = admin_tag_cmds,
};

const struct admin_group admin_group_org = {
	.name = "org",
	.help = "the directory's organisations and their members",
	.cmds = admin_org_cmds,
	.next = &admin_group_tag,
};

/* Reads --limit into *limit; the index of the first operand, or -1. */
static int
list_options(int argc, char **argv, long long *limit, const char **query)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'n' },
		{ "query", required_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	*limit = LIST_DEFAULT_LIMIT;
	while ((ch = getopt_long(argc, argv, "n:q:", opts, NULL)) != -1) {
		if (ch == 'n' && admin_number(optarg, LIST_LIMIT_MAX, limit) ==
		    0 && *limit > 0)
			continue;
		if (ch == 'q' && query != NULL) {
			*query = optarg;
			continue;
		}
		return -1;
	}
	return optind;
}

static int
cmd_org_add(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "name", required_argument, NULL, 'N' },
		{ "description", required_argument, NULL, 'd' },
		{ "eldership", required_argument, NULL, 'e' },
		{ "contact", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct dir_org_input in = { NULL, NULL, "", "", "" };
	struct actor a = admin_actor(ctx);
	struct core_error e;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "k:N:d:e:c:", opts, NULL)) != -1) {
		switch (ch) {
		case 'k': in.kind = optarg; break;
		case 'N': in.name = optarg; break;
		case 'd': in.description = optarg; break;
		case 'e': in.eldership = optarg; break;
		case 'c': in.contact = optarg; break;
		default: return admin_usage("org", &admin_org_cmds[0]);
		}
	}
	if (optind != argc || in.kind == NULL || in.name == NULL)
		return admin_usage("org", &admin_org_cmds[0]);
	e = directory_org_add(ctx->db, &a, &in, &id);
	if (core_failed(e))
		return admin_fail_key("organisation not added", e.key);
	printf("added organisation %lld\n", (long long)id);
	return 0;
}

static int
cmd_org_list(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor a = admin_actor(ctx);
	struct dir_org_list l;
	long long limit;

	if (list_options(argc, argv, &limit, NULL) != argc)
		return admin_usage("org", &admin_org_cmds[1]);
	if (directory_orgs(ctx->db, &a, NULL, NULL, NULL, 0, (int)limit, &l)
	    != 0)
		return admin_fail("cannot read the organisations");
	if (l.n == 0)
		printf("no organisations\n");
	else
		printf("%-6s %-10s %-12s %-7s %s\n", "ID", "KIND", "ELDERSHIP",
		    "MEMBERS", "NAME");
	for (size_t i = 0; i < l.n; i++) {
		printf("%-6lld %-10s %-12s %-7d ", (long long)l.v[i].id,
		    l.v[i].kind, l.v[i].eldership[0] != '\0' ?
		    l.v[i].eldership : "-", l.v[i].members);
		admin_put(l.v[i].name);
		putchar('\n');
	}
	if (l.more)
		printf("more organisations: raise --limit (now %lld)\n", limit);
	dir_org_list_free(&l);
	return 0;
}

static int
list_members(struct admin_ctx *ctx, int64_t org)
{
	struct actor a = admin_actor(ctx);
	struct dir_org_member_list l;

	if (directory_org_members(ctx->db, &a, org, 0, LIST_LIMIT_MAX, &l) != 0)
		return admin_fail("cannot read the members");
	if (l.n == 0)
		printf("no members\n");
	else
		printf("%-6s %-32s %-7s %s\n", "ID", "NAME", "ROLE", "DISPLAY");
	for (size_t i = 0; i < l.n; i++) {
		printf("%-6lld %-32s %-7s ", (long long)l.v[i].account_id,
		    l.v[i].name, l.v[i].role == DIR_ORG_ADMIN ? "admin" :
		    "member");
		admin_put(l.v[i].display);
		putchar('\n');
	}
	dir_org_member_list_free(&l);
	return 0;
}

static int
cmd_org_members(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor a = admin_actor(ctx);
	struct account acct;
	struct core_error e;
	struct dir_org o;
	long long id;

	if ((argc != 2 && argc != 4) || admin_number(argv[1], INT64_MAX, &id)
	    != 0)
		return admin_usage("org", &admin_org_cmds[2]);
	if (directory_org_get(ctx->db, &a, id, &o) != 0)
		return admin_fail("no organisation %lld (see `tinklas admin org "
		    "list`)", id);
	if (argc == 2)
		return list_members(ctx, id);
	if (admin_account(ctx, argv[2], &acct) != 0)
		return 1;
	if (strcmp(argv[3], "remove") == 0)
		e = directory_org_member_remove(ctx->db, &a, id, acct.id);
	else if (strcmp(argv[3], "member") == 0 || strcmp(argv[3], "admin") ==
	    0)
		e = directory_org_member_set(ctx->db, &a, id, acct.id,
		    argv[3][0] == 'a' ? DIR_ORG_ADMIN : DIR_ORG_MEMBER);
	else
		return admin_usage("org", &admin_org_cmds[2]);
	if (core_failed(e))
		return admin_fail_key("members not changed", e.key);
	printf("%s: %s of organisation %lld\n", acct.name, argv[3][0] == 'r' ?
	    "removed" : argv[3], id);
	return 0;
}

static int
cmd_tag_list(struct admin_ctx *ctx, int argc, char **argv)
{
	const char *query = NULL;
	struct dir_tag_list l;
	long long limit;

	if (list_options(argc, argv, &limit, &query) != argc)
		return admin_usage("tag", &admin_tag_cmds[0]);
	if (dir_tag_list(ctx->db, query, 0, (int)limit, &l) != 0)
		return admin_fail("cannot read the tags");
	if (l.n == 0)
		printf("no tags\n");
	else
		printf("%-6s %s\n", "USES", "TAG");
	for (size_t i = 0; i < l.n; i++) {
		printf("%-6d ", l.v[i].uses);
		admin_put(l.v[i].display);
		putchar('\n');
	}
	if (l.more)
		printf("more tags: raise --limit (now %lld)\n", limit);
	dir_tag_list_free(&l);
	return 0;
}

static int
cmd_tag_merge(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor a = admin_actor(ctx);
	struct core_error e;

	if (argc != 3)
		return admin_usage("tag", &admin_tag_cmds[1]);
	e = directory_tag_merge(ctx->db, &a, argv[1], argv[2]);
	if (core_failed(e))
		return admin_fail_key("tags not merged", e.key);
	printf("merged: every use of the old tag now has the new one\n");
	return 0;
}
