/* The calendar's outputs (core/output.h): `ssh host calendar.ics`,
 * my.ics, event-ID.ics and, for an event's organiser, moderators and
 * admins, event-ID-attendees.csv. The table hangs on domain_calendar. */
#ifndef TINKLAS_CALENDAR_OUTPUTS_H
#define TINKLAS_CALENDAR_OUTPUTS_H

#include "core/output.h"

extern const struct output calendar_outputs[];


#endif
