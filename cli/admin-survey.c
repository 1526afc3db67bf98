/* `tinklas admin survey ...`: surveys as shareable text files (the format
 * of core/survey-text.h, etc/surveys/README.md): import one as a draft,
 * export one, list and print the built-in templates, and list the site's
 * surveys. A file is refused whole with FILE:LINE:COLUMN and the reason in
 * English. The admin command is the actor with account 0 and ROLE_ADMIN;
 * core checks and audits. */
#include "cli/admin-cmd.h"
#include "cli/admin-survey-results.h"
#include "core/actor.h"
#include "core/survey-templates.h"
#include "core/survey-text.h"
#include "core/survey.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	cmd_import(struct admin_ctx *, int, char **);
static int	cmd_export(struct admin_ctx *, int, char **);
static int	cmd_templates(struct admin_ctx *, int, char **);
static int	cmd_template(struct admin_ctx *, int, char **);
static int	cmd_list(struct admin_ctx *, int, char **);

/* The surveys' second group: the figures of the whole network. */
extern const struct admin_group admin_group_metrics;

static const struct admin_cmd admin_survey_cmds[] = {
	{ "import", "FILE [--event ID | --organisation ID]", "check a survey "
	    "file (- for stdin) and create a draft survey from it; prints its "
	    "id. An event's or organisation's survey names which here", true,
	    cmd_import },
	{ "export", "ID [FILE]", "write survey ID as a survey file to FILE "
	    "or stdout", true, cmd_export },
	{ "templates", "", "list the built-in templates: name, title", false,
	    cmd_templates },
	{ "template", "NAME", "print a built-in template as a survey file, "
	    "to edit and import", false, cmd_template },
	{ "list", "", "list the surveys, newest first: id, state, audience, "
	    "answers, title", true, cmd_list },
	SURVEY_RESULTS_CMD,
	{ NULL, NULL, NULL, false, NULL }
};

const struct admin_group admin_group_survey = {
	.name = "survey",
	.help = "surveys: import and export survey files, the templates, results",
	.cmds = admin_survey_cmds,
	.next = &admin_group_metrics,	/* cli/admin-metrics.c */
};

#define CMD(i)	(&admin_survey_cmds[i])

static const char *const state_words[] = {
	[SS_DRAFT] = "draft",
	[SS_OPEN] = "open",
	[SS_CLOSED] = "closed",
};

/* Reads all of f up to one byte over the format's limit, so that the
 * parser sees and refuses a file too big. NULL with errno on error. */
static char *
read_file(FILE *f, size_t *len)
{
	size_t cap = SURVEY_TEXT_FILE_MAX + 1, n = 0, got;
	char *buf = malloc(cap);

	if (buf == NULL)
		return NULL;
	while (n < cap && (got = fread(buf + n, 1, cap - n, f)) > 0)
		n += got;
	if (ferror(f)) {
		free(buf);
		errno = EIO;
		return NULL;
	}
	*len = n;
	return buf;
}

/* Prints the refusal as FILE:LINE:COLUMN: message (FILE: message for the
 * whole file). Returns 1. */
static int
put_text_error(const char *file, const struct survey_text_error *err)
{
	char *msg = survey_text_error_message(err);

	if (err->line > 0)
		fprintf(stderr, "%s:%d:%d: %s\n", file, err->line, err->column,
		    msg);
	else
		fprintf(stderr, "%s: %s\n", file, msg);
	free(msg);
	return 1;
}

