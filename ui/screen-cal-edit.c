/* The form that creates or edits an event: its texts, when (dates and
 * times in the site zone, or whole days), where (a venue with an address
 * and an eldership, or online), its languages, topics, accessibility,
 * capacity and cost, and how it repeats. Core checks everything and says
 * which field is wrong (struct core_error field); the form puts the
 * message under that field. Dates and times are split in two fields
 * each, so a time the clocks skip gets its message on the time field; a
 * time that happens twice adds a question right after it, earlier or
 * later offset, with no answer chosen: it is never decided silently.
 * Organisers, moderators and admins publish; a member's event is a
 * proposal, and the form says so before it is sent. */
#include "ui/calendar-ui.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/calendar.h"
#include "forms/form.h"
#include "i18n/calendar.h"
#include "i18n/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TAGS_SPLIT_MAX	(CAL_TAGS_MAX + 1)	/* one more: core refuses */

struct edit_state {
	int64_t		 id;		/* 0: a new event */
	struct form	*form;
	bool		 proposes;	/* a member's: it will wait */
	/* The DST questions shown after the start's and the end's time. */
	bool		 ask_start, ask_end;
};

static const char *const access_ids[] = { "step_free", "hearing_loop",
	"sign_language", "easy_read" };

int
cal_parse_date(const char *s, struct i18n_wall *w)
{
	int n = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &w->year, &w->month, &w->day, &n) != 3
	    || s[n] != '\0' || w->year < 1900 || w->month < 1 ||
	    w->month > 12 || w->day < 1 || w->day > 31)
		return -1;
	return 0;
}

/* "H:MM" too. */
int
cal_parse_time(const char *s, struct i18n_wall *w)
{
	int n = 0;

	if (sscanf(s, "%2d:%2d%n", &w->hour, &w->minute, &n) != 2 ||
	    s[n] != '\0' || w->hour < 0 || w->hour > 23 || w->minute < 0 ||
	    w->minute > 59)
		return -1;
	return 0;
}

static bool
all_day(const struct form *f)
{
	return strcmp(form_value(f, "all_day"), "yes") == 0;
}

static const char *
check_date(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;

	(void)f;
	(void)arg;
	if (fld->value[0] == '\0')
		return NULL;	/* required ones say so themselves */
	return cal_parse_date(fld->value, &w) == 0 ? NULL :
	    "calendar.edit.date_format";
}

/* A time is needed unless the event takes whole days. */
static const char *
check_time(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;

	(void)arg;
	if (fld->value[0] == '\0')
		return all_day(f) ? NULL : "calendar.edit.time_needed";
	return cal_parse_time(fld->value, &w) == 0 ? NULL :
	    "calendar.edit.time_format";
}

/* The wall time of the start ("start") or the end ("end") as typed, the
 * end's date defaulting to the start's. 0 or -1. */
static int
form_wall(const struct form *f, const char *which, struct i18n_wall *w)
{
	char date_id[16], time_id[16];
	const char *date;

	snprintf(date_id, sizeof date_id, "%s", which);
	snprintf(time_id, sizeof time_id, "%s_time", which);
	memset(w, 0, sizeof *w);
	date = form_value(f, date_id);
	if (*date == '\0')
		date = form_value(f, "start");
	if (cal_parse_date(date, w) != 0)
		return -1;
	if (all_day(f))
		return 0;
	return cal_parse_time(form_value(f, time_id), w);
}

/* The DST question wants an answer only while the time it is about
 * happens twice. */
static const char *
check_dst(const struct form *f, const struct field *fld, void *arg)
{
	struct i18n_wall w;
	int64_t t;

	if (strcmp(fld->value, "ask") != 0 || all_day(f) ||
	    form_wall(f, arg, &w) != 0)
		return NULL;
	return i18n_wall_to_utc(&w, I18N_WALL_ASK, &t) == I18N_WALL_REPEATED ?
	    "calendar.edit.dst_choose" : NULL;
}

/* Languages as their codes, "lt, en": bits of CAL_LANG_BIT, or 0 when a
 * word is no language of the site. */
