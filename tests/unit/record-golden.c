/* The engine of the golden pictures (see record-golden.h). */
#include "tests/unit/record-golden.h"
#include "tests/unit/fixture.h"

#include "common/xalloc.h"
#include "core/db.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static const struct golden_set *set;

static const char *const langs[] = { "en", "lt" };
#define NLANGS (sizeof langs / sizeof langs[0])

static const enum ui_mode modes[] = { UI_MODE_FULL, UI_MODE_PLAIN };
#define NMODES 2

/* One picture to take: a golden in a mode and a language. */
struct shot {
	struct tdb		 t;	/* its copy of the template */
	const struct golden	*g;
	enum ui_mode		 mode;
	const char		*lang;
	char			 name[96];	/* SCREEN.MODE.LANG */
};

/* The demo database every picture starts from, made once, with what the
 * demo lacks: Rūta's post edited (a history) and Jonas's reported. */
static struct tdb template;

static int
count_steps(const struct golden *g)
{
	int n = 0;

	while (n < STEPS_MAX && g->steps[n].screen != NULL)
		n++;
	return n;
}

static void
add_content(struct db *db)
{
	static const struct rec_step edit[] = { TO_THREAD,
		ON("thread", "@ruta", 'e'),
		{ .screen = "compose", .type = EV_SUBMIT, .fill = {
		    "body=Labas, esu Rūta, dirbu mokytoja Šančiuose. "
		    "Ketvirtadieniais vedu lietuvių kalbos pokalbių klubą." } },
	};
	static const struct rec_step report[] = { TO_THREAD,
		ON("thread", "@jonas", 'x'),
		{ .screen = "reason", .type = EV_SUBMIT, .fill = {
		    "reason=Ne į temą" } },
	};
	struct rec r;

	rec_open(&r, db, "ruta", "lt", UI_MODE_FULL, REC_NO_DRAW);
	rec_run(&r, &screen_menu, NULL, false, edit, 5);
	assert_string_equal(rec_last(&r)->screen, "thread");
	rec_run(&r, &screen_menu, NULL, false, report, 5);
	assert_string_equal(rec_last(&r)->screen, "thread");
	rec_close(&r);
}

static int
group_setup(void **state)
{
	(void)state;
	if (ti18n_setup(state) != 0)
		return -1;
	tdb_open(&template, "golden");
	rec_demo(template.db);
	add_content(template.db);
	if (set->add_content != NULL)
		set->add_content(template.db);
	db_close(template.db);
	template.db = NULL;
	return 0;
}

static int
group_teardown(void **state)
{
	tdb_close(&template);
	return ti18n_teardown(state);
}

/* A cmocka setup: the shot's own copy of the template (its teardown
 * removes it whatever happened). */
static int
shot_setup(void **state)
{
	struct shot *s = *state;

	rec_demo_copy(template.path, &s->t);
	return 0;
}

static int
shot_teardown(void **state)
{
	struct shot *s = *state;

	tdb_close(&s->t);
	return 0;
}

/* The picture of s. Newly allocated. */
static char *
take(struct shot *s)
{
	struct rec r;
	const struct rec_view *v;
	char *picture;

	rec_open(&r, s->t.db, s->g->who, s->lang, s->mode, REC_DRAW);
	r.app.ascii = s->g->ascii;
	rec_run(&r, s->g->first, s->g->arg, s->g->over_menu, s->g->steps,
	    count_steps(s->g));
	v = rec_last(&r);
	assert_string_equal(v->screen, s->g->screen);
	assert_non_null(v->picture);
	picture = xstrdup(v->picture);
	rec_close(&r);
	return picture;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[4096], *s = NULL;
	size_t n, len = 0;

	if (f == NULL)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		s = xrealloc(s, len + n + 1);
		memcpy(s + len, buf, n);
		len += n;
	}
	fclose(f);
	if (s == NULL)
		return xstrdup("");
	s[len] = '\0';
	return s;
}

static void
write_all(const char *path, const char *s)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
	assert_int_equal(fclose(f), 0);
}

/* Whether actual is the picture stored at path; when not, prints how they
 * differ (diff -u, expected first), or says that there is none. */
static bool
matches(const char *path, const char *actual)
{
	char *expected = read_all(path), tmp[] = "/tmp/tinklas-golden-XXXXXX";
	char *cmd;
	bool same;
	int fd;

	if (expected == NULL) {
		print_error("%s: no such picture (make golden writes it)\n", path);
		return false;
	}
	same = strcmp(expected, actual) == 0;
	free(expected);
	if (same)
		return true;
	assert_true((fd = mkstemp(tmp)) >= 0);
	close(fd);
	write_all(tmp, actual);
	print_error("%s differs from the screen drawn now "
	    "(intended? make golden, then review git diff):\n", path);
	cmd = xasprintf("diff -u '%s' '%s' >&2", path, tmp);
	(void)!system(cmd);
	free(cmd);
	unlink(tmp);
	return false;
}

