/* A member's own export over ssh (see export-outputs.h). Only members
 * logged in with their account get here (OUTPUT_MEMBERS): a guest is told
 * why not before anything runs (struct output.refused_key). */
#include "core/export-outputs.h"
#include "core/accounts.h"
#include "core/domain.h"
#include "common/strbuf.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>

int
export_output_write(const struct output_ctx *x)
{
	struct strbuf sb = { 0 };
	int rc;

	assert(x->account != NULL);	/* OUTPUT_MEMBERS */
	rc = domain_export_account(x->db, x->account->id, &sb);
	if (rc == 0)
		fwrite(sb.s, 1, sb.len, x->out);
	else
		fprintf(x->out, "%s\n", T("error.internal"));
	sb_free(&sb);
	return rc == 0 ? 0 : OUTPUT_FAILED;
}
