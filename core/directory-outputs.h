/* The directory's outputs (core/output.h): `ssh host org-ID.ics`, an
 * organisation's upcoming public events as iCalendar, also a feed for
 * anyone at /org-ID.ics. The table hangs on domain_directory. */
#ifndef TINKLAS_DIRECTORY_OUTPUTS_H
#define TINKLAS_DIRECTORY_OUTPUTS_H

#include <stdint.h>

#include "core/output.h"

extern const struct output directory_outputs[];

/* The organisation id in a name "org-ID.ics": ID is 1 to 19 digits
 * without a leading zero, at most INT64_MAX. 0 and *id, or -1. */
int directory_output_org_id(const char *name, int64_t *id);

#endif
