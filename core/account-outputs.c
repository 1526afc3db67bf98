/* The accounts domain's outputs: `ssh host help` (who you are and what
 * you may ask for), `ssh host whoami` (name, display name and role) and
 * `ssh host feeds` (the member's feed addresses, core/feed-address.h);
 * my-data.json is core/export-outputs.c's.
 * Names are stored sanitised and sanitised again on the way out
 * (RELIABILITY.md: every path that skips ncurses). */
#include "core/output.h"
#include "core/accounts.h"
#include "core/export-outputs.h"
#include "core/feed-address.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define HELP_NAME_COLS	12

static char	*line_of(const char *, size_t);
static int	help_write(const struct output_ctx *);
static void	help_line(const struct output *, void *);
static int	whoami_write(const struct output_ctx *);

const struct output account_outputs[] = {
	{ .name = "help", .who = OUTPUT_ANYONE, .help_key = "exec.help.about",
	  .write = help_write },
	{ .name = "whoami", .who = OUTPUT_MEMBERS,
	  .help_key = "exec.whoami.about", .write = whoami_write },
	{ .name = "feeds", .who = OUTPUT_MEMBERS,
	  .help_key = "exec.feeds.about", .write = feed_addresses_write },
	{ .name = EXPORT_OUTPUT_NAME, .who = OUTPUT_MEMBERS,
	  .help_key = "exec.my_data.about", .media_type = EXPORT_MEDIA_TYPE,
	  .refused_key = "exec.my_data.guest", .write = export_output_write },
	{ .name = NULL },
};

static char *
line_of(const char *s, size_t max)
{
	return sanitize(s, strlen(s), SANITIZE_LINE, max, 0);
}

static void
help_line(const struct output *o, void *arg)
{
	const struct output_ctx *x = arg;

	if (!output_allowed(o, x->account))
		return;
	/* A long name ("event-*-attendees.csv") gets a line of its own,
	 * so the texts stay in one column and the lines within 80. */
	if (strlen(o->name) > HELP_NAME_COLS)
		fprintf(x->out, "  %s\n  %-*s %s\n", o->name, HELP_NAME_COLS, "",
		    T(o->help_key));
	else
		fprintf(x->out, "  %-*s %s\n", HELP_NAME_COLS, o->name,
		    T(o->help_key));
}

static int
help_write(const struct output_ctx *x)
{
	char *name, *display, *text;

	if (x->account == NULL)
		fprintf(x->out, "%s\n", T("exec.help.guest"));
	else {
		name = line_of(x->account->name, ACCOUNT_NAME_MAX);
		display = line_of(x->account->display, ACCOUNT_DISPLAY_MAX);
		text = TFA("exec.help.member", A_STR(display), A_STR(name));
		fprintf(x->out, "%s\n", text);
		free(text);
		free(display);
		free(name);
	}
	fprintf(x->out, "%s\n", T("exec.help.commands"));
	output_each(help_line, (void *)x);
	return 0;
}

static int
whoami_write(const struct output_ctx *x)
{
	const struct account *a = x->account;
	char *name, *display, *text;

	assert(a != NULL);	/* OUTPUT_MEMBERS */
	name = line_of(a->name, ACCOUNT_NAME_MAX);
	display = line_of(a->display, ACCOUNT_DISPLAY_MAX);
	text = TFA("exec.whoami", A_STR(name), A_STR(display),
	    A_STR(role_name(a->role)));
	fprintf(x->out, "%s\n", text);
	free(text);
	free(display);
	free(name);
	return 0;
}
