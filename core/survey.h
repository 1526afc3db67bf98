/* The surveys' model (issue 10): storing definitions (core/survey-def.h),
 * who is asked, and taking a survey: progress, skip logic, checks and the
 * submission. Results are core/survey-results.h.
 *
 * Who may do what:
 *   - moderators and admins (and the admin command) create, edit, delete,
 *     publish and close surveys and list them all; every such change is
 *     audited ("survey_create", "survey_update", "survey_delete",
 *     "survey_publish", "survey_close", target "survey ID");
 *   - a member answers a survey while it is open (state SS_OPEN, opens <=
 *     now < closes, closes 0 meaning never) and they are in its audience
 *     (SA_ALL every member; SA_ROLE that role and above; SA_EVENT who
 *     answered "going" to the event, once its last occurrence ended;
 *     SA_MENTORSHIPS both sides of a mentorship that ended after the
 *     survey opened; SA_ORG the organisation's members). Guests answer
 *     nothing.
 *   - an anonymous survey is answered once: the response keeps no account
 *     and no time, only language, eldership and role for breakdowns, and
 *     survey_done records that the account answered. An identified one
 *     may be answered again, replacing the answers, until it closes.
 *   - a survey with answers keeps its questions (keys, kinds, options,
 *     bounds, skip logic), anonymity and audience: only texts, dates and
 *     state change; it cannot be deleted, only closed.
 * When a survey becomes available to a member (published, or later: an
 * event or a mentorship ends, the window opens) the inbox says so once
 * ("survey.waiting", subject "survey" ID, argument "title" in the
 * survey's first language).
 *
 * Keys (field in brackets; {0} as said):
 * definitions (survey_def_check; {0} the question's number from 1 for
 * the question fields, whose index survey_def_check_at gives too):
 * "error.survey.title" ("title": empty in the first language, or over
 * {0} = SURVEY_TITLE_MAX characters), "error.survey.intro" ("intro", {0}
 * the limit), "error.survey.lang" ("first_lang"),
 * "error.survey.no_questions" ("questions"), "error.survey.too_many"
 * ("questions", {0} the limit), "error.survey.audience" ("audience": an
 * event or organisation without its id, an id for another audience, a
 * role out of range), "error.survey.state" ("state"),
 * "error.survey.dates" ("closes": not after opens); per question:
 * "error.survey.key" ("key", or "options" for an option's key: empty,
 * over SURVEY_KEY_MAX or not [a-z0-9_]), "error.survey.key_twice" (the
 * same), "error.survey.kind" ("kind"), "error.survey.question_text"
 * ("text": empty in the first language, over SURVEY_QTEXT_MAX),
 * "error.survey.options" ("options": a choice needs 2 to
 * SURVEY_OPTIONS_MAX, other kinds none), "error.survey.option_label"
 * ("options": empty in the first language, over SURVEY_OPTION_MAX),
 * "error.survey.max_choices" ("max_choices": 0 to the number of options,
 * and 0 but for SQ_MULTIPLE), "error.survey.bounds" ("min": min below max
 * for SQ_NUMBER, both 0 otherwise), "error.survey.show_if" ("show_if":
 * not an earlier question, or a text one), "error.survey.show_value"
 * ("show_value": a value that question cannot have, or one without
 * show_if).
 * Store: "error.survey.not_allowed", "error.survey.not_found",
 * "error.survey.has_answers" (a change of what answers rest on, or a
 * delete), "error.survey.state" (publishing what is open, closing what is
 * not open). Taking: "error.survey.guest", "error.survey.not_found",
 * "error.survey.not_open", "error.survey.not_asked" (not in the
 * audience), "error.survey.done" (an anonymous survey already answered);
 * answers (field the question's key): "error.survey.required",
 * "error.survey.answer" (the wrong form for the question, or a line break
 * in a short answer), "error.survey.option" (not one of its options, or
 * one twice), "error.survey.choices" ({0} the most allowed),
 * "error.survey.range" (the UI shows the question's bounds),
 * "error.survey.text_length" ({0} the limit); and "error.internal".
 * The inbox line is "survey.notice.waiting" ({0} the title). */
#ifndef TINKLAS_SURVEY_H
#define TINKLAS_SURVEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/actor.h"
#include "core/error.h"
#include "core/survey-def.h"

struct db;

/* Store (core/survey-check.c, -store.c, -load.c, -state.c) */

/* Whether the definition may be stored: texts, keys, kinds, options, skip
 * logic and limits (keys above). Pure: no database. *qindex (when not
 * NULL) gets the index of the question at fault, or -1. */
struct core_error survey_def_check_at(const struct survey_def *d,
    int *qindex);
struct core_error survey_def_check(const struct survey_def *d);
/* Stores a new survey (its state as given in d, usually SS_DRAFT); *id
 * gets its id. Texts are sanitised when stored. */
struct core_error survey_create(struct db *db, const struct actor *a,
    const struct survey_def *d, int64_t *id);
/* Replaces survey d->id's definition with d (see "has_answers" above). */
struct core_error survey_update(struct db *db, const struct actor *a,
    const struct survey_def *d);
/* Reads survey id into *out (freed with survey_def_free): 0, 1 when there
 * is no such survey, -1 on error. */
int survey_load(struct db *db, int64_t id, struct survey_def *out);
/* Deletes a survey nobody answered. */
struct core_error survey_delete(struct db *db, const struct actor *a,
    int64_t id);
