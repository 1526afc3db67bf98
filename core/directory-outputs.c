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

static int	org_write(const struct output_ctx *);

const struct output directory_outputs[] = {
	{ .name = "org-*.ics", .who = OUTPUT_ANYONE,
	  .help_key = "exec.org_ics.about", .feed = true,
	  .media_type = ICS_TYPE, .write = org_write },
	{ .name = NULL },
};

static int
org_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	struct dir_org *org;
	int64_t id, *ids;
	size_t n;
	int rc;

	org = xmalloc(sizeof *org);	/* large: its texts */
	rc = output_name_id(x->name, ORG_PREFIX, ORG_SUFFIX, &id) != 0 ||
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