static void
test_shot(void **state)
{
	struct shot *s = *state;
	char *path = xasprintf("%s/%s.txt", set->dir, s->name);
	char *picture = take(s);
	const char *how = getenv("TINKLAS_GOLDEN");

	if (how != NULL && strcmp(how, "write") == 0)
		write_all(path, picture);
	else
		assert_true(matches(path, picture));
	free(picture);
	free(path);
}

/* The comparison can fail: the stored menu with one cell changed is
 * refused, with the diff, and the same picture unchanged is taken. */
static void
test_one_cell_differs(void **state)
{
	char *picture = take(*state);
	char tmp[] = "/tmp/tinklas-golden-self-XXXXXX";
	char *row;
	int fd;

	assert_true((fd = mkstemp(tmp)) >= 0);
	close(fd);
	write_all(tmp, picture);
	assert_true(matches(tmp, picture));
	/* The first letter of the first numbered line. */
	assert_non_null(row = strstr(picture, "1. "));
	row[3] = row[3] == 'X' ? 'Y' : 'X';
	assert_false(matches(tmp, picture));
	unlink(tmp);
	free(picture);
}

static struct shot *shots;
static size_t nshots;
/* The self-test's picture: list[0] on the full screen in English. */
static struct shot self_shot = { .mode = UI_MODE_FULL, .lang = "en" };

/* Whether a picture's file name is this set's (golden_set.owns). */
static bool
owned(const char *name)
{
	if (set->owns == NULL)
		return true;
	for (const char *const *p = set->owns; *p != NULL; p++)
		if (strncmp(name, *p, strlen(*p)) == 0)
			return true;
	return false;
}

/* Every stored picture is one that is taken: none is left behind by a
 * screen renamed or gone (make golden starts from an empty folder). */
static void
test_no_stray_picture(void **state)
{
	DIR *d = opendir(set->dir);
	struct dirent *e;
	size_t i, seen = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		bool known = false;

		if (e->d_name[0] == '.' || e->d_type == DT_DIR)
			continue;	/* a feature's pictures: its own list */
		if (!owned(e->d_name))
			continue;	/* another set's in the same folder */
		for (i = 0; i < nshots && !known; i++)
			known = n == strlen(shots[i].name) + 4 &&
			    strncmp(e->d_name, shots[i].name, n - 4) == 0 &&
			    strcmp(e->d_name + n - 4, ".txt") == 0;
		if (!known)
			print_error("%s/%s: no screen draws it\n", set->dir,
			    e->d_name);
		seen += known;
		assert_true(known);
	}
	closedir(d);
	assert_int_equal(seen, nshots);
}

/* Every screen that the set's header declares has a picture: as many
 * screens pictured as declared (a new screen needs its script). */
static void
test_every_screen_pictured(void **state)
{
	static const char decl[] = "extern const struct screen_ops screen_";
	FILE *f = fopen(set->header, "r");
	char line[256];
	size_t i, j, declared = 0, pictured = 0;

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL) {
		const char *name = line + sizeof decl - 1;

		declared += strncmp(line, decl, sizeof decl - 1) == 0 &&
		    (set->only == NULL || strncmp(name, set->only,
		    strlen(set->only)) == 0) && (set->skip == NULL ||
		    strncmp(name, set->skip, strlen(set->skip)) != 0);
	}
	fclose(f);
	for (i = 0; i < set->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(set->list[j].screen, set->list[i].screen) == 0)
				break;
		pictured += j == i;
	}
	if (declared != pictured)
		print_error("%s declares %zu screens, the list pictures "
		    "%zu\n", set->header, declared, pictured);
	assert_int_equal(declared, pictured);
}

int
golden_main(const struct golden_set *s)
{
	struct CMUnitTest *tests;
	size_t i, m, l, n = 0;
	int rc;

	set = s;
	nshots = set->n * NMODES * NLANGS;
	shots = xcalloc(nshots, sizeof *shots);
	tests = xcalloc(nshots + 3, sizeof *tests);
	for (i = 0; i < set->n; i++)
		for (m = 0; m < NMODES; m++)
			for (l = 0; l < NLANGS; l++, n++) {
				struct shot *sh = &shots[n];

				sh->g = &set->list[i];
				sh->mode = modes[m];
				sh->lang = langs[l];
				snprintf(sh->name, sizeof sh->name, "%s.%s.%s",
				    sh->g->name, sh->mode == UI_MODE_FULL ?
				    "full" : "plain", sh->lang);
				tests[n] = (struct CMUnitTest){ sh->name, test_shot,
				    shot_setup, shot_teardown, sh };
			}
	if (set->self_test) {
		self_shot.g = &set->list[0];
		snprintf(self_shot.name, sizeof self_shot.name, "%s.full.en",
		    set->list[0].name);
		tests[n++] = (struct CMUnitTest)
		    cmocka_unit_test_prestate_setup_teardown(
		    test_one_cell_differs, shot_setup, shot_teardown, &self_shot);
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_no_stray_picture);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_every_screen_pictured);
	rc = _cmocka_run_group_tests("golden", tests, n, group_setup,
	    group_teardown);
	free(tests);
	free(shots);
	return rc;
}
