/* The directory's outputs (core/output.h): `ssh host org-ID.ics`, an
 * organisation's upcoming public events as iCalendar, also a feed for
 * anyone at /org-ID.ics. The table hangs on domain_directory. */
#ifndef TINKLAS_DIRECTORY_OUTPUTS_H
#define TINKLAS_DIRECTORY_OUTPUTS_H

#include "core/output.h"

extern const struct output directory_outputs[];


#endif