static unsigned
parse_languages(const char *s)
{
	char buf[64], *p, *save = NULL;
	unsigned bits = 0;
	int i;

	snprintf(buf, sizeof buf, "%s", s);
	for (p = strtok_r(buf, ", ", &save); p != NULL;
	    p = strtok_r(NULL, ", ", &save)) {
		for (i = 0; i < I18N_NLANGS; i++)
			if (strcasecmp(p, i18n_langs[i]) == 0)
				break;
		if (i == I18N_NLANGS)
			return 0;
		bits |= CAL_LANG_BIT(i);
	}
	return bits;
}

static const char *
check_languages(const struct form *f, const struct field *fld, void *arg)
{
	(void)f;
	(void)arg;
	return parse_languages(fld->value) != 0 ? NULL :
	    "error.calendar.languages";
}

/* Weekdays as numbers 1 (Monday) to 7, "1 3" or "1, 3": bit 0 Monday;
 * -1 for anything else. */
static int
parse_weekdays(const char *s)
{
	unsigned bits = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '1' && *s <= '7')
			bits |= 1u << (*s - '1');
		else if (*s != ' ' && *s != ',')
			return -1;
	}
	return (int)bits;
}

static const char *
check_weekdays(const struct form *f, const struct field *fld, void *arg)
{
	(void)f;
	(void)arg;
	return parse_weekdays(fld->value) >= 0 ? NULL :
	    "calendar.edit.weekdays_format";
}

/* A rule's detail is asked only when the event repeats (arg NULL) or
 * repeats in this way (arg, a choice of "recurrence"). */
static bool
repeats_as(const struct form *f, void *arg)
{
	const char *how = form_value(f, "recurrence");

	return arg != NULL ? strcmp(how, arg) == 0 : strcmp(how, "once") != 0;
}

static struct field *
add_text(struct form *f, const char *id, enum field_type type,
    const char *label_key, const char *hint_key, bool required, int max)
{
	struct field *fld = form_add(f, id, type, T(label_key), required);

	fld->max_cp = max;
	if (hint_key != NULL)
		fld->hint = xstrdup(T(hint_key));
	return fld;
}

static struct field *
add_yes_no(struct form *f, const char *id, const char *label_key)
{
	struct field *fld = form_add(f, id, FIELD_CHOICE, T(label_key), true);

	field_add_choice(fld, "no", T("calendar.edit.no"));
	field_add_choice(fld, "yes", T("calendar.edit.yes"));
	return fld;
}

static struct field *
add_number(struct form *f, const char *id, const char *label_key,
    const char *hint_key, int min, int max, const char *dflt)
{
	struct field *fld = form_add(f, id, FIELD_NUMBER, T(label_key), true);

	fld->min = min;
	fld->max = max;
	if (hint_key != NULL)
		fld->hint = xstrdup(T(hint_key));
	field_set(fld, dflt);
	return fld;
}

/* The offset of the site zone at wall time w taken as choice, "+03:00". */
static void
offset_text(const struct i18n_wall *w, enum i18n_wall_choice choice,
    char *buf, size_t bufsz)
{
	struct tm tm = { .tm_year = w->year - 1900, .tm_mon = w->month - 1,
	    .tm_mday = w->day, .tm_hour = w->hour, .tm_min = w->minute };
	int64_t t = 0, off;

	i18n_wall_to_utc(w, choice, &t);
	off = (int64_t)timegm(&tm) - t;
	snprintf(buf, bufsz, "%c%02d:%02d", off < 0 ? '-' : '+',
	    (int)(llabs(off) / 3600), (int)(llabs(off) % 3600 / 60));
}

/* The question after a time that happens twice: no answer chosen, then
 * the earlier instant (summer time) and the later (standard time), each
 * with its offset. */
static void
add_dst(struct form *f, const struct form *old, const char *which)
{
	struct field *fld;
	struct i18n_wall w;
	char id[16], earlier[8] = "", later[8] = "";
	char *label;

	snprintf(id, sizeof id, "%s_dst", which);
	/* The offsets of the time as typed (in the form being replaced). */
	if (old != NULL && form_wall(old, which, &w) == 0) {
		offset_text(&w, I18N_WALL_EARLIER, earlier, sizeof earlier);
		offset_text(&w, I18N_WALL_LATER, later, sizeof later);
	}
	fld = form_add(f, id, FIELD_CHOICE, T("calendar.edit.dst"), true);
	fld->hint = xstrdup(T("error.calendar.time_repeated"));
	fld->check = check_dst;
	fld->check_arg = (void *)(strcmp(which, "start") == 0 ? "start" :
	    "end");
	field_add_choice(fld, "ask", T("calendar.edit.dst_none"));
	label = TFA("calendar.edit.dst_earlier", A_STR(earlier));
	field_add_choice(fld, "earlier", label);
	free(label);
	label = TFA("calendar.edit.dst_later", A_STR(later));
	field_add_choice(fld, "later", label);
	free(label);
}

