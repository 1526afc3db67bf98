/* A person's profile as the viewer sees it: only the fields core returns
 * (a guest the public ones; what is not shown is not mentioned), each on
 * its line, the bio as its own paragraph, and the mentoring offer with
 * the places left. Letters: w writes to them, r asks for mentorship (a
 * mentor with a free place and nothing open between them), b blocks
 * (after the messages' question) and u lifts one's own block, h hides or
 * shows the profile for a moderator (with a reason), e edits one's own. */
#include "ui/dialogs.h"
#include "ui/directory-ui.h"
#include "ui/person.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/blocks.h"
#include "core/directory.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dir_profile_state {
	int64_t			 id;
	bool			 found;
	struct dir_profile	 p;
	char			 display[ACCOUNT_DISPLAY_MAX * 4 + 1];
	bool			 blocked;	/* by the viewer */
};

void
dir_open_profile(struct app *app, int64_t account_id)
{
	app_push(app, &screen_dir_profile, &account_id);
}

static void
dir_profile_load(struct app *app, struct dir_profile_state *ps)
{
	struct account a;

	ps->found = !core_failed(directory_profile_get(app->db, app_actor(app),
	    ps->id, &ps->p));
	ps->blocked = !app_is_guest(app) && blocks_has(app->db, app->acct.id,
	    ps->id);
	if (ps->found)
		snprintf(ps->display, sizeof ps->display, "%s", ps->p.display);
	else if (account_by_id(app->db, ps->id, &a) == 0)
		snprintf(ps->display, sizeof ps->display, "%s", a.display);
}

static void *
dir_profile_open(struct app *app, void *arg)
{
	struct dir_profile_state *ps = xcalloc(1, sizeof *ps);

	ps->id = *(int64_t *)arg;
	dir_profile_load(app, ps);
	if (!ps->found && !ps->blocked)
		app_notice(app, T("error.directory.not_found"));
	return ps;
}

/* "Languages: Ukrainian (native)" on its own line, when shown. */
static void
line(struct strbuf *sb, const struct dir_profile *p, enum dir_field f,
    const char *label_key, char *value)
{
	if ((p->shown & DIR_FIELD_BIT(f)) && value[0] != '\0') {
		char *s = TFA("directory.profile.line", A_STR(T(label_key)),
		    A_STR(value));

		sb_printf(sb, "%s%s", sb->s != NULL ? "\n" : "", s);
		free(s);
	}
	free(value);
}

static bool
can_request(const struct app *app, const struct dir_profile_state *ps)
{
	return !app_is_guest(app) && ps->found && !ps->p.own &&
	    ps->p.mentors && ps->p.active_mentees < ps->p.max_mentees &&
	    ps->p.mentorship_id == 0;
}

static void
dir_profile_describe(struct app *app, void *st, struct view *v)
{
	struct dir_profile_state *ps = st;
	const struct dir_profile *p = &ps->p;
	struct strbuf sb = { 0 };
	char *s;

	if (ps->display[0] != '\0')
		v->title = xstrdup(ps->display);
	if (!ps->found) {
		view_text(v, T(ps->blocked ? "directory.profile.you_blocked" :
		    "error.directory.not_found"));
		if (ps->blocked)
			view_action(v, 'u', T("pm.unblock"));
		return;
	}
	if (p->own && !p->listed)
		view_para(v, T("directory.profile.unlisted"));
	if (p->hidden)
		view_para(v, T("directory.profile.hidden"));
	if ((p->shown & DIR_FIELD_BIT(DIR_F_BIO)) && p->bio[0] != '\0')
		view_para(v, p->bio);
	line(&sb, p, DIR_F_ELDERSHIP, "directory.field.eldership",
	    dir_eldership_text(p->eldership));
	line(&sb, p, DIR_F_LANGUAGES, "directory.field.languages",
	    dir_langs_text(p->langs, p->nlangs));
	line(&sb, p, DIR_F_OFFERS, "directory.field.offers",
	    dir_tags_text(p->tags[DIR_OFFERS], p->ntags[DIR_OFFERS]));
	line(&sb, p, DIR_F_WANTS, "directory.field.wants",
	    dir_tags_text(p->tags[DIR_WANTS], p->ntags[DIR_WANTS]));
	line(&sb, p, DIR_F_INTERESTS, "directory.field.interests",
	    dir_tags_text(p->tags[DIR_INTERESTS], p->ntags[DIR_INTERESTS]));
	line(&sb, p, DIR_F_AVAIL, "directory.field.avail",
	    dir_avail_text(p->avail));
	if (sb.s != NULL) {
		view_para(v, sb.s);
		sb_free(&sb);
	}
	if (p->mentors) {
		s = TFA("directory.profile.mentoring", A_NUM(p->max_mentees -
		    p->active_mentees));
		view_para(v, s);
		free(s);
	}
	if (p->mentorship_id != 0)
		view_para(v, T(p->mentorship_state == DIR_MS_ACTIVE ?
		    "directory.profile.ms_active" :
		    "directory.profile.ms_requested"));
	if (p->own)
		view_action(v, 'e', T("directory.edit"));
	else if (!app_is_guest(app)) {
		view_action(v, 'w', T("pm.new"));
		if (can_request(app, ps))
			view_action(v, 'r', T("directory.request"));
		if (ps->blocked)
			view_action(v, 'u', T("pm.unblock"));
		else
			view_action(v, 'b', T("pm.block"));
	}
	if (app_is_moderator(app) && !p->own)
		view_action(v, 'h', T(p->hidden ? "directory.show" :
		    "directory.hide"));
}

