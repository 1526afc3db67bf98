/* The calendar's outputs (core/output.h): `ssh host calendar.ics`,
 * my.ics, event-ID.ics and, for an event's organiser, moderators and
 * admins, event-ID-attendees.csv. The table hangs on domain_calendar. */
#ifndef TINKLAS_CALENDAR_OUTPUTS_H
#define TINKLAS_CALENDAR_OUTPUTS_H

#include <stdint.h>

#include "core/output.h"

extern const struct output calendar_outputs[];

/* The event id in a name "event-ID" + suffix (".ics",
 * "-attendees.csv"): ID is 1 to 19 digits without a leading zero, at most
 * INT64_MAX. 0 and *id, or -1 for any other name. */
int calendar_output_id(const char *name, const char *suffix, int64_t *id);

#endif
