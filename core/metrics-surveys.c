/* The metrics' surveys: each survey open at some time in the period (not
 * a draft), how many answered it (survey_done, either kind of survey) and
 * how many its audience holds at its close, now or the period's end,
 * whichever comes first, by the surveys' own audience condition
 * (core/survey-internal.h), so the two never disagree. Everyone's is the
 * members then (core/metrics-members.c); an event's, mentorships' or
 * organisation's audience is looked for among the few accounts it can
 * hold, not among all. */
#include "core/metrics-internal.h"
#include "core/survey-internal.h"
#include "common/xalloc.h"

/* Who can be in survey ?1's audience of an event, mentorships or an
 * organisation. */
#define CANDIDATES \
	"SELECT c.account_id FROM surveys v JOIN cal_answers c" \
	" ON c.event_id = v.audience_id WHERE v.id = ?1 AND v.audience = 2" \
	" UNION SELECT m.mentor_id FROM dir_mentorships m JOIN surveys v" \
	" ON v.id = ?1 AND v.audience = 3 WHERE m.state = 3" \
	" UNION SELECT m.mentee_id FROM dir_mentorships m JOIN surveys v" \
	" ON v.id = ?1 AND v.audience = 3 WHERE m.state = 3" \
	" UNION SELECT g.account_id FROM dir_org_members g JOIN surveys v" \
	" ON g.org_id = v.audience_id WHERE v.id = ?1 AND v.audience = 4"

_Static_assert(SA_ALL == 0 && SA_ROLE == 1 && SA_EVENT == 2 &&
    SA_MENTORSHIPS == 3 && SA_ORG == 4, "the audiences CANDIDATES reads");

int
metrics_surveys(struct db *db, struct metrics_report *r, int64_t now,
    const char *lang, const struct metrics_accounts *acc)
{
	sqlite3_stmt *list, *done, *by_role, *audience;
	int64_t at;
	int kind, rc = SQLITE_DONE, ret = -1;

	list = db_prepare(db, "SELECT s.id, " SURVEY_TITLE_SQL ", s.opens, "
	    "s.closes, s.audience FROM surveys s WHERE s.state != 0 AND s.opens > 0 "
	    "AND s.opens < ?2 AND (s.closes = 0 OR s.closes > ?1) "
	    "ORDER BY s.opens, s.id LIMIT ?4");
	done = db_prepare(db, "SELECT count(*) FROM survey_done "
	    "WHERE survey_id = ?1 AND ?2 = 0");
	by_role = db_prepare(db, "SELECT count(*) FROM surveys s JOIN "
	    "accounts a WHERE s.id = ?1 AND a.pwhash != '!' AND a.created < ?2 "
	    "AND " SURVEY_AUDIENCE_SQL);
	audience = db_prepare(db, "SELECT count(*) FROM surveys s JOIN "
	    "accounts a WHERE s.id = ?1 AND a.id IN (" CANDIDATES ") "
	    "AND a.pwhash != '!' AND a.created < ?2 AND " SURVEY_AUDIENCE_SQL);
	if (list == NULL || done == NULL || by_role == NULL || audience == NULL)
		goto out;
	sqlite3_bind_int64(list, 1, r->from);
	sqlite3_bind_int64(list, 2, r->to);
	db_bind_text(list, 3, lang != NULL ? lang : "lt");
	sqlite3_bind_int(list, 4, METRICS_SURVEYS_MAX);
	r->surveys = xcalloc(METRICS_SURVEYS_MAX, sizeof *r->surveys);
	while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
		struct metrics_survey *s = &r->surveys[r->nsurveys++];

		s->id = sqlite3_column_int64(list, 0);
		db_column_copy(list, 1, s->title, sizeof s->title);
		s->opens = sqlite3_column_int64(list, 2);
		s->closes = sqlite3_column_int64(list, 3);
		/* As it stands now: one who registered this second is in
		 * it, as the months' members count them. */
		at = now < r->to ? now + 1 : r->to;
		if (s->closes != 0 && s->closes < at)
			at = s->closes;
		kind = sqlite3_column_int(list, 4);
		if (kind == SA_ALL)
			s->audience = metrics_members_at(acc, at);
		else if (metrics_row(kind == SA_ROLE ? by_role : audience,
		    s->id, at, &s->audience, 1) != 0)
			rc = SQLITE_ERROR;
		if (rc != SQLITE_ROW ||
		    metrics_row(done, s->id, 0, &s->responses, 1) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	ret = rc == SQLITE_DONE ? 0 : -1;
out:
	sqlite3_finalize(list);
	sqlite3_finalize(done);
	sqlite3_finalize(by_role);
	sqlite3_finalize(audience);
	return ret;
}
