/* Organisations as event organisers (see directory-org-events.h). The
 * link is the directory's table (dir_org_events); everything about the
 * event itself, who may edit it, whether the viewer may see it and when
 * it next happens, is asked of the calendar's API. */
#include "core/directory-org-events.h"
#include "core/directory-internal.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Agenda pages read while looking for the actor's own events: a weekly
 * event fills a page with its occurrences, so a few pages find the rest. */
#define CANDIDATE_PAGES		8
#define CANDIDATE_PAGE		100

static bool
site_staff(const struct actor *a)
{
	return !a->guest && a->role >= ROLE_MODERATOR;
}

/* The actor's role in the organisation, or -1 when not a member. */
static int
org_role(struct db *db, const struct actor *a, int64_t org)
{
	if (a->guest || a->account_id == 0)
		return -1;
	return (int)db_scalar(db, "SELECT role FROM dir_org_members WHERE "
	    "org_id = ?1 AND account_id = ?2", org, a->account_id, -1);
}

/* Whether the calendar lets the actor edit the event: -1 when the actor
 * may not even see it (or it is not there). */
static int
may_edit_event(struct db *db, const struct actor *a, int64_t event_id)
{
	struct cal_event ev;
	bool may;

	if (calendar_event_get(db, a, event_id, 0, db_now(), &ev) != 0)
		return -1;
	may = ev.may_edit;
	cal_event_free(&ev);
	return may ? 1 : 0;
}

