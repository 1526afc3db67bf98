/* One organisation: its kind, description, eldership and contact, its
 * upcoming events (Enter opens the calendar's event page) with the
 * address of its iCalendar, and (for members) its member accounts, the
 * organisation's admins first; Enter on one opens their profile, as far
 * as they listed it. Its members who organise events add one of theirs
 * to it, and take one off (core/directory-org-events.h decides who). Its
 * admins (and site admins: core's viewer_admin) edit it (e) and keep its
 * members (m). */
#include "ui/calendar-ui.h"
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "common/clock.h"
#include "common/config.h"
#include "core/accounts.h"
#include "core/directory.h"
#include "core/directory-org-events.h"
#include "core/output.h"
#include "i18n/i18n.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#define DIR_ORG_MEMBERS	12
#define DIR_ORG_EVENTS	10	/* upcoming events listed */
#define DIR_ORG_CHOICES	20	/* events offered to add */

struct dir_org_state {
	int64_t				 id;
	bool				 found;
	struct dir_org			 o;
	struct cal_occurrence_list	 events;
	struct dir_org_member_list	 members;
	bool				 may_add;	/* has events to add */
	bool				 may_remove;	/* may take one off */
};

/* Whether the viewer may attach to this organisation at all: a member of
 * it, or site staff (the model checks each event again). */
static bool
organises_for(struct app *app, int64_t org)
{
	struct dir_org_list l;
	bool in = app_actor(app)->role >= ROLE_MODERATOR;

	if (app_is_guest(app) || directory_orgs_of_member(app->db,
	    app_actor(app), &l) != 0)
		return false;
	for (size_t i = 0; !in && i < l.n; i++)
		in = l.v[i].id == org;
	dir_org_list_free(&l);
	return in;
}

static void
dir_org_load(struct app *app, struct dir_org_state *os)
{
	struct cal_occurrence_list mine;

	dir_org_member_list_free(&os->members);
	cal_occurrence_list_free(&os->events);
	os->may_add = os->may_remove = false;
	os->found = directory_org_get(app->db, app_actor(app), os->id,
	    &os->o) == 0;
	if (!os->found)
		return;
	(void)directory_org_events(app->db, app_actor(app), os->id,
	    clock_now(), DIR_ORG_EVENTS, &os->events);
	if (app_is_guest(app))
		return;
	(void)directory_org_members(app->db, app_actor(app), os->id, 0,
	    DIR_ORG_MEMBERS, &os->members);
	if (organises_for(app, os->id) && directory_org_event_candidates(
	    app->db, app_actor(app), clock_now(), 1, &mine) == 0) {
		os->may_add = mine.n > 0;
		cal_occurrence_list_free(&mine);
	}
	for (size_t i = 0; !os->may_remove && i < os->events.n; i++)
		os->may_remove = directory_org_event_may_detach(app->db,
		    app_actor(app), os->events.v[i].event_id);
}

static void *
dir_org_open(struct app *app, void *arg)
{
	struct dir_org_state *os = xcalloc(1, sizeof *os);

	os->id = *(int64_t *)arg;
	dir_org_load(app, os);
	if (!os->found)
		app_notice(app, T("error.directory.not_found"));
	return os;
}

static void
add_line(struct strbuf *sb, const char *label_key, const char *value)
{
	char *s;

	if (value[0] == '\0')
		return;
	s = TFA("directory.profile.line", A_STR(T(label_key)), A_STR(value));
	sb_printf(sb, "%s%s", sb->s != NULL ? "\n" : "", s);
	free(s);
}

/* "Thu 4 Mar 18:00–19:30  Kalbų kavinė": an event's label in the list
 * and in the choices. */
static char *
event_label(const struct cal_occurrence *o)
{
	char *when = cal_fmt_when(o, true), *s;

	s = xasprintf("%s  %s", when, o->title);
	free(when);
	return s;
}

/* Where its calendar is: the ssh command and, when the site serves the
 * feeds at a public address, the feed's. */
static void
dir_org_ics(struct app *app, struct dir_org_state *os, struct view *v)
{
	char name[OUTPUT_NAME_MAX], *cmd, *full, *s;
	size_t n;

	snprintf(name, sizeof name, "org-%lld.ics", (long long)os->id);
	cmd = app_ssh_command(app, "guest");
	full = xasprintf("%s %s", cmd, name);
	s = TFA("directory.org.ics", A_STR(full));
	view_para(v, s);
	free(s);
	free(full);
	free(cmd);
	if (app->cfg->feeds_addr != NULL && app->cfg->feeds_url[0] != '\0') {
		n = strlen(app->cfg->feeds_url);
		while (n > 0 && app->cfg->feeds_url[n - 1] == '/')
			n--;
		full = xasprintf("%.*s/%s", (int)n, app->cfg->feeds_url, name);
		s = TFA("directory.org.feed", A_STR(full));
		view_para(v, s);
		free(s);
		free(full);
	}
}

