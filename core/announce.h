/* The moderators' announcement (issue 11): one short line that every
 * online session shows at once (the status line of the full screen, the
 * next prompt of the plain mode) and the welcome screen keeps showing as
 * the message of the day until it is cleared or replaced. Its table is
 * the site domain's (core/domain-site.c).
 * Keys: "error.announce.empty", "error.announce.too_long" ({0}: the
 * limit in columns), "error.announce.not_allowed", "error.announce.none"
 * (nothing to clear), "error.internal". */
#ifndef TINKLAS_ANNOUNCE_H
#define TINKLAS_ANNOUNCE_H

#include <stdint.h>

#include "core/error.h"

struct actor;
struct db;

/* Display columns an announcement may take: with its label and the help
 * key it fits the status line at 80 columns in every language, so what
 * everyone sees at once is the whole of it. */
#define ANNOUNCE_MAX_COLS	50

struct announcement {
	int64_t		 id;		/* 0: none */
	char		*body;		/* sanitised, one line */
	int64_t		 created_at;
	int64_t		 author_id;	/* 0: the admin command or erased */
};

/* Display columns text takes once sanitised as an announcement (the
 * same whatever the process locale: the admin command sets none). */
int announce_width(const char *text);
/* Whether text may be announced as it is: NULL, or the key saying why
 * not (empty once sanitised, or wider than ANNOUNCE_MAX_COLS). */
const char *announce_check(const char *text);
/* Makes text (sanitised as one line) the announcement, in place of the
 * one before; moderators, admins and the admin command only. Audited
 * ("announcement.set", the text as detail). *id_out (may be NULL) is its id. */
struct core_error announce_set(struct db *db, const struct actor *a,
    const char *text, int64_t *id_out);
/* Clears the current announcement. Audited ("announcement.clear"). */
struct core_error announce_clear(struct db *db, const struct actor *a);
/* The current announcement's id, 0 when there is none (or it could not
 * be read): one indexed read, for the sessions' polling. */
int64_t announce_current_id(struct db *db);
/* Fills out with the current announcement: 1, 0 when there is none (out
 * then has id 0 and body NULL), -1 on error. Free with announce_free. */
int announce_current(struct db *db, struct announcement *out);
void announce_free(struct announcement *an);

#endif
