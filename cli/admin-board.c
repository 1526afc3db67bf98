/* `tinklas admin board ...`: add, list, edit, move and remove forum boards,
 * and list, add and remove a board's own moderators. The admin command is
 * the actor with account 0 and ROLE_ADMIN; core checks the text and
 * writes the audit log. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "core/accounts.h"
#include "core/forums.h"

#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int	cmd_add(struct admin_ctx *, int, char **);
static int	cmd_list(struct admin_ctx *, int, char **);
static int	cmd_edit(struct admin_ctx *, int, char **);
static int	cmd_move(struct admin_ctx *, int, char **);
static int	cmd_remove(struct admin_ctx *, int, char **);
static int	cmd_moderators(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_board_cmds[] = {
	{ "add", "TITLE [--description TEXT] [--lang xx]",
	    "add a forum board at the end of the list (for any language "
	    "unless --lang)", true, cmd_add },
	{ "list", "", "list the boards in order: id, position, language, "
	    "threads, title", true, cmd_list },
	{ "edit", "ID [--title TEXT] [--description TEXT] "
	    "[--lang xx | --any-lang]",
	    "change a board's title, description or language", true,
	    cmd_edit },
	{ "move", "ID POSITION", "move a board to a place in the list (1 is "
	    "the top)", true, cmd_move },
	{ "remove", "ID", "remove a board; one holding threads is refused",
	    true, cmd_remove },
	{ "moderators", "ID [add NAME | remove NAME]",
	    "list a board's own moderators, or add or remove one", true,
	    cmd_moderators },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_board = {
	.name = "board",
	.help = "forum boards and their moderators",
	.cmds = admin_board_cmds,
};

#define CMD(i)	(&admin_board_cmds[i])

/* Loads a board; prints an error when there is none. 0 or 1. */
static int
load(struct admin_ctx *ctx, int64_t id, struct forum_board *b)
{
	struct actor v = admin_actor(ctx);

	if (forum_board_get(ctx->db, &v, id, b) == 0)
		return 0;
	return admin_fail("no board %lld (see `tinklas admin board list`)",
	    (long long)id);
}

/* "added board 3 at position 3, language any: Title" and the
 * description on a second line. */
static void
show(const char *verb, const struct forum_board *b)
{
	printf("%s board %lld at position %d, language %s: ", verb,
	    (long long)b->id, b->position, *b->lang != '\0' ? b->lang : "any");
	admin_put(b->title);
	putchar('\n');
	if (*b->description != '\0') {
		fputs("  ", stdout);
		admin_put(b->description);
		putchar('\n');
	}
}

static int
cmd_add(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "description", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	const char *desc = "", *lang = "", *err;
	struct forum_board b;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "d:l:", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			desc = optarg;
			break;
		case 'l':
			lang = optarg;
			break;
		default:
			return admin_usage("board", CMD(0));
		}
	}
	if (argc - optind != 1)
		return admin_usage("board", CMD(0));
	err = forum_board_add(ctx->db, &v, argv[optind], desc, lang, &id);
	if (err != NULL)
		return admin_fail_key("board not added", err);
	if (load(ctx, id, &b) != 0)
		return 1;
	show("added", &b);
	return 0;
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor v = admin_actor(ctx);
	struct forum_board_list l;
	size_t i;

	(void)argv;
	if (argc != 1)
		return admin_usage("board", CMD(1));
	if (forum_boards(ctx->db, &v, &l) != 0)
		return admin_fail("cannot read the boards");
	printf("%-5s %-4s %-4s %-7s %s\n", "ID", "POS", "LANG", "THREADS",
	    "TITLE");
	for (i = 0; i < l.n; i++) {
		printf("%-5lld %-4d %-4s %-7lld ", (long long)l.v[i].id,
		    l.v[i].position, *l.v[i].lang != '\0' ? l.v[i].lang : "any",
		    (long long)l.v[i].threads);
		admin_put(l.v[i].title);
		putchar('\n');
	}
	forum_board_list_free(&l);
	return 0;
}