/* The form in its order, with the values of old (NULL: a new form) and
 * the DST questions es asks for. */
static struct form *
build(struct edit_state *es, const struct form *old)
{
	struct form *f = form_new(T(es->id == 0 ? "calendar.edit.create" :
	    "calendar.edit.save"));
	struct field *fld;
	struct strbuf sb = { 0 };
	char *s, *zone;
	int i;

	fld = add_text(f, "title", FIELD_TEXT, "calendar.edit.title", NULL,
	    true, CAL_TITLE_MAX);
	/* A member's new event is a proposal: said at the first question,
	 * in both modes, before anything is sent. */
	if (es->id == 0 && es->proposes)
		fld->hint = xstrdup(T("calendar.edit.proposal_note"));
	add_text(f, "description", FIELD_TEXTAREA, "calendar.edit.description",
	    NULL, false, CAL_DESCRIPTION_MAX);
	add_yes_no(f, "all_day", "calendar.edit.all_day");
	fld = add_text(f, "start", FIELD_TEXT, "calendar.edit.start_date",
	    NULL, true, 10);
	zone = i18n_zone_name();
	fld->hint = TFA("calendar.edit.start_hint", A_STR(zone));
	free(zone);
	fld->check = check_date;
	fld = add_text(f, "start_time", FIELD_TEXT, "calendar.edit.start_time",
	    "calendar.edit.time_hint", false, 5);
	fld->check = check_time;
	if (es->ask_start)
		add_dst(f, old, "start");
	fld = add_text(f, "end", FIELD_TEXT, "calendar.edit.end_date",
	    "calendar.edit.end_date_hint", false, 10);
	fld->check = check_date;
	fld = add_text(f, "end_time", FIELD_TEXT, "calendar.edit.end_time",
	    "calendar.edit.time_hint", false, 5);
	fld->check = check_time;
	if (es->ask_end)
		add_dst(f, old, "end");
	fld = form_add(f, "online", FIELD_CHOICE, T("calendar.edit.where"),
	    true);
	field_add_choice(fld, "venue", T("calendar.edit.at_venue"));
	field_add_choice(fld, "online", T("calendar.edit.online"));
	add_text(f, "venue", FIELD_TEXT, "calendar.edit.venue", NULL, false,
	    CAL_VENUE_MAX);
	add_text(f, "address", FIELD_TEXT, "calendar.edit.address", NULL,
	    false, CAL_ADDRESS_MAX);
	fld = form_add(f, "eldership", FIELD_CHOICE,
	    T("calendar.edit.eldership"), true);
	field_add_choice(fld, "none", T("calendar.edit.eldership_none"));
	for (i = 0; cal_elderships[i].code != NULL; i++)
		field_add_choice(fld, cal_elderships[i].code,
		    T(cal_elderships[i].key));
	fld = add_text(f, "languages", FIELD_TEXT, "calendar.edit.languages",
	    NULL, true, 30);
	for (i = 0; i < I18N_NLANGS; i++)
		sb_printf(&sb, "%s%s %s", i > 0 ? ", " : "", i18n_langs[i],
		    i18n_lang_name(i18n_langs[i]));
	fld->hint = TFA("calendar.edit.languages_hint", A_STR(sb.s));
	sb_free(&sb);
	fld->check = check_languages;
	field_set(fld, i18n_lang());
	add_text(f, "tags", FIELD_TEXT, "calendar.edit.tags",
	    "calendar.edit.tags_hint", false,
	    CAL_TAGS_MAX * (CAL_TAG_MAX + 2));
	add_yes_no(f, "step_free", "calendar.edit.step_free");
	add_yes_no(f, "hearing_loop", "calendar.edit.hearing_loop");
	add_yes_no(f, "sign_language", "calendar.edit.sign_language");
	add_yes_no(f, "easy_read", "calendar.edit.easy_read");
	add_text(f, "access_note", FIELD_TEXT, "calendar.edit.access_note",
	    NULL, false, CAL_ACCESS_NOTE_MAX);
	add_number(f, "capacity", "calendar.edit.capacity",
	    "calendar.edit.capacity_hint", 0, CAL_CAPACITY_MAX, "0");
	add_text(f, "cost", FIELD_TEXT, "calendar.edit.cost",
	    "calendar.edit.cost_hint", false, CAL_COST_MAX);
	fld = form_add(f, "recurrence", FIELD_CHOICE,
	    T("calendar.edit.repeat"), true);
	field_add_choice(fld, "once", T("calendar.edit.repeat_once"));
	field_add_choice(fld, "weekly", T("calendar.edit.repeat_weekly"));
	field_add_choice(fld, "monthly_day",
	    T("calendar.edit.repeat_monthly_day"));
	field_add_choice(fld, "monthly_weekday",
	    T("calendar.edit.repeat_monthly_weekday"));
	field_add_choice(fld, "yearly", T("calendar.edit.repeat_yearly"));
	fld = add_number(f, "interval", "calendar.edit.interval",
	    "calendar.edit.interval_hint", 1, CAL_INTERVAL_MAX, "1");
	fld->shown = repeats_as;
	fld = add_text(f, "weekdays", FIELD_TEXT, "calendar.edit.weekdays",
	    NULL, false, 20);
	for (i = 1; i <= 7; i++) {
		s = i18n_weekday_short(i);
		sb_printf(&sb, "%s%d %s", i > 1 ? ", " : "", i, s);
		free(s);
	}
	fld->hint = TFA("calendar.edit.weekdays_hint", A_STR(sb.s));
	sb_free(&sb);
	fld->check = check_weekdays;
	fld->shown = repeats_as;
	fld->shown_arg = "weekly";
	fld = form_add(f, "nth", FIELD_CHOICE, T("calendar.edit.nth"), true);
	fld->hint = xstrdup(T("calendar.edit.nth_hint"));
	fld->shown = repeats_as;
	fld->shown_arg = "monthly_weekday";
	field_add_choice(fld, "1", T("calendar.edit.nth_1"));
	field_add_choice(fld, "2", T("calendar.edit.nth_2"));
	field_add_choice(fld, "3", T("calendar.edit.nth_3"));
	field_add_choice(fld, "4", T("calendar.edit.nth_4"));
	field_add_choice(fld, "-1", T("calendar.edit.nth_last"));
	fld = add_text(f, "until", FIELD_TEXT, "calendar.edit.until",
	    "calendar.edit.until_hint", false, 10);
	fld->check = check_date;
	fld->shown = repeats_as;
	fld = add_number(f, "count", "calendar.edit.count",
	    "calendar.edit.count_hint", 0, CAL_COUNT_MAX, "0");
	fld->shown = repeats_as;
	if (old == NULL)
		return f;
	for (i = 0; i < f->nfields; i++) {
		const struct field *was = NULL;

		for (int j = 0; j < old->nfields && was == NULL; j++)
			if (strcmp(old->fields[j]->id, f->fields[i]->id) == 0)
				was = old->fields[j];
		if (was == NULL)
			continue;
		field_set(f->fields[i], was->value);
		if (was->error != NULL)
			field_set_error(f->fields[i], was->error);
	}
	f->asked = old->asked;
	return f;
}

