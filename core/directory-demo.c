/* Demo content of the directory: profiles for the demo logins (Rūta, a
 * Lithuanian teacher who speaks Ukrainian and mentors; Jonas, a retired
 * engineer who teaches programming; Olena, who learns Lithuanian; Emma,
 * an English teacher), the county library, a university and an NGO with
 * members, an active mentorship and a request waiting. */
#include "core/directory-internal.h"
#include "core/directory-org-events.h"
#include "core/accounts.h"

#include <stdio.h>
#include <string.h>

struct demo_profile {
	const char	*name;		/* a demo login (core/domain-accounts.c) */
	const char	*bio;
	const char	*eldership;
	struct dir_lang	 langs[4];
	const char	*tags[DIR_NKINDS][3];
	unsigned	 avail;
	int		 mentees;	/* 0: does not mentor */
	bool		 public_bio;	/* bio and languages for everyone */
};

static const struct demo_profile demo_profiles[] = {
	{ "ruta", "Lietuvių kalbos mokytoja Šančiuose. Padedu atvykusiems "
	  "prabilti lietuviškai; kalbu ir ukrainietiškai. Вчителька литовської, "
	  "говорю українською.", "sanciai",
	  { { "lt", DIR_NATIVE }, { "uk", DIR_GOOD }, { "en", DIR_BASIC } },
	  { { "Lietuvių kalba", "Rašymas" }, { "Sodininkystė" },
	    { "Knygos", "Šachmatai" } },
	  DIR_AV_EVENINGS | DIR_AV_ONLINE | DIR_AV_IN_PERSON, 3, true },
	{ "jonas", "Inžinierius pensininkas. Mokau programuoti ir "
	  "skaičiuoti, mielai padėsiu ir senjorams su kompiuteriu.", "dainava",
	  { { "lt", DIR_NATIVE }, { "ru", DIR_GOOD } },
	  { { "Python", "Matematika", "Kompiuterio pradmenys" },
	    { "Anglų kalba" }, { "Šachmatai" } },
	  DIR_AV_WEEKDAYS | DIR_AV_IN_PERSON, 2, false },
	{ "olena", "З Харкова, у Каунасі з 2022 року. Вчу литовську, "
	  "допомагаю з бухгалтерією.", "silainiai",
	  { { "uk", DIR_NATIVE }, { "ru", DIR_FLUENT }, { "en", DIR_GOOD },
	    { "lt", DIR_BASIC } },
	  { { "Ukrainiečių kalba", "Buhalterija" }, { "Lietuvių kalba" },
	    { "Knygos" } },
	  DIR_AV_EVENINGS | DIR_AV_ONLINE, 0, false },
	{ "emma", "English teacher from Manchester, in Kaunas for two years. "
	  "Happy to swap English for Lithuanian.", "centras",
	  { { "en", DIR_NATIVE }, { "lt", DIR_BASIC } },
	  { { "Anglų kalba" }, { "Lietuvių kalba" }, { "Bėgimas" } },
	  DIR_AV_WEEKENDS | DIR_AV_ONLINE, 2, true },
};

struct demo_org {
	const char	*kind, *name, *description, *eldership, *contact;
	const char	*admin, *member;	/* demo logins */
};

static const struct demo_org demo_orgs[] = {
	{ "library", "Kauno apskrities viešoji biblioteka", "Knygos, "
	  "lietuvių kalbos kursai, kompiuterinio raštingumo užsiėmimai ir "
	  "renginiai visai šeimai.", "centras", "Radastų g. 2, Kaunas",
	  "moderatore", "ruta" },
	{ "university", "Vytauto Didžiojo universitetas", "Atviros paskaitos, "
	  "savanorystė ir lietuvių kalbos kursai užsieniečiams.", "centras",
	  "K. Donelaičio g. 58, Kaunas", "emma", NULL },
	{ "ngo", "Bendrystės tiltai", "Savanoriai padeda atvykusiems "
	  "įsikurti: kalba, dokumentai, darbo paieška. Волонтери допомагають "
	  "облаштуватися.", "silainiai", "tiltai@example.lt", "ruta",
	  "olena" },
};

static int
demo_actor(struct db *db, const char *name, struct actor *a)
{
	struct account acc;

	if (account_by_name(db, name, &acc) != 0)
		return -1;
	*a = (struct actor){ acc.id, acc.role, acc.lang, 0, false };
	return 0;
}