struct core_error
directory_org_event_attach(struct db *db, const struct actor *a, int64_t org,
    int64_t event_id)
{
	const char *err;
	char detail[32];
	int edit;

	if ((err = dir_member_check(db, a)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_scalar(db, "SELECT 1 FROM dir_orgs WHERE id = ?1", org, 0,
	    0) != 1 || (edit = may_edit_event(db, a, event_id)) < 0)
		return CORE_ERR("error.directory.not_found", NULL);
	if (edit == 0 || (org_role(db, a, org) < 0 && !site_staff(a)))
		return CORE_ERR("error.directory.not_allowed", NULL);
	snprintf(detail, sizeof detail, "org %lld", (long long)org);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	/* One organisation per event: the primary key says so; asked first
	 * inside the transaction so the answer is a key, not a failure. */
	if (db_scalar(db, "SELECT 1 FROM dir_org_events WHERE event_id = ?1",
	    event_id, 0, 0) == 1)
		err = "error.directory.event_has_org";
	else if (db_exec_ints(db, "INSERT INTO dir_org_events (event_id, "
	    "org_id) VALUES (?1, ?2)", event_id, org, 0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, a, "event", event_id, "org_event_attach",
		    detail);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

/* Why the actor may not detach the event (NULL: they may), and its
 * organisation. */
static const char *
detach_check(struct db *db, const struct actor *a, int64_t event_id,
    int64_t *org)
{
	const char *err;
	int edit, role;

	if ((err = dir_member_check(db, a)) != NULL)
		return err;
	if ((*org = db_scalar(db, "SELECT org_id FROM dir_org_events WHERE "
	    "event_id = ?1", event_id, 0, 0)) == 0 ||
	    (edit = may_edit_event(db, a, event_id)) < 0)
		return "error.directory.not_found";
	role = org_role(db, a, *org);
	if (!site_staff(a) && role != DIR_ORG_ADMIN && (edit == 0 || role < 0))
		return "error.directory.not_allowed";
	return NULL;
}

bool
directory_org_event_may_detach(struct db *db, const struct actor *a,
    int64_t event_id)
{
	int64_t org;

	return detach_check(db, a, event_id, &org) == NULL;
}

struct core_error
directory_org_event_detach(struct db *db, const struct actor *a,
    int64_t event_id)
{
	const char *err;
	char detail[32];
	int64_t org;

	if ((err = detach_check(db, a, event_id, &org)) != NULL)
		return CORE_ERR(err, NULL);
	snprintf(detail, sizeof detail, "org %lld", (long long)org);
	if ((err = db_tx_begin(db, NULL, NULL)) != NULL)
		return CORE_ERR(err, NULL);
	if (db_exec_ints(db, "DELETE FROM dir_org_events WHERE event_id = ?1",
	    event_id, 0, 0) != 0)
		err = "error.internal";
	else
		err = db_audit(db, a, "event", event_id, "org_event_detach",
		    detail);
	return CORE_ERR(db_tx_end(db, err), NULL);
}

int
directory_event_org(struct db *db, const struct actor *viewer,
    int64_t event_id, int64_t *org_id, struct dir_org *out)
{
	int64_t org;

	if ((org = db_scalar(db, "SELECT org_id FROM dir_org_events WHERE "
	    "event_id = ?1", event_id, 0, 0)) == 0)
		return 1;
	if (out != NULL && directory_org_get(db, viewer, org, out) != 0)
		return -1;
	*org_id = org;
	return 0;
}

static int
org_name_cmp(const void *x, const void *y)
{
	const struct dir_org *a = x, *b = y;
	int c = i18n_collate(a->name, b->name);

	return c != 0 ? c : (a->id > b->id) - (a->id < b->id);
}

int
directory_orgs_of_member(struct db *db, const struct actor *a,
    struct dir_org_list *out)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (a->guest || a->account_id == 0)
		return 0;
	if ((st = db_prepare(db, "SELECT org_id FROM dir_org_members WHERE "
	    "account_id = ?1")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a->account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		if (directory_org_get(db, a, sqlite3_column_int64(st, 0),
		    &out->v[out->n]) != 0) {
			rc = SQLITE_ERROR;
			break;
		}
		out->n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		dir_org_list_free(out);
		return -1;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, org_name_cmp);
	return 0;
}

static int
occ_cmp(const void *x, const void *y)
{
	const struct cal_occurrence *a = x, *b = y;

	if (a->start != b->start)
		return (a->start > b->start) - (a->start < b->start);
	return (a->event_id > b->event_id) - (a->event_id < b->event_id);
}

int
directory_org_event_ids(struct db *db, int64_t org, int64_t **ids, size_t *n)
{
	sqlite3_stmt *st;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((st = db_prepare(db, "SELECT event_id FROM dir_org_events WHERE "
	    "org_id = ?1 ORDER BY event_id")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int
directory_org_events(struct db *db, const struct actor *viewer, int64_t org,
    int64_t now, int limit, struct cal_occurrence_list *out)
{
	struct cal_event ev;
	int64_t *ids;
	size_t n, i;

	assert(limit > 0 && limit <= DIR_ORG_EVENTS_MAX);
	memset(out, 0, sizeof *out);
	if (directory_org_event_ids(db, org, &ids, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		/* The calendar says what the viewer may see of it and when
		 * it next happens; a proposal or a past event is not listed. */
		if (calendar_event_get(db, viewer, ids[i], 0, now, &ev) != 0)
			continue;
		if ((ev.occ.state == CAL_PUBLISHED ||
		    ev.occ.state == CAL_CANCELLED) && ev.occ.end > now) {
			out->v = xreallocarray(out->v, out->n + 1,
			    sizeof *out->v);
			out->v[out->n++] = ev.occ;
		}
		cal_event_free(&ev);
	}
	free(ids);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, occ_cmp);
	if (out->n > (size_t)limit) {
		out->n = (size_t)limit;
		out->more = true;
	}
	return 0;
}

static bool
listed(const struct cal_occurrence_list *l, int64_t event_id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].event_id == event_id)
			return true;
	return false;
}

int
directory_org_event_candidates(struct db *db, const struct actor *a,
    int64_t now, int limit, struct cal_occurrence_list *out)
{
	struct cal_filter f = { 0 };
	struct cal_cursor cur;
	struct cal_occurrence_list page;
	bool more = true;
	int p;

	assert(limit > 0);
	memset(out, 0, sizeof *out);
	if (a->guest || a->account_id == 0)
		return 0;
	f.organiser_id = a->account_id;
	for (p = 0; more && p < CANDIDATE_PAGES && out->n < (size_t)limit;
	    p++) {
		if (calendar_agenda(db, a, now, p == 0 ? NULL : &cur, &f,
		    CANDIDATE_PAGE, &page) != 0) {
			cal_occurrence_list_free(out);
			return -1;
		}
		for (size_t i = 0; i < page.n && out->n < (size_t)limit; i++) {
			const struct cal_occurrence *o = &page.v[i];

			if (o->cancelled || listed(out, o->event_id) ||
			    db_scalar(db, "SELECT 1 FROM dir_org_events WHERE "
			    "event_id = ?1", o->event_id, 0, 0) == 1)
				continue;
			out->v = xreallocarray(out->v, out->n + 1,
			    sizeof *out->v);
			out->v[out->n++] = *o;
		}
		more = page.more;
		if (page.n > 0)
			cur = (struct cal_cursor){ page.v[page.n - 1].start,
			    page.v[page.n - 1].event_id,
			    page.v[page.n - 1].recur_utc };
		cal_occurrence_list_free(&page);
	}
	return 0;
}