static struct core_error
request_apply(struct app *app, int64_t mentor, const char *text)
{
	int64_t id;

	return directory_mentor_request(app->db, app_actor(app), mentor, text,
	    &id);
}

static struct core_error
hide_apply(struct app *app, int64_t id, const char *reason, int days)
{
	struct dir_profile p;
	bool hidden;

	(void)days;
	hidden = !core_failed(directory_profile_get(app->db, app_actor(app),
	    id, &p)) && p.hidden;
	return directory_profile_hide(app->db, app_actor(app), id, !hidden,
	    reason);
}

static const char *
block_yes(struct app *app, int64_t other)
{
	struct core_error e = blocks_add(app->db, app_actor(app), other);

	return core_failed(e) ? e.key : "pm.blocked";
}

static int
dir_profile_action(struct app *app, void *st, int key)
{
	struct dir_profile_state *ps = st;
	struct core_error e;
	char *s;

	switch (key) {
	case 'e':
		if (ps->found && ps->p.own)
			app_push(app, &screen_dir_edit, NULL);
		break;
	case 'w':
		if (ps->found && !ps->p.own && !app_is_guest(app))
			people_write_to(app, ps->id);
		break;
	case 'r':
		if (can_request(app, ps)) {
			s = TFA("directory.request.title", A_STR(ps->display));
			app_push(app, &screen_dir_message, &(struct
			    dir_message_req){ .title = s,
			    .label_key = "directory.request.message",
			    .hint_key = "directory.request.hint",
			    .required = true, .apply = request_apply,
			    .done_key = "directory.request.sent",
			    .arg = ps->id });
			free(s);
		}
		break;
	case 'b':
		if (!app_is_guest(app) && !ps->blocked) {
			s = TFA("pm.block.question", A_STR(ps->display));
			app_push(app, &screen_confirm, &(struct confirm_req){
			    .question = s, .yes = block_yes, .arg = ps->id });
			free(s);
		}
		break;
	case 'u':
		if (ps->blocked) {
			e = blocks_remove(app->db, app_actor(app), ps->id);
			app_notice(app, T(core_failed(e) ? e.key :
			    "pm.unblocked"));
			dir_profile_load(app, ps);
		}
		break;
	case 'h':
		if (ps->found && app_is_moderator(app)) {
			s = TFA(ps->p.hidden ? "directory.show.title" :
			    "directory.hide.title", A_STR(ps->display));
			app_push(app, &screen_reason, &(struct reason_req){
			    .title = s, .help_key = "help.dir_hide",
			    .apply = hide_apply, .done_key = ps->p.hidden ?
			    "directory.shown" : "directory.hidden",
			    .arg = ps->id });
			free(s);
		}
		break;
	}
	return SR_STAY;
}

static void
dir_profile_resume(struct app *app, void *st)
{
	dir_profile_load(app, st);
}

static void
dir_profile_close(struct app *app, void *st)
{
	(void)app;
	free(st);
}

const struct screen_ops screen_dir_profile = {
	.name = "dir-profile",
	.title_key = "directory.profile.title",
	.help_key = "help.dir_profile",
	.open = dir_profile_open,
	.describe = dir_profile_describe,
	.action = dir_profile_action,
	.resume = dir_profile_resume,
	.close = dir_profile_close,
};