/* Opens a draft or reopens a closed survey (SS_OPEN) and tells the members
 * it now waits for; closing sets SS_CLOSED. */
struct core_error survey_publish(struct db *db, const struct actor *a,
    int64_t id);
struct core_error survey_close(struct db *db, const struct actor *a,
    int64_t id);

/* A line of a list of surveys. */
struct survey_row {
	int64_t			 id;
	char			 title[SURVEY_TITLE_MAX * 4 + 1];
	enum survey_state	 state;
	bool			 anonymous;
	enum survey_audience	 audience;
	int			 audience_role;
	int64_t			 audience_id;
	int64_t			 opens, closes;
	int64_t			 answers;	/* survey_list only */
};

struct survey_rows {
	struct survey_row	*v;
	size_t			 n;
};

void survey_rows_free(struct survey_rows *r);
/* Every survey, newest first, titles in lang (falling back to the first
 * language): moderators and admins only. */
struct core_error survey_list(struct db *db, const struct actor *a,
    const char *lang, struct survey_rows *out);
/* Responses stored for survey id, or -1. */
int64_t survey_answer_count(struct db *db, int64_t id);

/* Audience (core/survey-audience.c) */

/* Whether the actor may answer survey id now (open, in its audience):
 * 1, 0, or -1 on error. Being done is not counted here. */
int survey_eligible(struct db *db, const struct actor *a, int64_t id);
/* The surveys waiting for the actor (open, in the audience, not answered),
 * closing soonest first, titles in lang. 0 or -1. */
int survey_waiting(struct db *db, const struct actor *a, const char *lang,
    struct survey_rows *out);
/* How many surveys wait for account_id: one indexed query over the open
 * surveys, for the menu badge and the status line. -1 on error. */
int64_t survey_waiting_count(struct db *db, int64_t account_id);
/* The identified surveys the actor answered that are still open, so the
 * answers can be changed. 0 or -1. */
int survey_answered_open(struct db *db, const struct actor *a,
    const char *lang, struct survey_rows *out);

/* Taking (core/survey-answers.c, -logic.c, -answer-check.c, -progress.c,
 * -take.c) */

/* The answer to one question: the chosen option keys (SQ_SINGLE one,
 * SQ_MULTIPLE several), a number (the scales and SQ_NUMBER), or a text
 * (SQ_SHORT, SQ_LONG; owned, NULL when none). */
struct survey_answer {
	char		 key[SURVEY_KEY_MAX + 1];
	char		 choices[SURVEY_OPTIONS_MAX][SURVEY_KEY_MAX + 1];
	size_t		 nchoices;
	bool		 has_num;
	long long	 num;
	char		*text;
};

/* Answers by question key, in no particular order; pos is where the
 * member was (the question index to resume at). */
struct survey_answers {
	struct survey_answer	*v;
	size_t			 n;
	int			 pos;
};

void survey_answers_free(struct survey_answers *ans);
/* The answer to key, or NULL. */
const struct survey_answer *survey_answer_find(
    const struct survey_answers *ans, const char *key);
/* The answer to key made empty (added when absent), for the caller to
 * fill; NULL when memory ran out or the key is too long. */
struct survey_answer *survey_answer_put(struct survey_answers *ans,
    const char *key);
/* Sets the text of an answer (a copy). 0 or -1. */
int survey_answer_set_text(struct survey_answer *x, const char *text);
/* Adds an option key to an answer's choices. 0, or -1 when full. */
int survey_answer_choose(struct survey_answer *x, const char *option);
/* Removes the answer to key, if any. */
void survey_answer_drop(struct survey_answers *ans, const char *key);
/* Whether x holds an answer at all (a choice, a number, a non-empty
 * text). */
bool survey_answered(const struct survey_answer *x);

/* Skip logic: whether question qindex is shown with these answers. A
 * question is shown when it has no show_if, or the show_if question is
 * itself shown and its answer has show_value (for SQ_MULTIPLE among the
 * chosen). Pure. */
bool survey_question_shown(const struct survey_def *d,
    const struct survey_answers *ans, size_t qindex);
/* Drops answers to hidden questions and to keys the survey has not, then
 * checks the rest against their questions and the required ones are
 * there (keys above; field the question's key). Pure. */
struct core_error survey_answers_check(const struct survey_def *d,
    struct survey_answers *ans);

/* Saves the actor's unfinished answers to survey id (with ans->pos), for
 * resuming; the answers are checked as far as they go (not for required
 * ones) and pruned the same way. */
struct core_error survey_progress_save(struct db *db, const struct actor *a,
    int64_t id, struct survey_answers *ans);
/* Reads them into *out (emptied first): 1 found, 0 none, -1 error. */
int survey_progress_load(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *out);
/* Submits the actor's answers to survey id (checked and pruned as in
 * survey_answers_check) in one transaction with the done record, removing
 * the progress. An identified survey's earlier answers are replaced. */
struct core_error survey_submit(struct db *db, const struct actor *a,
    int64_t id, struct survey_answers *ans);
/* The actor's stored answers to identified survey id into *out (emptied
 * first): 1 found, 0 none (or an anonymous survey), -1 error. */
int survey_my_answers(struct db *db, const struct actor *a, int64_t id,
    struct survey_answers *out);

#endif