static int
cmd_import(struct admin_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "event", required_argument, NULL, 'e' },
		{ "organisation", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct actor a = admin_actor(ctx);
	struct survey_text_error err;
	struct survey_def d;
	struct core_error e;
	enum survey_audience aud;
	int64_t target = 0, id;
	const char *path;
	char *text, *msg;
	size_t len;
	FILE *f;
	int ch, target_kind = -1;

	while ((ch = getopt_long(argc, argv, "e:o:", opts, NULL)) != -1) {
		if ((ch != 'e' && ch != 'o') || target_kind != -1 ||
		    admin_id(optarg, &target) != 0)
			return admin_usage("survey", CMD(0));
		target_kind = ch == 'e' ? SA_EVENT : SA_ORG;
	}
	if (optind != argc - 1)
		return admin_usage("survey", CMD(0));
	path = argv[optind];
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL)
		return admin_fail("cannot read %s: %s", path, strerror(errno));
	text = read_file(f, &len);
	if (f != stdin)
		fclose(f);
	if (text == NULL)
		return admin_fail("cannot read %s: %s", path, strerror(errno));
	if (survey_text_parse(text, len, &d, &err) != 0) {
		free(text);
		return put_text_error(path, &err);
	}
	free(text);
	/* The event or organisation is this site's, so not in the file. */
	aud = d.audience;
	if ((aud == SA_EVENT || aud == SA_ORG) != (target_kind != -1) ||
	    (target_kind != -1 && (int)aud != target_kind)) {
		survey_def_free(&d);
		if (aud == SA_EVENT)
			return admin_fail("%s asks an event's attendees: give "
			    "--event ID", path);
		if (aud == SA_ORG)
			return admin_fail("%s asks an organisation's members: "
			    "give --organisation ID", path);
		return admin_fail("%s asks \"%s\", not an event's or an "
		    "organisation's members", path, survey_audience_name(aud));
	}
	d.audience_id = target;
	d.state = SS_DRAFT;
	e = survey_create(ctx->db, &a, &d, &id);
	survey_def_free(&d);
	if (core_failed(e)) {
		msg = TFA(e.key, A_NUM(e.arg));
		admin_fail("survey not imported: %s", msg);
		free(msg);
		return 1;
	}
	printf("imported survey %lld (a draft)\n", (long long)id);
	return 0;
}

static int
cmd_export(struct admin_ctx *ctx, int argc, char **argv)
{
	struct survey_def d;
	int64_t id;
	char *yaml;
	FILE *f = stdout;
	int rc;

	if ((argc != 2 && argc != 3) || admin_id(argv[1], &id) != 0)
		return admin_usage("survey", CMD(1));
	rc = survey_load(ctx->db, id, &d);
	if (rc == 1)
		return admin_fail("no survey %lld (see `tinklas admin survey "
		    "list`)", (long long)id);
	if (rc != 0)
		return admin_fail("cannot read survey %lld", (long long)id);
	yaml = survey_text_emit(&d);
	survey_def_free(&d);
	if (argc == 3 && (f = fopen(argv[2], "w")) == NULL) {
		free(yaml);
		return admin_fail("cannot write %s: %s", argv[2],
		    strerror(errno));
	}
	rc = fputs(yaml, f) < 0 ? 1 : 0;
	if (f != stdout && fclose(f) != 0)
		rc = 1;
	else if (f == stdout && fflush(f) != 0)
		rc = 1;
	free(yaml);
	if (rc != 0)
		return admin_fail("cannot write %s: %s", argc == 3 ? argv[2] :
		    "stdout", strerror(errno));
	return 0;
}

static int
cmd_templates(struct admin_ctx *ctx, int argc, char **argv)
{
	const struct survey_template *t;
	size_t n, i;

	(void)ctx;
	(void)argv;
	if (argc != 1)
		return admin_usage("survey", CMD(2));
	t = survey_templates(&n);
	for (i = 0; i < n; i++)
		printf("%-24s %s\n", t[i].name, T(t[i].name_key));
	return 0;
}

static int
cmd_template(struct admin_ctx *ctx, int argc, char **argv)
{
	const struct survey_template *t;

	(void)ctx;
	if (argc != 2)
		return admin_usage("survey", CMD(3));
	if ((t = survey_template_find(argv[1])) == NULL)
		return admin_fail("no template \"%s\" (see `tinklas admin "
		    "survey templates`)", argv[1]);
	fputs(t->yaml, stdout);
	return 0;
}

static int
cmd_list(struct admin_ctx *ctx, int argc, char **argv)
{
	struct actor a = admin_actor(ctx);
	struct survey_rows r;
	struct core_error e;
	size_t i;

	(void)argv;
	if (argc != 1)
		return admin_usage("survey", CMD(4));
	e = survey_list(ctx->db, &a, "en", &r);
	if (core_failed(e))
		return admin_fail_key("cannot list the surveys", e.key);
	if (r.n == 0)
		printf("no surveys\n");
	else
		printf("%-6s %-7s %-12s %-7s %s\n", "ID", "STATE", "AUDIENCE",
		    "ANSWERS", "TITLE");
	for (i = 0; i < r.n; i++) {
		printf("%-6lld %-7s %-12s %-7lld ", (long long)r.v[i].id,
		    (unsigned)r.v[i].state < SS_CLOSED + 1 ?
		    state_words[r.v[i].state] : "?",
		    survey_audience_name(r.v[i].audience),
		    (long long)r.v[i].answers);
		admin_put(r.v[i].title);
		putchar('\n');
	}
	survey_rows_free(&r);
	return 0;
}