/* The form again with what it holds, e.g. after a DST question joined. */
static void
rebuild(struct edit_state *es)
{
	struct form *old = es->form;

	es->form = build(es, old);
	form_free(old);
}

static void
set_wall(struct form *f, const char *date_id, const char *time_id,
    int64_t t, bool whole_days)
{
	struct i18n_wall w;
	char buf[16];

	i18n_wall_from_utc(t, &w, NULL);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", w.year, w.month, w.day);
	field_set(form_field(f, date_id), buf);
	if (whole_days)
		return;
	snprintf(buf, sizeof buf, "%02d:%02d", w.hour, w.minute);
	field_set(form_field(f, time_id), buf);
}

/* The value of NAME= in an RRULE, copied to buf ("" when absent). */
static const char *
rule_part(const char *rule, const char *name, char *buf, size_t bufsz)
{
	size_t n = strlen(name);
	const char *p;

	buf[0] = '\0';
	for (p = rule; p != NULL && *p != '\0'; p = strchr(p, ';'),
	    p = p != NULL ? p + 1 : NULL) {
		if (strncmp(p, name, n) == 0 && p[n] == '=') {
			snprintf(buf, bufsz, "%.*s", (int)strcspn(p + n + 1, ";"),
			    p + n + 1);
			break;
		}
	}
	return buf;
}

