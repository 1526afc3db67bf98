/* Demo content of the forums: boards, and conversations in several
 * languages between the demo accounts, aged over the last days. */
#include "core/demo.h"
#include "core/accounts.h"
#include "core/db-internal.h"
#include "core/forums.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Forum content: boards, and threads whose first post opens them. lang
 * NULL is the author's language. */
struct demo_post {
	const char	*author;
	const char	*lang;
	const char	*body;
};

struct demo_board {
	const char	*title;
	const char	*description;
	const char	*lang;
};

struct demo_thread {
	int			 board;		/* index in demo_boards */
	const char		*title;
	bool			 pinned;
	struct demo_post	 posts[6];	/* ends at author NULL */
};

static const struct demo_board demo_boards[] = {
	{ "Sveiki atvykę į Tinklą",
	  "Susipažinkime: kas esame, ko mokomės ir ką galime išmokyti kitus.",
	  "lt" },
	{ "Lietuvių kalbos klubas",
	  "Pokalbių klubas ukrainiečiams ir visiems, kurie mokosi lietuvių "
	  "kalbos. Rašykite, kaip mokate, klysti galima.", "" },
	{ "Для новоприбулих у Каунасі",
	  "Житло, документи, школи, курси: питайте українською, відповімо.",
	  "uk" },
	{ "Programavimo klubas senjorams",
	  "Trečiadieniais 10 val. Kauno apskrities viešojoje bibliotekoje.",
	  "lt" },
	{ "Savanorių koordinavimas",
	  "Talkos, renginiai, pagalba šeimoms: kas, kada ir kur.", "lt" },
	{ "English Conversation Evenings",
	  "Tuesdays at 18:30. All levels welcome, nobody corrects you "
	  "mid-sentence.", "en" },
};

