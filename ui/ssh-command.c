/* How to reach this server with ssh, for the texts that tell people (the
 * guest note, the registration help). The listen address is no guide: the
 * world may know the server by another name and port (NAT, DNS), so only
 * public_host is shown, else a placeholder in the reader's language. */
#include "ui/ui.h"
#include "common/config.h"
#include "common/xalloc.h"
#include "core/export-outputs.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

char *
app_ssh_command(const struct app *app, const char *user)
{
	const char *host = app->cfg->public_host, *port = NULL, *colon;
	int hostlen;

	if (host == NULL || host[0] == '\0')
		return xasprintf("ssh %s@%s", user, T("ssh.host_placeholder"));
	hostlen = (int)strlen(host);
	if (host[0] == '[' && (colon = strchr(host, ']')) != NULL) {
		/* [2001:db8::1]:2222: ssh takes the address without brackets. */
		hostlen = (int)(colon - host - 1);
		port = colon[1] == ':' ? colon + 2 : NULL;
		host++;
	} else if ((colon = strchr(host, ':')) != NULL &&
	    strchr(colon + 1, ':') == NULL) {
		hostlen = (int)(colon - host);
		port = colon + 1;
	}
	if (port != NULL && port[0] != '\0' && strcmp(port, "22") != 0)
		return xasprintf("ssh -p %s %s@%.*s", port, user, hostlen, host);
	return xasprintf("ssh %s@%.*s", user, hostlen, host);
}

/* The widest command kept on one line: the full screen's text width at
 * 80 columns. */
enum { COMMAND_COLS = 78 };

char *
app_export_command(const struct app *app)
{
	char *cmd = app_ssh_command(app, app->acct.name);
	char *full = xasprintf("%s %s > %s", cmd, EXPORT_OUTPUT_NAME,
	    EXPORT_OUTPUT_NAME);

	/* Wrapped at a blank, a copied "> my-data.json" would run as a
	 * command of its own (and empty the file): a long one (a long user
	 * name) goes on two lines joined as the shell joins them. */
	if (i18n_width(full) > COMMAND_COLS) {
		free(full);
		full = xasprintf("%s \\\n%s > %s", cmd, EXPORT_OUTPUT_NAME,
		    EXPORT_OUTPUT_NAME);
	}
	free(cmd);
	return full;
}