static int
cmd_edit(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "description", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "any-lang", no_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor v = admin_actor(ctx);
	const char *title = NULL, *desc = NULL, *lang = NULL, *err;
	struct forum_board b;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "t:d:l:A", opts, NULL)) != -1) {
		switch (ch) {
		case 't':
			title = optarg;
			break;
		case 'd':
			desc = optarg;
			break;
		case 'l':
		case 'A':
			if (lang != NULL)
				return admin_usage("board", CMD(2));
			lang = ch == 'A' ? "" : optarg;
			break;
		default:
			return admin_usage("board", CMD(2));
		}
	}
	if (argc - optind != 1 || admin_id(argv[optind], &id) != 0 ||
	    (title == NULL && desc == NULL && lang == NULL))
		return admin_usage("board", CMD(2));
	if (load(ctx, id, &b) != 0)
		return 1;
	if ((err = forum_board_edit(ctx->db, &v, id, title, desc, lang)) !=
	    NULL)
		return admin_fail_key("board not changed", err);
	if (load(ctx, id, &b) != 0)
		return 1;
	show("changed", &b);
	return 0;
}

static int
cmd_move(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor v = admin_actor(ctx);
	struct forum_board b;
	long long pos;
	const char *err;
	int64_t id;

	if (argc != 3 || admin_id(argv[1], &id) != 0 ||
	    admin_number(argv[2], INT_MAX, &pos) != 0 || pos == 0)
		return admin_usage("board", CMD(3));
	if (load(ctx, id, &b) != 0)
		return 1;
	if ((err = forum_board_move(ctx->db, &v, id, (int)pos)) != NULL)
		return admin_fail_key("board not moved", err);
	if (load(ctx, id, &b) != 0)
		return 1;
	show("moved", &b);
	return 0;
}

static int
cmd_remove(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor v = admin_actor(ctx);
	struct forum_board b;
	const char *err;
	char what[64];
	int64_t id;

	if (argc != 2 || admin_id(argv[1], &id) != 0)
		return admin_usage("board", CMD(4));
	if (load(ctx, id, &b) != 0)
		return 1;
	if ((err = forum_board_remove(ctx->db, &v, id)) != NULL) {
		snprintf(what, sizeof what, "board %lld not removed",
		    (long long)id);
		return admin_fail_key(what, err);
	}
	printf("removed board %lld: ", (long long)id);
	admin_put(b.title);
	putchar('\n');
	return 0;
}

/* Prints a board's own moderators. */
static int
list_moderators(struct admin_ctx *ctx, const struct forum_board *b)
{
	struct forum_person_list l;
	size_t i;

	if (forum_board_moderators(ctx->db, b->id, &l) != 0)
		return admin_fail("cannot read the moderators");
	if (l.n == 0)
		printf("board %lld has no moderators of its own (moderators "
		    "and admins moderate every board)\n", (long long)b->id);
	for (i = 0; i < l.n; i++) {
		printf("%-5lld %-20s ", (long long)l.v[i].id, l.v[i].name);
		admin_put(l.v[i].display);
		putchar('\n');
	}
	forum_person_list_free(&l);
	return 0;
}

/* True when the account is one of the board's own moderators; -1 when
 * they cannot be read. */
static int
is_moderator(struct admin_ctx *ctx, int64_t board_id, int64_t account_id)
{
	struct forum_person_list l;
	size_t i;
	int found = 0;

	if (forum_board_moderators(ctx->db, board_id, &l) != 0)
		return -1;
	for (i = 0; i < l.n; i++)
		if (l.v[i].id == account_id)
			found = 1;
	forum_person_list_free(&l);
	return found;
}

static int
cmd_moderators(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor v = admin_actor(ctx);
	struct forum_board b;
	struct account a;
	const char *err;
	int64_t id;
	int add, on;

	if ((argc != 2 && argc != 4) || admin_id(argv[1], &id) != 0)
		return admin_usage("board", CMD(5));
	if (argc == 4 && strcmp(argv[2], "add") != 0 &&
	    strcmp(argv[2], "remove") != 0)
		return admin_usage("board", CMD(5));
	if (load(ctx, id, &b) != 0)
		return 1;
	if (argc == 2)
		return list_moderators(ctx, &b);
	add = strcmp(argv[2], "add") == 0;
	if (admin_account(ctx, argv[3], &a) != 0)
		return 1;
	if ((on = is_moderator(ctx, id, a.id)) < 0)
		return admin_fail("cannot read the moderators");
	if (!add && !on)
		return admin_fail("%s does not moderate board %lld", a.name,
		    (long long)id);
	if (add)
		err = forum_board_moderator_add(ctx->db, &v, id, a.id);
	else
		err = forum_board_moderator_remove(ctx->db, &v, id, a.id);
	if (err != NULL)
		return admin_fail_key(add ? "moderator not added" :
		    "moderator not removed", err);
	printf("%s %s moderates board %lld: ", a.name,
	    add ? (on ? "already" : "now") : "no longer", (long long)id);
	admin_put(b.title);
	putchar('\n');
	return 0;
}