static const struct demo_thread demo_threads[] = {
	{ 0, "Prisistatykite: kas jūs ir ko mokotės?", true, {
	  { "moderatore", NULL, "Sveiki! Čia Kauno mokymosi tinklų "
	    "bendruomenė: kalbų klubai, savanoriai, programavimo užsiėmimai ir "
	    "kiti būreliai.\n\nParašykite kelis sakinius apie save: kuo "
	    "užsiimate, ko norėtumėte išmokti ir ką galėtumėte išmokyti "
	    "kitus." },
	  { "ruta", NULL, "Labas, esu Rūta, dirbu mokytoja Šančiuose. "
	    "Ketvirtadieniais vedu lietuvių kalbos pokalbių klubą. Pati "
	    "norėčiau išmokti fotografuoti ne tik telefonu." },
	  { "jonas", NULL, "Jonas, 67 metų, inžinierius pensininkas. Lankau "
	    "programavimo klubą bibliotekoje: jau parašiau pirmą programėlę, "
	    "kuri skaičiuoja, kiek sunaudojame elektros. Galiu padėti "
	    "moksleiviams su matematika." },
	  { "olena", NULL, "Вітаю! Я Олена, з Харкова, у Каунасі з 2022 року. "
	    "Вчу литовську, jau šiek tiek kalbu lietuviškai! Можу допомогти "
	    "з англійською." },
	  { "emma", NULL, "Hi all, I'm Emma, an English teacher from "
	    "Manchester, here for a year. I run the English conversation "
	    "evenings. Labai malonu!" },
	  { NULL, NULL, NULL } } },
	{ 0, "Kaip naudotis Tinklu: trumpai", false, {
	  { "admin", NULL, "Rodyklėmis judate sąraše, Enter atveria, q grįžta "
	    "atgal, ? rodo pagalbą. Temos su neskaitytais įrašais pažymėtos. "
	    "Jei ekranas netelpa, padidinkite terminalo langą arba "
	    "nustatymuose pasirinkite paprastą režimą." },
	  { "jonas", NULL, "Ačiū! O kaip pakeisti kalbą? Anūkė sakė, kad "
	    "galima ir angliškai." },
	  { "admin", NULL, "Nustatymuose pasirinkite „Kalba“: pakeitimas "
	    "įsigalioja iš karto." },
	  { NULL, NULL, NULL } } },
	{ 1, "Ketvirtadienio klubas: turguje", true, {
	  { "ruta", NULL, "Šį ketvirtadienį 18 val. kalbėsime apie "
	    "apsipirkimą turguje: kaip paklausti kainos, pasiderėti ir "
	    "padėkoti.\n\nŽodžiai: kiek kainuoja?, kilogramas, pusė, ar "
	    "galite nuleisti kainą?, ačiū, viso gero. Atsineškite savo "
	    "klausimų!" },
	  { "olena", "lt", "Ačiū! Ar galima paklausti: kodėl sakome „penki "
	    "obuoliai“, bet „dešimt obuolių“? Tai labai sunku." },
	  { "ruta", NULL, "Puikus klausimas, @olena! Skaičiai nuo 2 iki 9 "
	    "eina su vardininku: du, penki obuoliai. Nuo 10 iki 20 ir "
	    "dešimtys eina su kilmininku: dešimt, dvidešimt obuolių. O 21 vėl "
	    "kaip 1: dvidešimt vienas obuolys." },
	  { "jonas", NULL, "Ir aš, lietuvis, niekada apie tai negalvojau :) "
	    "Reikės ateiti į klubą." },
	  { NULL, NULL, NULL } } },
	{ 1, "Savaitės žodis: „pasiilgti“", false, {
	  { "ruta", NULL, "„Pasiilgti“: to miss someone, сумувати. "
	    "Pavyzdžiai: Pasiilgstu namų. Pasiilgau tavęs. Parašykite savo "
	    "sakinį!" },
	  { "olena", "lt", "Pasiilgstu mamos ir savo miesto, bet Kaune "
	    "jaučiuosi vis geriau." },
	  { "emma", "lt", "Aš pasiilgau arbatos su pienu :)" },
	  { NULL, NULL, NULL } } },
	{ 2, "Де безкоштовно вивчати литовську?", false, {
	  { "olena", NULL, "Друзі, підкажіть безкоштовні курси литовської для "
	    "дорослих. Я ходжу до розмовного клубу Рути по четвергах, але хочу "
	    "ще граматику. Працюю до 17:00." },
	  { "ruta", NULL, "Olena, vakarinių grupių būna bibliotekose ir "
	    "užsieniečių centruose. Paklauskime savanorių skiltyje, kas žino "
	    "naujausią tvarkaraštį. Klube irgi galime nagrinėti gramatiką: "
	    "parašyk, kurios temos sunkiausios." },
	  { "olena", NULL, "Дякую! Найважче — відмінки, особливо орудний: su "
	    "draugu, su drauge..." },
	  { NULL, NULL, NULL } } },
	{ 2, "Слова для візиту до лікаря", false, {
	  { "olena", NULL, "Збираю литовські слова для лікаря:\n"
	    "skauda galvą — болить голова\ntemperatūra — температура\n"
	    "receptas — рецепт\nvaistinė — аптека\nДодавайте свої!" },
	  { "ruta", NULL, "Dar: „Norėčiau užsiregistruoti pas šeimos "
	    "gydytoją“ — я хочу записатися до сімейного лікаря. Ir „Ar "
	    "galite kalbėti lėčiau?“ — pravers visur." },
	  { NULL, NULL, NULL } } },
	{ 3, "Trečiadienio užsiėmimai bibliotekoje", true, {
	  { "moderatore", NULL, "Susitinkame trečiadieniais 10 val. Kauno "
	    "apskrities viešojoje bibliotekoje, kompiuterių klasėje. "
	    "Atsineškite savo nešiojamąjį, jei turite; jei ne, kompiuterių "
	    "bibliotekoje yra.\n\nŠį mėnesį mokomės Python pagrindų: "
	    "kintamieji, ciklai, failai." },
	  { "jonas", NULL, "Praeitą kartą buvo labai įdomu. Klausimas: kaip "
	    "nuskaityti skaičius iš failo, jei jie atskirti kabliataškiais?" },
	  { "moderatore", NULL, "Jonai, pabandykite:\n\n"
	    "for eilute in open(\"duomenys.txt\"):\n"
	    "    skaiciai = [float(x) for x in eilute.split(\";\")]\n\n"
	    "Trečiadienį parodysiu ir csv modulį." },
	  { NULL, NULL, NULL } } },
	{ 3, "Mano pirmoji programa: elektros skaitiklis", false, {
	  { "jonas", NULL, "Parašiau programą, kuri iš skaitiklio rodmenų "
	    "apskaičiuoja mėnesio suvartojimą ir sąskaitą. Žmona sako, kad "
	    "dabar žinome, kiek kainuoja skalbimo mašina :) Ar kas norėtų "
	    "kodo?" },
	  { "ruta", NULL, "Jonai, šaunu! Gal galėtumėte parodyti per "
	    "užsiėmimą? Mano tėvai irgi norėtų tokios." },
	  { "jonas", NULL, "Mielai, @ruta. Atsinešiu trečiadienį." },
	  { NULL, NULL, NULL } } },
	{ 4, "Šeštadienio talka Santakos parke", false, {
	  { "moderatore", NULL, "Šeštadienį 10 val. renkamės prie Santakos "
	    "parko. Pirštinių ir maišų turėsime. Parašykite, jei ateisite, "
	    "kad žinotume, kiek arbatos virti." },
	  { "jonas", NULL, "Ateisiu su anūke." },
	  { "emma", NULL, "Count me in! I can bring biscuits." },
	  { "olena", NULL, "Я прийду з сином. Ateisime!" },
	  { NULL, NULL, NULL } } },
	{ 4, "Ieškome savanorių: namų darbai su vaikais", false, {
	  { "ruta", NULL, "Ieškome savanorių, kurie dvi valandas per savaitę "
	    "padėtų ukrainiečių vaikams ruošti lietuvių kalbos namų darbus. "
	    "Tinka kiekvienas, kas kalba lietuviškai ir turi kantrybės. "
	    "@olena, gal padėtum susisiekti su šeimomis?" },
	  { "olena", NULL, "Так, звісно. Напишу в батьківський чат і повідомлю, "
	    "скільки дітей охочих." },
	  { NULL, NULL, NULL } } },
	{ 5, "This week: travel stories", true, {
	  { "emma", NULL, "Tuesday at 18:30, same room as always. Topic: the "
	    "best or worst journey you have ever had. All levels welcome." },
	  { "jonas", "en", "My worst journey: Kaunas to Klaipėda by train in "
	    "1985, eight hours, no heating. The rest on Tuesday." },
	  { "olena", "en", "I am a little shy to speak. Can I just listen "
	    "first?" },
	  { "emma", NULL, "Of course, Olena. Listening is how everyone "
	    "starts." },
	  { NULL, NULL, NULL } } },
	{ 5, "Phrasal verbs that confuse everyone", false, {
	  { "emma", NULL, "Let's collect them: put up with, get over, look "
	    "forward to, run out of. Post a sentence with one and I will reply "
	    "with a second example." },
	  { "ruta", "en", "I look forward to the summer holidays, but I have "
	    "run out of patience with the rain." },
	  { "emma", NULL, "Perfect! Another: we ran out of milk, so I had to "
	    "put up with black coffee." },
	  { NULL, NULL, NULL } } },
};