/* The recurrence fields from the stored rule, which core wrote from the
 * same fields (core/calendar-recur.c: cal_rrule). */
static void
fill_rule(struct form *f, const char *rule)
{
	static const char days[] = "MOTUWETHFRSASU";
	char freq[16], v[64], wd[16] = "";
	const char *p;

	if (*rule == '\0')
		return;
	rule_part(rule, "FREQ", freq, sizeof freq);
	rule_part(rule, "BYDAY", v, sizeof v);
	if (strcmp(freq, "WEEKLY") == 0) {
		field_set(form_field(f, "recurrence"), "weekly");
		for (p = v; *p != '\0'; p += strcspn(p, ","),
		    p += *p == ',') {
			const char *d = strstr(days, (char[]){ p[0], p[1], 0 });

			if (d != NULL && (d - days) % 2 == 0)
				snprintf(wd + strlen(wd), sizeof wd -
				    strlen(wd), "%s%d", wd[0] ? " " : "",
				    (int)(d - days) / 2 + 1);
		}
		field_set(form_field(f, "weekdays"), wd);
	} else if (strcmp(freq, "MONTHLY") == 0 && v[0] != '\0') {
		field_set(form_field(f, "recurrence"), "monthly_weekday");
		snprintf(wd, sizeof wd, "%d", atoi(v));
		field_set(form_field(f, "nth"), wd);
	} else if (strcmp(freq, "MONTHLY") == 0)
		field_set(form_field(f, "recurrence"), "monthly_day");
	else if (strcmp(freq, "YEARLY") == 0)
		field_set(form_field(f, "recurrence"), "yearly");
	field_set(form_field(f, "interval"), rule_part(rule, "INTERVAL", v,
	    sizeof v)[0] != '\0' ? v : "1");
	if (rule_part(rule, "COUNT", v, sizeof v)[0] != '\0')
		field_set(form_field(f, "count"), v);
	if (rule_part(rule, "UNTIL", v, sizeof v)[0] != '\0' &&
	    strlen(v) >= 8) {
		snprintf(wd, sizeof wd, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
		field_set(form_field(f, "until"), wd);
	}
}

/* The event as stored, into the form. 0 or -1 (gone, or not the
 * actor's to edit). */
static int
fill(struct app *app, struct edit_state *es)
{
	struct form *f = es->form;
	struct cal_event e;
	char buf[64];
	int i;

	/* From the epoch on: the first occurrence, where the rule starts
	 * (its recur_utc stays the original start even when it moved). */
	if (calendar_event_get(app->db, app_actor(app), es->id, 0, 0, &e) !=
	    0)
		return -1;
	if (!e.may_edit) {
		cal_event_free(&e);
		return -1;
	}
	field_set(form_field(f, "title"), e.occ.title);
	field_set(form_field(f, "description"), e.description);
	field_set(form_field(f, "all_day"), e.occ.all_day ? "yes" : "no");
	set_wall(f, "start", "start_time", e.occ.recur_utc, e.occ.all_day);
	set_wall(f, "end", "end_time", e.occ.recur_utc + (e.occ.end -
	    e.occ.start) - (e.occ.all_day ? 86400 : 0), e.occ.all_day);
	field_set(form_field(f, "online"), e.occ.online ? "online" : "venue");
	field_set(form_field(f, "venue"), e.occ.venue);
	field_set(form_field(f, "address"), e.address);
	field_set(form_field(f, "eldership"), e.occ.eldership[0] != '\0' ?
	    e.occ.eldership : "none");
	buf[0] = '\0';
	for (i = 0; i < I18N_NLANGS; i++)
		if (e.occ.languages & CAL_LANG_BIT(i))
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "%s%s", buf[0] ? ", " : "", i18n_langs[i]);
	field_set(form_field(f, "languages"), buf);
	field_set(form_field(f, "tags"), e.tags);
	for (i = 0; i < 4; i++)
		field_set(form_field(f, access_ids[i]),
		    e.occ.access & (1u << i) ? "yes" : "no");
	field_set(form_field(f, "access_note"), e.access_note);
	snprintf(buf, sizeof buf, "%d", e.occ.capacity);
	field_set(form_field(f, "capacity"), buf);
	field_set(form_field(f, "cost"), e.cost);
	fill_rule(f, e.rrule);
	cal_event_free(&e);
	return 0;
}

