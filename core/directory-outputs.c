/* The directory's outputs (see directory-outputs.h). The calendar's ICS
 * writer makes the text (calendar_ics_events, the same VTIMEZONE, UIDs
 * and rules as calendar.ics); this only finds the organisation and which
 * events name it. */
#include "core/directory-outputs.h"
#include "core/directory-org-events.h"
#include "common/clock.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ICS_TYPE	"text/calendar; charset=utf-8"
#define ORG_PREFIX	"org-"
#define ORG_SUFFIX	".ics"
#define ID_DIGITS_MAX	19	/* INT64_MAX has 19 */

static int	org_write(const struct output_ctx *);

const struct output directory_outputs[] = {
	{ .name = "org-*.ics", .who = OUTPUT_ANYONE,
	  .help_key = "exec.org_ics.about", .feed = true,
	  .media_type = ICS_TYPE, .write = org_write },
	{ .name = NULL },
};

int
directory_output_org_id(const char *name, int64_t *id)
{
	size_t n, plen = strlen(ORG_PREFIX), slen = strlen(ORG_SUFFIX), i;
	int64_t v = 0;

	n = strlen(name);
	if (n <= plen + slen || strncmp(name, ORG_PREFIX, plen) != 0 ||
	    strcmp(name + n - slen, ORG_SUFFIX) != 0)
		return -1;
	n -= plen + slen;
	name += plen;
	/* One spelling per organisation: no sign, no leading zero. */
	if (n > ID_DIGITS_MAX || name[0] < '1' || name[0] > '9')
		return -1;
	for (i = 0; i < n; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		if (v > (INT64_MAX - (name[i] - '0')) / 10)
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	*id = v;
	return 0;
}

static int
org_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	struct dir_org *org;
	int64_t id, *ids;
	size_t n;
	int rc;

	org = xmalloc(sizeof *org);	/* large: its texts */
	rc = directory_output_org_id(x->name, &id) != 0 ||
	    directory_org_get(x->db, x->actor, id, org) != 0;
	free(org);
	if (rc) {
		fprintf(x->out, "%s\n", T("error.directory.not_found"));
		return OUTPUT_REFUSED;
	}
	if (directory_org_event_ids(x->db, id, &ids, &n) != 0 ||
	    calendar_ics_events(x->db, ids, n, clock_now(), &sb) != 0) {
		free(ids);
		sb_free(&sb);
		fprintf(x->out, "%s\n", T("error.internal"));
		return OUTPUT_FAILED;
	}
	free(ids);
	fwrite(sb.s, 1, sb.len, x->out);
	sb_free(&sb);
	return 0;
}