static int	demo_age(struct db *);
static int	demo_viewer(struct db *, const char *, struct account *,
		    struct actor *);

int
forums_demo(struct db *db, FILE *out)
{
	struct actor admin = { 0, ROLE_ADMIN, "lt", 0 }, v;
	int64_t boards[sizeof demo_boards / sizeof demo_boards[0]], tid;
	const struct demo_thread *t;
	const struct demo_post *p;
	struct account a;
	const char *err;
	size_t i, j;

	(void)out;

	for (i = 0; i < sizeof demo_boards / sizeof demo_boards[0]; i++) {
		err = forum_board_add(db, &admin, demo_boards[i].title,
		    demo_boards[i].description, demo_boards[i].lang,
		    &boards[i]);
		if (err != NULL) {
			fprintf(stderr, "demo: board %zu: %s\n", i, err);
			return -1;
		}
	}
	for (i = 0; i < sizeof demo_threads / sizeof demo_threads[0]; i++) {
		t = &demo_threads[i];
		for (j = 0, err = NULL; err == NULL && t->posts[j].author !=
		    NULL; j++) {
			p = &t->posts[j];
			if (demo_viewer(db, p->author, &a, &v) != 0)
				err = "error.forum.not_found";
			else if (j == 0)
				err = forum_thread_start(db, &v,
				    boards[t->board], t->title, p->body,
				    p->lang, &tid, NULL).key;
			else
				err = forum_reply(db, &v, tid, p->body, p->lang,
				    NULL, NULL).key;
		}
		if (err == NULL && t->pinned)
			err = forum_thread_pin(db, &admin, tid, true, "").key;
		if (err != NULL) {
			fprintf(stderr, "demo: %s: %s\n", t->title, err);
			return -1;
		}
	}
	return demo_age(db);
}

/* Spreads the demo posts over the last days, an hour and a half apart and
 * in the order they were written, so a newcomer meets a conversation that
 * has been going on rather than one written this second. */
static int
demo_age(struct db *db)
{
	static const char *const steps[] = {
		"UPDATE posts SET created = ?1 - 600 - 5400 * "
		"(SELECT count(*) FROM posts p2 WHERE p2.id > posts.id)",
		"UPDATE threads SET "
		"created = (SELECT min(created) FROM posts p WHERE p.thread_id = threads.id), "
		"last_post_at = (SELECT max(created) FROM posts p WHERE p.thread_id = threads.id)",
		/* The inbox (a later domain) is there: demo content is
		 * filled once every domain has migrated. */
		"UPDATE inbox SET at = (SELECT created FROM posts p "
		"WHERE p.id = inbox.subject_id) WHERE subject_type = 'post'",
	};

	if (db_begin(db) != 0)
		return -1;
	if (db_exec_steps(db, steps, sizeof steps / sizeof steps[0],
	    db_now()) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* Loads the demo account name into a and makes v its viewer (no flood
 * limit); v points into a. 0 or -1. */
static int
demo_viewer(struct db *db, const char *name, struct account *a,
    struct actor *v)
{
	if (account_by_name(db, name, a) != 0)
		return -1;
	*v = (struct actor){ a->id, a->role, a->lang, 0 };
	return 0;
}
