/* `tinklas admin user ...`: add, list, show, set-role, suspend, unsuspend,
 * reset-password. */
#include "cli/admin-cmd.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "common/strbuf.h"
#include "core/accounts.h"
#include "core/domain.h"
#include "core/keys.h"
#include "core/rules.h"
#include "core/sessions.h"
#include "i18n/i18n.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Suspensions without an end last until 9999-12-31. */

static int	cmd_add(struct admin_ctx *, int, char **);
static int	cmd_list(struct admin_ctx *, int, char **);
static int	cmd_show(struct admin_ctx *, int, char **);
static int	cmd_set_role(struct admin_ctx *, int, char **);
static int	cmd_suspend(struct admin_ctx *, int, char **);
static int	cmd_unsuspend(struct admin_ctx *, int, char **);
static int	cmd_reset_password(struct admin_ctx *, int, char **);
static int	cmd_export(struct admin_ctx *, int, char **);
static int	cmd_erase(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_user_cmds[] = {
	{ "add", "NAME [--display TEXT] [--role ROLE] [--lang xx]",
	    "create an account; the password is read from standard input",
	    true, cmd_add },
	{ "list", "", "list all accounts", true, cmd_list },
	{ "show", "NAME", "show one account", true, cmd_show },
	{ "set-role", "NAME ROLE",
	    "set the role: member, organiser, moderator or admin", true,
	    cmd_set_role },
	{ "suspend", "NAME [--days N | --until YYYY-MM-DD] [--reason TEXT]",
	    "stop an account from logging in (without an end: until lifted)",
	    true, cmd_suspend },
	{ "unsuspend", "NAME", "lift a suspension", true, cmd_unsuspend },
	{ "reset-password", "NAME",
	    "set a new password, read from standard input", true,
	    cmd_reset_password },
	{ "export", "NAME", "write everything kept about an account as JSON "
	    "to standard output", true, cmd_export },
	{ "erase", "NAME --yes [--remove-posts]", "erase an account for "
	    "good: its posts stay under \"deleted member\", or lose their "
	    "text with --remove-posts", true, cmd_erase },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_user = {
	.name = "user",
	.help = "accounts",
	.cmds = admin_user_cmds,
};

#define CMD(i)	(&admin_user_cmds[i])

static int
cmd_add(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "display", required_argument, NULL, 'd' },
		{ "role", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name, *display = NULL, *lang = ctx->cfg->default_lang;
	const char *err;
	enum role role = ROLE_MEMBER;
	struct actor actor = admin_actor(ctx);
	struct core_error e;
	struct account a;
	char *pw;
	int64_t id;
	int ch;

	while ((ch = getopt_long(argc, argv, "d:r:l:", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			display = optarg;
			break;
		case 'r':
			if (role_parse(optarg, &role) != 0)
				return admin_fail("unknown role '%s' (member, "
				    "organiser, moderator, admin)", optarg);
			break;
		case 'l':
			lang = optarg;
			break;
		default:
			return admin_usage("user", CMD(0));
		}
	}
	if (argc - optind != 1)
		return admin_usage("user", CMD(0));
	name = argv[optind];
	if (display == NULL)
		display = name;
	if ((err = account_check_name(name)) != NULL)
		return admin_fail_key("user name refused", err);
	if ((err = account_check_display(display)) != NULL)
		return admin_fail_key("display name refused", err);
	if (!i18n_lang_valid(lang))
		return admin_fail("unknown language '%s' (lt, en, uk, ru, pl)",
		    lang);
	if (admin_read_password(ctx, name, &pw) != 0)
		return 1;
	e = account_create_by(ctx->db, &actor, name, display, pw, lang, role,
	    &id);
	free(pw);
	if (core_failed(e))
		return admin_fail_key("account not created", e.key);
	/* The stored, lower-case name. */
	if (account_by_id(ctx->db, id, &a) == 0)
		name = a.name;
	printf("created account %lld: %s\n", (long long)id, name);
	return 0;
}

/* "suspended until ..." or "active", for list and show. */
static const char *
status(const struct account *a, char *buf, size_t sz)
{
	char when[64];

	if (!account_is_suspended(a, time(NULL)))
		return "active";
	if (a->suspended_until >= ACCOUNT_SUSPEND_FOREVER)
		return "suspended";
	snprintf(buf, sz, "suspended until %s",
	    admin_time(a->suspended_until, when, sizeof when));
	return buf;
}

static int
print_row(const struct account *a, void *arg)
{
	char when[64];

	(void)arg;
	printf("%-5lld %-20s %-9s %-4s %-22s %-10s ", (long long)a->id,
	    a->name, role_name(a->role), a->lang,
	    admin_time(a->last_login, when, sizeof when),
	    account_is_suspended(a, time(NULL)) ? "suspended" : "active");
	admin_put(a->display);
	putchar('\n');
	return 0;
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return admin_usage("user", CMD(1));
	printf("%-5s %-20s %-9s %-4s %-22s %-10s %s\n", "ID", "NAME", "ROLE",
	    "LANG", "LAST LOGIN", "STATUS", "DISPLAY NAME");
	if (account_each(ctx->db, print_row, NULL) < 0)
		return admin_fail("cannot read the accounts");
	return 0;
}

static int
cmd_show(struct admin_ctx *ctx, int argc, char **argv)
{
	static const char *const modes[] = { "not chosen yet", "full-screen",
	    "plain line" };
	static const char *const themes[] = { "default", "high contrast",
	    "monochrome" };
	static const char *const charsets[] = { "ask at login", "UTF-8",
	    "ASCII" };
	struct sshkey_row *keys;
	struct account a;
	char when[64], st[96];
	int i, n;

	if (argc != 2)
		return admin_usage("user", CMD(2));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	printf("id:           %lld\nname:         %s\ndisplay name: ",
	    (long long)a.id, a.name);
	admin_put(a.display);
	printf("\nrole:         %s\nlanguage:     %s\n", role_name(a.role),
	    a.lang);
	printf("ui mode:      %s\ntheme:        %s\ncharacters:   %s\n",
	    modes[a.mode % 3], themes[a.theme % 3], charsets[a.charset % 3]);
	if (a.idle_minutes > 0)
		printf("idle logout:  %d min\n", a.idle_minutes);
	else
		printf("idle logout:  site default\n");
	printf("created:      %s\n", admin_time(a.created, when, sizeof when));
	printf("last login:   %s\n", admin_time(a.last_login, when,
	    sizeof when));
	printf("status:       %s\n", status(&a, st, sizeof st));
	if (account_is_suspended(&a, time(NULL)) && *a.suspend_reason != '\0') {
		fputs("reason:       ", stdout);
		admin_put(a.suspend_reason);
		putchar('\n');
	}
	if ((n = key_list(ctx->db, a.id, &keys)) < 0)
		return admin_fail("cannot read the keys");
	printf("ssh keys:     %d\n", n);
	for (i = 0; i < n; i++)
		printf("  %lld  %s  %s\n", (long long)keys[i].id,
		    keys[i].type, keys[i].fingerprint);
	key_rows_free(keys, n);
	return 0;
}

static int
cmd_set_role(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor actor = admin_actor(ctx);
	struct core_error e;
	struct account a;
	enum role role;

	if (argc != 3)
		return admin_usage("user", CMD(3));
	if (role_parse(argv[2], &role) != 0)
		return admin_fail("unknown role '%s' (member, organiser, "
		    "moderator, admin)", argv[2]);
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	e = account_set_role_by(ctx->db, &actor, a.id, role);
	if (core_failed(e))
		return admin_fail_key("role not changed", e.key);
	printf("%s is now %s (was %s)\n", a.name, role_name(role),
	    role_name(a.role));
	return 0;
}

/* Parses YYYY-MM-DD as the start of that day in the site's zone. */
static int
parse_date(const char *s, int64_t *out)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%d", &tm);
	if (end == NULL || *end != '\0')
		return -1;
	tm.tm_isdst = -1;
	*out = (int64_t)mktime(&tm);
	return *out == -1 ? -1 : 0;
}

static int
cmd_suspend(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "until", required_argument, NULL, 'u' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct suspension susp = { .until = ACCOUNT_SUSPEND_FOREVER,
	    .reason = "" };
	struct actor actor = admin_actor(ctx);
	int64_t now = time(NULL);
	struct core_error e;
	struct account a;
	long long days;
	char when[64];
	int ch, ends = 0;

	while ((ch = getopt_long(argc, argv, "d:u:r:", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (admin_number(optarg, 36500, &days) != 0 ||
			    days == 0)
				return admin_fail("--days wants a number of "
				    "days from 1 to 36500");
			susp.days = (int)days;
			ends++;
			break;
		case 'u':
			if (parse_date(optarg, &susp.until) != 0)
				return admin_fail("--until wants a date like "
				    "2025-08-01");
			if (susp.until <= now)
				return admin_fail("--until %s is not in the "
				    "future", optarg);
			ends++;
			break;
		case 'r':
			susp.reason = optarg;
			break;
		default:
			return admin_usage("user", CMD(4));
		}
	}
	if (argc - optind != 1 || ends > 1)
		return admin_usage("user", CMD(4));
	if (admin_account(ctx, argv[optind], &a) != 0)
		return 1;
	e = account_suspend_by(ctx->db, &actor, a.id, &susp);
	if (core_failed(e))
		return admin_fail_key(a.name, e.key);
	if (susp.days > 0)
		admin_time(now + (int64_t)susp.days * 86400, when, sizeof when);
	else if (susp.until >= ACCOUNT_SUSPEND_FOREVER)
		snprintf(when, sizeof when, "until lifted");
	else
		admin_time(susp.until, when, sizeof when);
	printf("%s suspended %s%s\n", a.name,
	    susp.days == 0 && susp.until >= ACCOUNT_SUSPEND_FOREVER ? "" :
	    "until ", when);
	return 0;
}

static int
cmd_unsuspend(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor actor = admin_actor(ctx);
	struct core_error e;
	struct account a;

	if (argc != 2)
		return admin_usage("user", CMD(5));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if (!account_is_suspended(&a, time(NULL)))
		return admin_fail("%s is not suspended", a.name);
	e = account_unsuspend_by(ctx->db, &actor, a.id);
	if (core_failed(e))
		return admin_fail_key(a.name, e.key);
	printf("%s may log in again\n", a.name);
	return 0;
}

static int
cmd_reset_password(struct admin_ctx *ctx, int argc, char **argv)
{
	char *pw, target[32];
	struct account a;
	int rc;

	if (argc != 2)
		return admin_usage("user", CMD(6));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if (admin_read_password(ctx, a.name, &pw) != 0)
		return 1;
	rc = account_set_password(ctx->db, a.id, pw);
	free(pw);
	if (rc != 0)
		return admin_fail("cannot set the password of %s", a.name);
	/* Named by id, as the rules' entries are (erasure leaves no name). */
	snprintf(target, sizeof target, "account %lld", (long long)a.id);
	admin_audit(ctx, "user.reset-password", target, "");
	printf("password of %s changed\n", a.name);
	return 0;
}

/* Everything the domains keep about one account (core/domain.h). */
static int
cmd_export(struct admin_ctx *ctx, int argc, char **argv)
{
	struct strbuf sb = { 0 };
	struct account a;
	char target[32];

	if (argc != 2)
		return admin_usage("user", CMD(7));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if (domain_export_account(ctx->db, a.id, &sb) != 0) {
		sb_free(&sb);
		return admin_fail("cannot export %s", a.name);
	}
	fputs(sb.s, stdout);
	sb_free(&sb);
	/* Named by id, so the member's own export lists it (and erasure
	 * leaves no name). */
	snprintf(target, sizeof target, "account %lld", (long long)a.id);
	admin_audit(ctx, "user.export", target, "");
	return 0;
}

/* Erases the account from every domain; irreversible, hence --yes. The
 * audit log keeps only the erasure, naming the account by id (written by
 * domain_erase). */
static int
cmd_erase(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "remove-posts", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	enum erase_writing writing = ERASE_KEEP_WRITING;
	bool yes = false;
	struct account a;
	int ch;

	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'y':
			yes = true;
			break;
		case 'r':
			writing = ERASE_REMOVE_WRITING;
			break;
		default:
			return admin_usage("user", CMD(8));
		}
	}
	if (argc - optind != 1 || !yes)
		return admin_usage("user", CMD(8));
	if (admin_account(ctx, argv[optind], &a) != 0)
		return 1;
	/* Their sessions end first, so none reads or writes on as them. */
	if (session_end_account(ctx->db, a.id, 0) < 0 ||
	    domain_erase(ctx->db, a.id, 0, writing) != 0)
		return admin_fail("cannot erase %s", a.name);
	printf("%s is erased%s\n", a.name, writing == ERASE_REMOVE_WRITING ?
	    ", with their posts' text" : "; their posts stay under \"deleted "
	    "member\"");
	return 0;
}