static void *
edit_open(struct app *app, void *arg)
{
	struct edit_state *es = xcalloc(1, sizeof *es);

	es->id = arg != NULL ? *(const int64_t *)arg : 0;
	es->proposes = app_actor(app)->role < ROLE_ORGANISER;
	es->form = build(es, NULL);
	if (es->id != 0 && fill(app, es) != 0)
		app_notice(app, T("error.calendar.not_found"));
	return es;
}

static void
edit_describe(struct app *app, void *st, struct view *v)
{
	struct edit_state *es = st;

	(void)app;
	v->title = xstrdup(T(es->id == 0 ? "calendar.edit.new_title" :
	    "calendar.edit.edit_title"));
	v->form = es->form;
}

/* Splits "a, b" into at most TAGS_SPLIT_MAX trimmed words in buf. */
static int
split_tags(char *buf, const char **tags)
{
	char *p, *save = NULL;
	int n = 0;

	for (p = strtok_r(buf, ",", &save); p != NULL && n < TAGS_SPLIT_MAX;
	    p = strtok_r(NULL, ",", &save)) {
		size_t len;

		p += strspn(p, " ");
		for (len = strlen(p); len > 0 && p[len - 1] == ' '; len--)
			p[len - 1] = '\0';
		if (*p != '\0')
			tags[n++] = p;
	}
	return n;
}

static enum i18n_wall_choice
dst_choice(const struct form *f, bool asked, const char *id)
{
	const char *v;

	if (!asked)
		return I18N_WALL_ASK;
	v = form_value(f, id);
	return strcmp(v, "earlier") == 0 ? I18N_WALL_EARLIER :
	    strcmp(v, "later") == 0 ? I18N_WALL_LATER : I18N_WALL_ASK;
}

/* The form as core takes it; tagbuf holds the tags' text. */
static void
make_input(const struct edit_state *es, struct cal_event_input *in,
    char *tagbuf, size_t tagsz, const char **tags)
{
	const struct form *f = es->form;
	const char *rec = form_value(f, "recurrence");
	int i;

	memset(in, 0, sizeof *in);
	in->title = form_value(f, "title");
	in->description = form_value(f, "description");
	in->all_day = all_day(f);
	form_wall(f, "start", &in->start);
	form_wall(f, "end", &in->end);
	/* A timed event without an end date ends on its start's day. */
	in->start_choice = dst_choice(f, es->ask_start, "start_dst");
	in->end_choice = dst_choice(f, es->ask_end, "end_dst");
	in->online = strcmp(form_value(f, "online"), "online") == 0;
	in->venue = form_value(f, "venue");
	in->address = form_value(f, "address");
	in->eldership = strcmp(form_value(f, "eldership"), "none") == 0 ?
	    NULL : form_value(f, "eldership");
	in->languages = parse_languages(form_value(f, "languages"));
	snprintf(tagbuf, tagsz, "%s", form_value(f, "tags"));
	in->tags = tags;
	in->ntags = split_tags(tagbuf, tags);
	for (i = 0; i < 4; i++)
		if (strcmp(form_value(f, access_ids[i]), "yes") == 0)
			in->access |= 1u << i;
	in->access_note = form_value(f, "access_note");
	in->capacity = atoi(form_value(f, "capacity"));
	in->cost = form_value(f, "cost");
	in->recur.freq = strcmp(rec, "weekly") == 0 ? CAL_WEEKLY :
	    strcmp(rec, "monthly_day") == 0 ? CAL_MONTHLY_DAY :
	    strcmp(rec, "monthly_weekday") == 0 ? CAL_MONTHLY_WEEKDAY :
	    strcmp(rec, "yearly") == 0 ? CAL_YEARLY : CAL_ONCE;
	in->recur.interval = atoi(form_value(f, "interval"));
	in->recur.weekdays = (unsigned)parse_weekdays(form_value(f,
	    "weekdays"));
	in->recur.nth = atoi(form_value(f, "nth"));
	in->recur.count = atoi(form_value(f, "count"));
	if (cal_parse_date(form_value(f, "until"), &in->recur.until) != 0)
		in->recur.until.year = 0;
}

