/* What `tinklas admin event list` reads: every event, whatever its state,
 * newest first (core/calendar-admin.c). Beside core/calendar.h, whose
 * views show occurrences to people, not events to an administrator. */
#ifndef TINKLAS_CALENDAR_ADMIN_H
#define TINKLAS_CALENDAR_ADMIN_H

#include "core/accounts.h"
#include "core/calendar.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cal_admin_event {
	int64_t		 id;
	enum cal_state	 state;
	int64_t		 start;		/* UTC of the first occurrence */
	bool		 recurs;
	int		 answers;	/* going, maybe or waiting, all dates */
	char		 organiser[ACCOUNT_NAME_MAX + 1];	/* "" erased */
	char		 title[CAL_TITLE_MAX * 4 + 1];
};

struct cal_admin_list {
	struct cal_admin_event	*v;
	size_t			 n;
	bool			 more;
};

/* Up to limit events after offset, newest first; admins only (others get
 * none). 0 or -1. */
int calendar_admin_events(struct db *db, const struct actor *a, int offset,
    int limit, struct cal_admin_list *out);
void cal_admin_list_free(struct cal_admin_list *l);
/* The state's word for the command: "proposed", "published", ... */
const char *cal_state_word(enum cal_state s);

#endif
