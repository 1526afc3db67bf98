/* `tinklas admin key ...`: add, list and remove an account's SSH keys. */
#include "cli/admin-cmd.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/actor.h"
#include "core/keys.h"
#include "core/pubkey.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_LINE_MAX	16384

static int	cmd_add(struct admin_ctx *, int, char **);
static int	cmd_list(struct admin_ctx *, int, char **);
static int	cmd_remove(struct admin_ctx *, int, char **);

static const struct admin_cmd admin_key_cmds[] = {
	{ "add", "NAME [KEY-LINE]",
	    "add an OpenSSH public key line (from standard input when not "
	    "given)", true, cmd_add },
	{ "list", "NAME", "list the keys with their SHA256 fingerprints",
	    true, cmd_list },
	{ "remove", "NAME ID|FINGERPRINT", "remove one key", true,
	    cmd_remove },
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_key = {
	.name = "key",
	.help = "SSH public keys of an account",
	.cmds = admin_key_cmds,
};

#define CMD(i)	(&admin_key_cmds[i])

/* The key line: the words after NAME joined, or the first line of stdin. */
static char *
key_line(int argc, char **argv)
{
	struct strbuf sb = { 0 };
	char buf[KEY_LINE_MAX];
	int i;

	if (argc > 2) {
		for (i = 2; i < argc; i++) {
			if (i > 2)
				sb_putc(&sb, ' ');
			sb_puts(&sb, argv[i]);
		}
		return sb_take(&sb);
	}
	if (fgets(buf, sizeof buf, stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return xstrdup(buf);
}

static int
cmd_add(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor actor = admin_actor(ctx);
	struct pubkey_info info;
	struct account a;
	const char *err;
	char *line;

	if (argc < 2)
		return admin_usage("key", CMD(0));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if ((line = key_line(argc, argv)) == NULL || *line == '\0') {
		free(line);
		return admin_fail("no key line given");
	}
	err = pubkey_parse_line(line, &info);
	free(line);
	if (err != NULL)
		return admin_fail_key("key refused", err);
	err = key_add_by(ctx->db, &actor, a.id, info.type, info.blob,
	    info.comment, info.fingerprint).key;
	if (err == NULL) {
		printf("%s %s added to %s\n", info.type, info.fingerprint,
		    a.name);
	}
	pubkey_info_free(&info);
	if (err != NULL)
		return admin_fail_key("key not added", err);
	return 0;
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	struct sshkey_row *keys;
	struct account a;
	char when[64];
	int i, n;

	if (argc != 2)
		return admin_usage("key", CMD(1));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if ((n = key_list(ctx->db, a.id, &keys)) < 0)
		return admin_fail("cannot read the keys");
	for (i = 0; i < n; i++) {
		printf("%-5lld %-22s %-12s %s ", (long long)keys[i].id,
		    admin_time(keys[i].created, when, sizeof when),
		    keys[i].type, keys[i].fingerprint);
		admin_put(keys[i].comment);
		putchar('\n');
	}
	key_rows_free(keys, n);
	return 0;
}

/* Finds the account's key named by "ID" or "SHA256:..."; 0 and fills
 * out (fingerprint and type only), or -1. */
static int
find_own(struct admin_ctx *ctx, int64_t account_id, const char *which,
    struct sshkey_row *out)
{
	struct sshkey_row *keys;
	long long id = -1;
	int i, n, rc = -1;

	if (strncmp(which, "SHA256:", 7) != 0 &&
	    admin_number(which, INT64_MAX, &id) != 0)
		return -1;
	if ((n = key_list(ctx->db, account_id, &keys)) < 0)
		return -1;
	for (i = 0; i < n && rc != 0; i++) {
		if (keys[i].id == id ||
		    strcmp(keys[i].fingerprint, which) == 0) {
			*out = keys[i];
			out->blob = out->comment = NULL;
			rc = 0;
		}
	}
	key_rows_free(keys, n);
	return rc;
}

static int
cmd_remove(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor actor = admin_actor(ctx);
	struct sshkey_row k;
	struct core_error e;
	struct account a;

	if (argc != 3)
		return admin_usage("key", CMD(2));
	if (admin_account(ctx, argv[1], &a) != 0)
		return 1;
	if (find_own(ctx, a.id, argv[2], &k) != 0)
		return admin_fail("%s has no key %s", a.name, argv[2]);
	e = key_remove_by(ctx->db, &actor, a.id, k.id);
	if (core_failed(e))
		return admin_fail_key("key not removed", e.key);
	printf("%s %s removed from %s\n", k.type, k.fingerprint, a.name);
	return 0;
}