/* The form field core's refusal belongs to: a time the clocks skip or
 * repeat is the time field's (its DST question's once asked), an end
 * before the start the end time's. */
static const char *
error_field(const struct edit_state *es, struct core_error e)
{
	bool end, timed = !all_day(es->form);

	if (e.field == NULL)
		return NULL;
	end = strcmp(e.field, "end") == 0;
	if (!end && strcmp(e.field, "start") != 0)
		return e.field;
	if (strcmp(e.key, "error.calendar.time_repeated") == 0)
		return end ? "end_dst" : "start_dst";
	if (strcmp(e.key, "error.calendar.time_nonexistent") == 0 ||
	    (timed && strcmp(e.key, "error.calendar.end_before_start") == 0))
		return end ? "end_time" : "start_time";
	return e.field;
}

/* Shows core's refusal under its field, or as the notice. */
static void
show_error(struct app *app, struct edit_state *es, struct core_error e)
{
	struct field *bad;
	const char *id;

	if (strcmp(e.key, "error.calendar.time_repeated") == 0) {
		/* The question joins the form, right after the time. */
		if (strcmp(e.field, "end") == 0)
			es->ask_end = true;
		else
			es->ask_start = true;
		rebuild(es);
	}
	id = error_field(es, e);
	if (id == NULL || (bad = form_field(es->form, id)) == NULL) {
		app_notice(app, T(e.key));
		return;
	}
	bad->error_arg = (double)e.arg;
	field_set_error_key(bad, strcmp(e.key,
	    "error.calendar.time_repeated") == 0 ? "calendar.edit.dst_choose" :
	    e.key);
	es->form->focus = form_index(es->form, bad);
	app_notice(app, bad->error);
}

static int
edit_submit(struct app *app, void *st, struct form *unused)
{
	struct edit_state *es = st;
	struct cal_event_input in;
	struct cal_notify told = { 0 };
	struct core_error e;
	const char *tags[TAGS_SPLIT_MAX];
	char tagbuf[CAL_TAGS_MAX * (CAL_TAG_MAX + 2) * 4 + 1];
	int64_t id = 0;

	(void)unused;
	make_input(es, &in, tagbuf, sizeof tagbuf, tags);
	if (es->id == 0)
		e = calendar_event_create(app->db, app_actor(app), &in, &id);
	else
		e = calendar_event_update(app->db, app_actor(app), es->id, &in,
		    &told);
	cal_notify_free(&told);
	if (core_failed(e)) {
		show_error(app, es, e);
		return SR_STAY;
	}
	/* A member's changed event waits for a moderator again (core). */
	app_notice(app, T(es->id != 0 ? (es->proposes ?
	    "calendar.edit.saved_waits" : "calendar.edit.saved") :
	    es->proposes ? "calendar.edit.proposed" :
	    "calendar.edit.published"));
	return SR_POP;
}

static void
edit_close(struct app *app, void *st)
{
	struct edit_state *es = st;

	(void)app;
	form_free(es->form);
	free(es);
}

const struct screen_ops screen_cal_edit = {
	.name = "cal-edit",
	.title_key = "calendar.edit.new_title",
	.help_key = "help.cal_edit",
	.open = edit_open,
	.describe = edit_describe,
	.submit = edit_submit,
	.close = edit_close,
};

void
cal_edit_new(struct app *app)
{
	app_push(app, &screen_cal_edit, NULL);
}

void
cal_edit_open(struct app *app, int64_t event_id)
{
	assert(event_id > 0);
	app_push(app, &screen_cal_edit, &event_id);
}
