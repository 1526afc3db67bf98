/* Demo content of the calendar: a month of events from today at real
 * Kaunas venues in lt, en and uk, with a weekly language café, an event
 * at capacity with a waitlist, one with accessibility details, one online
 * and a member's proposal waiting for a moderator; and one that ended
 * weeks ago, which the surveys' demo asks feedback about
 * (core/survey-demo.c). Relative to today, so the demo is always
 * current. */
#include "core/calendar-internal.h"
#include "core/accounts.h"

#include <stdio.h>
#include <string.h>

struct demo_event {
	const char	*organiser;	/* a demo account */
	int		 day;		/* from today */
	int		 hour, minute, minutes;
	const char	*title;
	const char	*description;
	const char	*venue;
	const char	*address;
	const char	*eldership;
	bool		 online;
	unsigned	 languages;	/* CAL_LANG_BIT of lt 0, en 1, uk 2 */
	const char	*tags[3];
	unsigned	 access;
	const char	*access_note;
	int		 capacity;
	const char	*cost;
	bool		 weekly;
	const char	*going[3];	/* demo accounts answering going */
};

#define LT	CAL_LANG_BIT(0)
#define EN	CAL_LANG_BIT(1)
#define UK	CAL_LANG_BIT(2)
#define KAVB	"Kauno apskrities viešoji biblioteka"

static const struct demo_event demo_events[] = {
	{ "moderatore", 1, 18, 0, 90, "Lietuvių kalbos kavinė / Литовське кафе",
	  "Kas savaitę kalbamės lietuviškai prie arbatos: pradedantiesiems ir "
	  "pažengusiems. Щотижня розмовляємо литовською за чаєм.",
	  KAVB, "Radastų g. 2, Kaunas", "centras", false, LT | UK,
	  { "kalbos", "kavinė" }, CAL_ACCESS_STEP_FREE, "", 0, "", true,
	  { "olena", "ruta" } },
	{ "moderatore", 3, 10, 0, 120, "Programavimo pradmenys senjorams",
	  "Pirmoji Python programa: skaičiuojame savo elektros sąnaudas. "
	  "Kompiuterius turime, atsineškite tik smalsumą.",
	  "Kauno technologijos universitetas, Santakos slėnis",
	  "K. Donelaičio g. 73, Kaunas", "centras", false, LT,
	  { "programavimas", "senjorai" }, CAL_ACCESS_STEP_FREE, "", 2, "",
	  false, { "jonas", "ruta", "olena" } },
	{ "admin", 6, 17, 30, 90, "Open lecture: the Baltic Sea in a warmer "
	  "climate", "A public lecture in English with time for questions; "
	  "students and residents welcome.",
	  "Vytauto Didžiojo universitetas", "K. Donelaičio g. 58, Kaunas",
	  "centras", false, EN, { "paskaita", "mokslas" }, 0, "", 0, "",
	  false, { "emma" } },
	{ "moderatore", 9, 16, 0, 60, "Skaitymai lengvai: pasakos visai šeimai",
	  "Skaitome lengvai suprantamus tekstus garsiai; dalyvauja gestų "
	  "kalbos vertėja.", KAVB, "Radastų g. 2, Kaunas", "centras", false,
	  LT, { "skaitymai", "šeimoms" }, CAL_ACCESS_STEP_FREE |
	  CAL_ACCESS_HEARING_LOOP | CAL_ACCESS_SIGN_LANGUAGE |
	  CAL_ACCESS_EASY_READ, "Įėjimas be laiptų iš Radastų gatvės, liftas "
	  "į 2 aukštą, indukcinė kilpa salėje, lengvai skaitomi lapeliai.",
	  30, "", false, { "jonas" } },
	{ "admin", 12, 18, 0, 120, "Розмовний клуб для батьків",
	  "Зустріч українських батьків: школи, гуртки, документи. Діти "
	  "можуть прийти з нами.", "Šančių bendruomenės centras", "",
	  "sanciai", false, UK | LT, { "šeimoms", "kalbos" }, 0, "", 0, "",
	  false, { "olena" } },
	{ "admin", 15, 19, 0, 60, "Online: using e-government services",
	  "How to book a doctor, declare a residence and sign documents "
	  "online. Questions in English or Ukrainian.", "", "", NULL, true,
	  EN | UK, { "paslaugos", "online" }, 0, "", 0, "", false, { "emma" } },
	{ "moderatore", 20, 11, 0, 180, "Fotografijos dirbtuvės telefonu",
	  "Mokomės fotografuoti telefonu Nemuno saloje; susitinkame prie "
	  "įėjimo į biblioteką.", KAVB, "Radastų g. 2, Kaunas", "centras",
	  false, LT, { "fotografija" }, 0, "", 15, "5 € už medžiagas", false,
	  { "ruta" } },
	{ "ruta", 25, 17, 0, 90, "Mainų turgelis: knygos ir žaidimai",
	  "Atneškite perskaitytų knygų ir stalo žaidimų, išsineškite kitų.",
	  "Šančių bendruomenės centras", "", "sanciai", false, LT,
	  { "mainai" }, 0, "", 0, "", false, { NULL } },
};

/* The event that has ended, made after the month's so their ids stay
 * 1 to 8. */