static const char *
demo_profile(struct db *db, const struct demo_profile *d)
{
	struct dir_profile_input in = dir_profile_input_default();
	struct actor a;
	int k;

	if (demo_actor(db, d->name, &a) != 0)
		return "error.directory.not_found";
	in.listed = true;
	in.bio = d->bio;
	in.eldership = d->eldership;
	in.langs = d->langs;
	while (in.nlangs < 4 && d->langs[in.nlangs].code[0] != '\0')
		in.nlangs++;
	for (k = 0; k < DIR_NKINDS; k++) {
		in.tags[k] = d->tags[k];
		while (in.ntags[k] < 3 && d->tags[k][in.ntags[k]] != NULL)
			in.ntags[k]++;
	}
	in.avail = d->avail;
	in.mentors = d->mentees > 0;
	in.max_mentees = d->mentees;
	if (d->public_bio)
		in.vis[DIR_F_BIO] = in.vis[DIR_F_LANGUAGES] =
		    in.vis[DIR_F_OFFERS] = DIR_VIS_EVERYONE;
	return directory_profile_save(db, &a, &in).key;
}

static const char *
demo_org(struct db *db, const struct demo_org *d, int64_t *id_out)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0, false }, who;
	struct dir_org_input in = { d->kind, d->name, d->description,
		d->eldership, d->contact };
	const char *err;
	int64_t id;

	if ((err = directory_org_add(db, &admin, &in, &id).key) != NULL)
		return err;
	*id_out = id;
	if (demo_actor(db, d->admin, &who) != 0)
		return "error.directory.not_found";
	if ((err = directory_org_member_set(db, &admin, id, who.account_id,
	    DIR_ORG_ADMIN).key) != NULL || d->member == NULL)
		return err;
	if (demo_actor(db, d->member, &who) != 0)
		return "error.directory.not_found";
	return directory_org_member_set(db, &admin, id, who.account_id,
	    DIR_ORG_MEMBER).key;
}

/* The library organises two of its admin's events in the calendar's demo
 * (which fills before the directory's: domains fill in list order; it
 * has none when the site's zone is not loaded, and then neither has the
 * library). */
static const char *const demo_library_events[] = {
	"Lietuvių kalbos kavinė / Литовське кафе",
	"Skaitymai lengvai: pasakos visai šeimai",
};

static const char *
demo_org_events(struct db *db, int64_t library, size_t *found)
{
	struct cal_occurrence_list l;
	struct actor mod;
	const char *err = NULL;
	size_t i, k;

	if (demo_actor(db, "moderatore", &mod) != 0)
		return "error.directory.not_found";
	if (directory_org_event_candidates(db, &mod, db_now(),
	    DIR_ORG_EVENTS_MAX, &l) != 0)
		return "error.internal";
	for (i = 0; err == NULL && i < l.n; i++)
		for (k = 0; k < sizeof demo_library_events /
		    sizeof demo_library_events[0]; k++)
			if (strcmp(l.v[i].title, demo_library_events[k]) == 0) {
				err = directory_org_event_attach(db, &mod,
				    library, l.v[i].event_id).key;
				(*found)++;
			}
	cal_occurrence_list_free(&l);
	return err;
}

/* Olena learns with Rūta; Emma has asked Jonas. */
static const char *
demo_mentorships(struct db *db)
{
	struct actor ruta, jonas, olena, emma;
	const char *err;
	int64_t id;

	if (demo_actor(db, "ruta", &ruta) != 0 || demo_actor(db, "jonas",
	    &jonas) != 0 || demo_actor(db, "olena", &olena) != 0 ||
	    demo_actor(db, "emma", &emma) != 0)
		return "error.directory.not_found";
	if ((err = directory_mentor_request(db, &olena, ruta.account_id,
	    "Laba diena! Norėčiau kalbėti lietuviškai drąsiau. Чи могли б ви "
	    "допомогти?", &id).key) != NULL ||
	    (err = directory_mentor_answer(db, &ruta, id, true, "Mielai! "
	    "Susitinkame ketvirtadieniais bibliotekoje.").key) != NULL)
		return err;
	return directory_mentor_request(db, &emma, jonas.account_id, "Hello "
	    "Jonas! Could you show me the basics of Python? I can help with "
	    "your English in return.", &id).key;
}

int
directory_demo_fill(struct db *db, FILE *out)
{
	const char *err = NULL;
	int64_t ids[sizeof demo_orgs / sizeof demo_orgs[0]];
	size_t i, events = 0;

	for (i = 0; err == NULL && i < sizeof demo_profiles /
	    sizeof demo_profiles[0]; i++)
		err = demo_profile(db, &demo_profiles[i]);
	for (i = 0; err == NULL && i < sizeof demo_orgs / sizeof demo_orgs[0];
	    i++)
		err = demo_org(db, &demo_orgs[i], &ids[i]);
	if (err == NULL)
		err = demo_org_events(db, ids[0], &events);	/* the library */
	if (err == NULL)
		err = demo_mentorships(db);
	if (err != NULL) {
		fprintf(stderr, "demo: directory: %s\n", err);
		return -1;
	}
	fprintf(out, "directory: %zu profiles, %zu organisations (the "
	    "library organises %zu events), a mentorship\n", sizeof demo_profiles / sizeof demo_profiles[0],
	    sizeof demo_orgs / sizeof demo_orgs[0], events);
	return 0;
}
