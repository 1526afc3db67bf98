/* The short survey of survey_sample_kaunas (tests/unit/survey-sample.h),
 * its texts in i18n_langs order: lt, en, uk, ru, pl. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/survey-sample.h"

static void
text(struct survey_text *t, const char *const v[I18N_NLANGS])
{
	int i;

	for (i = 0; i < I18N_NLANGS; i++)
		assert_non_null(t->v[i] = strdup(v[i]));
}

static struct survey_question *
question(struct survey_def *d, const char *key, enum survey_qkind kind,
    bool required, const char *const v[I18N_NLANGS])
{
	struct survey_question *q = &d->questions[d->nquestions++];

	strcpy(q->key, key);
	q->kind = kind;
	q->required = required;
	text(&q->text, v);
	return q;
}

static void
option(struct survey_question *q, const char *key,
    const char *const v[I18N_NLANGS])
{
	if (q->options == NULL)
		assert_non_null(q->options = calloc(SURVEY_OPTIONS_MAX,
		    sizeof *q->options));
	strcpy(q->options[q->noptions].key, key);
	text(&q->options[q->noptions++].label, v);
}

void
survey_sample_kaunas(struct survey_def *d, int64_t closes)
{
	struct survey_question *q;

	memset(d, 0, sizeof *d);
	d->first_lang = 0;
	text(&d->title, (const char *const[]){ "Mokymasis Kaune",
	    "Learning in Kaunas", "Навчання в Каунасі", "Обучение в Каунасе",
	    "Nauka w Kownie" });
	text(&d->intro, (const char *const[]){
	    "Trumpa Kauno besimokančio miesto tinklo apklausa. Užtruks apie "
	    "penkias minutes.",
	    "A short survey of the Kaunas Learning City network. It takes "
	    "about five minutes.",
	    "Коротке опитування мережі Каунаса як міста, що навчається. "
	    "Займе близько п’яти хвилин.",
	    "Короткий опрос сети Каунаса как обучающегося города. Займёт "
	    "около пяти минут.",
	    "Krótka ankieta sieci Kowna jako uczącego się miasta. Zajmie "
	    "około pięciu minut." });
	d->anonymous = true;
	d->audience = SA_ALL;
	d->closes = closes;
	d->state = SS_DRAFT;
	assert_non_null(d->questions = calloc(6, sizeof *d->questions));
	q = question(d, "learned", SQ_SINGLE, true, (const char *const[]){
	    "Ar per pastaruosius 12 mėnesių dalyvavote kursuose, dirbtuvėse "
	    "ar mokymosi grupėje?",
	    "In the last 12 months, did you take part in a course, a workshop "
	    "or a learning group?",
	    "Чи брали ви участь у курсі, майстерні або навчальній групі за "
	    "останні 12 місяців?",
	    "Участвовали ли вы в курсе, мастерской или учебной группе за "
	    "последние 12 месяцев?",
	    "Czy w ciągu ostatnich 12 miesięcy brałeś udział w kursie, "
	    "warsztatach lub grupie nauki?" });
	option(q, "yes", (const char *const[]){ "Taip", "Yes", "Так", "Да",
	    "Tak" });
	option(q, "no", (const char *const[]){ "Ne", "No", "Ні", "Нет",
	    "Nie" });
	q = question(d, "kinds", SQ_MULTIPLE, false, (const char *const[]){
	    "Koks tai buvo mokymasis?", "What kind of learning was it?",
	    "Яке це було навчання?", "Каким было это обучение?",
	    "Jaka to była nauka?" });
	q->max_choices = 2;
	strcpy(q->show_if, "learned");
	strcpy(q->show_value, "yes");
	option(q, "course", (const char *const[]){ "Kursai su pažymėjimu",
	    "A course with a certificate", "Курс із сертифікатом",
	    "Курс с сертификатом", "Kurs z certyfikatem" });
	option(q, "club", (const char *const[]){ "Klubas ar mokymosi grupė",
	    "A club or a learning group", "Клуб або навчальна група",
	    "Клуб или учебная группа", "Klub lub grupa nauki" });
	option(q, "online", (const char *const[]){ "Mokymasis internetu",
	    "Learning online", "Навчання онлайн", "Обучение онлайн",
	    "Nauka online" });
	question(d, "valued", SQ_AGREE5, false, (const char *const[]){
	    "Mano apylinkėse mokymasis vertinamas.",
	    "Learning is valued in my neighbourhood.",
	    "У моєму районі навчання цінують.",
	    "В моём районе обучение ценят.",
	    "W mojej okolicy nauka jest ceniona." });
	question(d, "recommend", SQ_SCALE10, true, (const char *const[]){
	    "Ar rekomenduotumėte Kauno mokymosi renginius draugui?",
	    "Would you recommend learning events in Kaunas to a friend?",
	    "Чи порадили б ви навчальні події Каунаса другові?",
	    "Посоветовали бы вы учебные события Каунаса другу?",
	    "Czy poleciłbyś wydarzenia edukacyjne w Kownie znajomemu?" });
	q = question(d, "age", SQ_NUMBER, false, (const char *const[]){
	    "Kiek jums metų?", "How old are you?", "Скільки вам років?",
	    "Сколько вам лет?", "Ile masz lat?" });
	q->min = 16;
	q->max = 120;
	question(d, "comment", SQ_LONG, false, (const char *const[]){
	    "Kas padėtų jums mokytis daugiau?",
	    "What would help you learn more?",
	    "Що допомогло б вам навчатися більше?",
	    "Что помогло бы вам учиться больше?",
	    "Co pomogłoby Ci uczyć się więcej?" });
}