static const struct demo_event demo_past = {
	"moderatore", -40, 11, 0, 300, "Mokymosi festivalis",
	"Visą dieną dirbtuvės, kalbų kavinė ir kompiuterio pradmenys visai "
	"šeimai. Workshops in Lithuanian, English and Ukrainian.", KAVB,
	"Radastų g. 2, Kaunas", "centras", false, LT | EN | UK,
	{ "mokymasis", "šeimoms" }, CAL_ACCESS_STEP_FREE, "", 0, "", false,
	{ "ruta", "jonas", "olena" },
};

/* The wall date days after today, at noon so no change of the clocks
 * moves it to another day. */
static void
demo_day(int64_t now, int days, struct i18n_wall *w)
{
	struct i18n_wall today;
	int64_t noon;

	i18n_wall_from_utc(now, &today, NULL);
	today.hour = 12;
	today.minute = 0;
	if (i18n_wall_to_utc_rfc(&today, &noon) != 0)
		noon = now;
	i18n_wall_from_utc(noon + (int64_t)days * 86400, w, NULL);
}

static int
demo_actor(struct db *db, const char *name, struct account *acc,
    struct actor *a)
{
	if (account_by_name(db, name, acc) != 0)
		return -1;
	*a = (struct actor){ acc->id, acc->role, acc->lang, 0, false };
	return 0;
}

/* Adds event d (published: its organisers are organisers); *id and
 * *start get its id and the UTC of its start. NULL or an error key. */
static const char *
demo_event(struct db *db, int64_t now, const struct demo_event *d,
    int64_t *id, int64_t *start)
{
	struct cal_event_input in = { 0 };
	struct account acc;
	struct actor a;
	int ntags = 0;

	if (demo_actor(db, d->organiser, &acc, &a) != 0)
		return "error.calendar.not_found";
	while (ntags < 3 && d->tags[ntags] != NULL)
		ntags++;
	in.title = d->title;
	in.description = d->description;
	demo_day(now, d->day, &in.start);
	in.start.hour = d->hour;
	in.start.minute = d->minute;
	in.start_choice = in.end_choice = I18N_WALL_EARLIER;
	if (i18n_wall_to_utc_rfc(&in.start, start) != 0)
		return "error.calendar.time_invalid";
	i18n_wall_from_utc(*start + d->minutes * 60, &in.end, NULL);
	in.venue = d->venue;
	in.address = d->address;
	in.eldership = d->eldership;
	in.online = d->online;
	in.languages = d->languages;
	in.tags = d->tags;
	in.ntags = ntags;
	in.access = d->access;
	in.access_note = d->access_note;
	in.capacity = d->capacity;
	in.cost = d->cost;
	in.recur.freq = d->weekly ? CAL_WEEKLY : CAL_ONCE;
	in.recur.interval = 1;
	return calendar_event_create(db, &a, &in, id).key;
}

/* The going answers to the ended event, as given before it began:
 * calendar_answer takes none for an occurrence that has started. */
static const char *
demo_past_going(struct db *db, int64_t id, int64_t start,
    const struct demo_event *d)
{
	for (int j = 0; j < 3 && d->going[j] != NULL; j++) {
		struct account who;
		sqlite3_stmt *st;

		if (account_by_name(db, d->going[j], &who) != 0)
			return "error.calendar.not_found";
		if ((st = db_prepare(db, "INSERT INTO cal_answers (event_id, "
		    "recur_utc, account_id, answer, waitlist, answered) VALUES "
		    "(?1, ?2, ?3, 1, 0, ?4)")) == NULL)
			return "error.internal";
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, start);
		sqlite3_bind_int64(st, 3, who.id);
		sqlite3_bind_int64(st, 4, start - (int64_t)(7 + j) * 86400);
		if (db_step_done(st) != SQLITE_DONE)
			return "error.internal";
	}
	return NULL;
}

int
calendar_demo_fill(struct db *db, FILE *out)
{
	int64_t now = db_now(), id, start;
	const char *err;
	int n = 0;

	if (!i18n_zone_ready()) {
		fprintf(out, "calendar: no demo events (the site's time zone "
		    "is not loaded)\n");
		return 0;
	}

	for (size_t i = 0; i < sizeof demo_events / sizeof demo_events[0];
	    i++) {
		const struct demo_event *d = &demo_events[i];

		if ((err = demo_event(db, now, d, &id, &start)) != NULL) {
			fprintf(stderr, "calendar demo: %s: %s\n", d->title,
			    err);
			return -1;
		}
		n++;
		for (int j = 0; j < 3 && d->going[j] != NULL; j++) {
			struct account who;
			struct actor w;

			if (demo_actor(db, d->going[j], &who, &w) != 0 ||
			    core_failed(calendar_answer(db, &w, id, start,
			    CAL_GOING, NULL, NULL)))
				return -1;
		}
	}
	if ((err = demo_event(db, now, &demo_past, &id, &start)) != NULL ||
	    (err = demo_past_going(db, id, start, &demo_past)) != NULL) {
		fprintf(stderr, "calendar demo: %s: %s\n", demo_past.title, err);
		return -1;
	}
	fprintf(out, "calendar: %d events over the next month, 1 that has "
	    "ended\n", n);
	return 0;
}
