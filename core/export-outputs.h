/* `ssh host my-data.json` (core/output.h): everything Tinklas holds about
 * the member asking, as the domains' export hooks write it
 * (domain_export_account). Its line hangs on the accounts domain's
 * outputs (core/account-outputs.c). */
#ifndef TINKLAS_EXPORT_OUTPUTS_H
#define TINKLAS_EXPORT_OUTPUTS_H

#include "core/output.h"

#define EXPORT_OUTPUT_NAME	"my-data.json"
#define EXPORT_MEDIA_TYPE	"application/json"

/* Writes the asker's export; OUTPUT_FAILED when the database failed. */
int export_output_write(const struct output_ctx *x);

#endif
