/* What the surveys' files in core share: the audience and open-window
 * conditions as SQL (one text, so the waiting count, the lists, the
 * eligibility check and the offers never disagree), and helpers between
 * the store, taking and the offers. */
#ifndef TINKLAS_SURVEY_INTERNAL_H
#define TINKLAS_SURVEY_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/survey.h"


struct db;
#include "core/inbox.h"

/* An open survey s at time ?2: published, opened, not yet closed. */
#define SURVEY_OPEN_SQL \
	"(s.state = 1 AND s.opens <= ?2 AND (s.closes = 0 OR ?2 < s.closes))"

/* Account a (a row of accounts) is in survey s's audience at time ?2:
 * SA_ALL anyone; SA_ROLE a role at least audience_role; SA_EVENT a
 * confirmed "going" (not waiting) to a published (not cancelled) event
 * whose every occurrence has ended; SA_MENTORSHIPS a side of a mentorship
 * that ended after the survey opened; SA_ORG a member of the organisation. */
#define SURVEY_AUDIENCE_SQL \
	"(s.audience = 0" \
	" OR (s.audience = 1 AND (CASE a.role WHEN 'member' THEN 0" \
	"  WHEN 'organiser' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END)" \
	"  >= s.audience_role)" \
	" OR (s.audience = 2 AND EXISTS (SELECT 1 FROM cal_answers c" \
	"  WHERE c.event_id = s.audience_id AND c.account_id = a.id" \
	"  AND c.answer = 1 AND c.waitlist = 0)" \
	"  AND EXISTS (SELECT 1 FROM cal_events e WHERE e.id = s.audience_id" \
	"  AND e.state = 1 AND e.end_utc <= ?2)" \
	"  AND NOT EXISTS (SELECT 1 FROM cal_occurrences o" \
	"  WHERE o.event_id = s.audience_id AND o.cancelled = 0" \
	"  AND o.end_utc > ?2))" \
	" OR (s.audience = 3 AND EXISTS (SELECT 1 FROM dir_mentorships m" \
	"  WHERE (m.mentor_id = a.id OR m.mentee_id = a.id) AND m.state = 3" \
	"  AND m.ended >= s.opens AND m.ended <= ?2))" \
	" OR (s.audience = 4 AND EXISTS (SELECT 1 FROM dir_org_members g" \
	"  WHERE g.org_id = s.audience_id AND g.account_id = a.id)))"

/* The account has answered survey s. */
#define SURVEY_DONE_SQL \
	"EXISTS (SELECT 1 FROM survey_done d WHERE d.survey_id = s.id" \
	" AND d.account_id = a.id)"

/* core/survey-offers.c: writes "survey.waiting" for every member survey
 * survey_id (0: every open survey) now waits for and who was not told
 * yet, inside the caller's transaction; account quiet (the moderator who
 * published it, 0 none) is recorded as told without an entry, as the
 * inbox never tells people what they did. 0 or -1. */
int survey_offer(struct db *db, int64_t survey_id, int64_t now,
    int64_t quiet);
extern const struct inbox_kind survey_inbox_kinds[];

/* core/survey-audience.c: 1 when account_id may answer survey id now (in
 * its audience, open), 0 when not, -1 on error. */
int survey_may_answer(struct db *db, int64_t account_id, int64_t id,
    int64_t now);

/* core/survey-check.c: the answer checks of survey_answers_check;
 * complete false leaves required questions out (saving progress). */
struct core_error survey_answers_check_as(const struct survey_def *d,
    struct survey_answers *ans, bool complete);

/* core/survey-answers.c: writes the answers as rows of table
 * ("survey_answers" or "survey_progress_answers") after binding ?1 the
 * survey and ?2 the owner (a response id blob or an account id); sql is
 * the INSERT with ?3 qkey, ?4 choice, ?5 num, ?6 text. 0 or -1. */
int survey_answers_write(struct db *db, const char *sql, int64_t survey_id,
    const void *blob, int64_t owner, const struct survey_answers *ans);
/* Reads rows (qkey, choice, num, text) of a query bound the same way into
 * ans. 0 or -1. */
int survey_answers_read(struct db *db, const char *sql, int64_t survey_id,
    const void *blob, int64_t owner, struct survey_answers *ans);
/* core/survey-store.c: the index in i18n_langs of a language code, or
 * -1. */
int survey_lang_index(const char *code);
/* The title of survey s in language ?3, else in its first language, else
 * any. */
#define SURVEY_TITLE_SQL \
	"coalesce((SELECT t.title FROM survey_texts t" \
	" WHERE t.survey_id = s.id AND t.lang = ?3 AND t.title <> '')," \
	" (SELECT t.title FROM survey_texts t" \
	" WHERE t.survey_id = s.id AND t.title <> '' AND" \
	" t.lang = (CASE s.first_lang WHEN 0 THEN 'lt' WHEN 1 THEN 'en'" \
	" WHEN 2 THEN 'uk' WHEN 3 THEN 'ru' ELSE 'pl' END)), (SELECT t.title" \
	" FROM survey_texts t WHERE t.survey_id = s.id AND t.title <> ''" \
	" LIMIT 1), '')"

/* core/survey-state.c: rows of sql (?1 account_id, ?2 now, ?3 lang),
 * giving id, title, state, anonymous, audience, audience_role,
 * audience_id, opens, closes, answers, into out. 0 or -1. */
int survey_rows_query(struct db *db, const char *sql, int64_t account_id,
    const char *lang, struct survey_rows *out);
/* core/survey-take.c: inside the caller's transaction, loads survey id
 * into *d and checks the actor may answer it now, then checks, prunes and
 * sanitises ans (complete: required questions too). On failure d is
 * freed. */
struct core_error survey_take_prepare(struct db *db, const struct actor *a,
    int64_t id, struct survey_def *d, struct survey_answers *ans,
    bool complete);
#define SURVEY_RESPONSE_ID	16	/* bytes */

/* core/survey-responses.c: the breakdown attributes a response carries
 * (core/survey-results.h): the language and role codes, the eldership
 * ('' none). */
struct survey_respondent {
	char	lang[8];	/* "lt" */
	char	eldership[SURVEY_KEY_MAX + 1];
	int	role;		/* enum role */
};

/* The attributes of account_id as they are now: 0, or -1 (no such
 * account, or an error). */
int survey_respondent_of(struct db *db, int64_t account_id,
    struct survey_respondent *out);
/* Inside the caller's transaction, writes a new response to survey_id
 * with who's attributes and the answers (checked by the caller); rid
 * gets its random id. No account, no time. 0 or -1. */
int survey_response_add(struct db *db, int64_t survey_id,
    const struct survey_respondent *who, const struct survey_answers *ans,
    unsigned char rid[SURVEY_RESPONSE_ID]);

/* core/survey-demo.c: the domain's demo content (core/domain.h). */
int survey_demo_fill(struct db *db, FILE *out);

#endif