static void
dir_org_describe(struct app *app, void *st, struct view *v)
{
	struct dir_org_state *os = st;
	struct strbuf sb = { 0 };
	char *eld, *s;
	size_t i;
	int k;

	if (!os->found) {
		view_text(v, T("error.directory.not_found"));
		return;
	}
	v->title = xstrdup(os->o.name);
	for (k = 0; dir_org_kinds[k].code != NULL; k++)
		if (strcmp(dir_org_kinds[k].code, os->o.kind) == 0)
			add_line(&sb, "directory.org.kind", T(dir_org_kinds[k].key));
	eld = dir_eldership_text(os->o.eldership);
	add_line(&sb, "directory.field.eldership", eld);
	free(eld);
	add_line(&sb, "directory.org.contact", os->o.contact);
	if (os->o.description[0] != '\0')
		view_para(v, os->o.description);
	if (sb.s != NULL) {
		view_para(v, sb.s);
		sb_free(&sb);
	}
	dir_org_ics(app, os, v);
	/* One list, the events first: the heading above it names both. */
	if (os->events.n == 0)
		view_para(v, T("directory.org.no_events"));
	if (app_is_guest(app) || os->events.n == 0 || os->members.n == 0)
		view_para(v, T(app_is_guest(app) ?
		    "directory.org.members_guest" : os->members.n > 0 ?
		    "directory.org.members" : "directory.org.no_members"));
	if (os->events.n > 0)
		view_para(v, T(os->members.n > 0 ?
		    "directory.org.events_members" : "directory.org.events"));
	for (i = 0; i < os->events.n; i++) {
		s = event_label(&os->events.v[i]);
		view_item(v, s, NULL, NULL);
		free(s);
	}
	for (i = 0; i < os->members.n; i++) {
		const struct dir_org_member *m = &os->members.v[i];
		char *who = person_label(m->display, m->name, 0);

		view_item(v, who, m->role == DIR_ORG_ADMIN ?
		    T("directory.org.admin") : NULL, NULL);
		view_name(v, m->display);
		free(who);
	}
	if (os->may_add)
		view_action(v, 'a', T("directory.org.do_add_event"));
	if (os->may_remove)
		view_action(v, 'r', T("directory.org.do_remove_event"));
	if (os->o.viewer_admin) {
		view_action(v, 'e', T("directory.org.do_edit"));
		view_action(v, 'm', T("directory.org.do_members"));
	}
}

static int
dir_org_select(struct app *app, void *st, int index)
{
	struct dir_org_state *os = st;

	/* The events come first, then the members. */
	if (index >= 0 && (size_t)index < os->events.n)
		cal_open_event(app, os->events.v[index].event_id,
		    os->events.v[index].recur_utc);
	else if (index >= 0 && (size_t)(index - (int)os->events.n) <
	    os->members.n)
		dir_open_profile(app,
		    os->members.v[index - (int)os->events.n].account_id);
	return SR_STAY;
}

static const char *
add_chosen(struct app *app, const struct choice_req *req, int index)
{
	struct core_error e = directory_org_event_attach(app->db,
	    app_actor(app), req->arg, req->values[index]);

	return core_failed(e) ? e.key : "directory.org.event_added";
}

static const char *
remove_chosen(struct app *app, const struct choice_req *req, int index)
{
	struct core_error e = directory_org_event_detach(app->db,
	    app_actor(app), req->values[index]);

	return core_failed(e) ? e.key : "directory.org.event_removed";
}

/* A choice of events: the viewer's own not yet attached (add), or the
 * organisation's they may take off (remove). */
static void
choose_event(struct app *app, struct dir_org_state *os, bool add)
{
	struct choice_req req = { .title_key = add ?
	    "directory.org.add_event_title" : "directory.org.remove_event_title",
	    .help_key = "help.choice", .apply = add ? add_chosen : remove_chosen,
	    .arg = os->id, .current = -1 };
	struct cal_occurrence_list mine = { 0 };
	const struct cal_occurrence_list *from = &os->events;
	char **labels;
	size_t i, n = 0;

	if (add) {
		if (directory_org_event_candidates(app->db, app_actor(app),
		    clock_now(), DIR_ORG_CHOICES, &mine) != 0) {
			app_notice(app, T("error.internal"));
			return;
		}
		from = &mine;
	}
	labels = xcalloc(from->n + 1, sizeof *labels);
	for (i = 0; i < from->n; i++) {
		if (!add && !directory_org_event_may_detach(app->db,
		    app_actor(app), from->v[i].event_id))
			continue;
		labels[n] = event_label(&from->v[i]);
		choice_add(&req, labels[n++], from->v[i].event_id);
	}
	if (n > 0)
		app_push(app, &screen_choice, &req);	/* copies the labels */
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	choice_req_free(&req);
	cal_occurrence_list_free(&mine);
}

static int
dir_org_action(struct app *app, void *st, int key)
{
	struct dir_org_state *os = st;

	if (key == 'a' && os->may_add)
		choose_event(app, os, true);
	else if (key == 'r' && os->may_remove)
		choose_event(app, os, false);
	else if (key == 'e' && os->found && os->o.viewer_admin)
		app_push(app, &screen_dir_org_edit, &os->id);
	else if (key == 'm' && os->found && os->o.viewer_admin)
		app_push(app, &screen_dir_org_members, &os->id);
	return SR_STAY;
}

static void
dir_org_resume(struct app *app, void *st)
{
	dir_org_load(app, st);
}

static void
dir_org_close(struct app *app, void *st)
{
	struct dir_org_state *os = st;

	(void)app;
	dir_org_member_list_free(&os->members);
	cal_occurrence_list_free(&os->events);
	free(os);
}

const struct screen_ops screen_dir_org = {
	.name = "dir-org",
	.title_key = "directory.orgs.title",
	.help_key = "help.dir_org",
	.open = dir_org_open,
	.describe = dir_org_describe,
	.select = dir_org_select,
	.action = dir_org_action,
	.resume = dir_org_resume,
	.close = dir_org_close,
};
