/* A suite of screen tests over the demo database (tests/unit/record.h):
 * the database is made once for the test program and copied for each
 * test, which runs in the mode its cmocka state names (REC_BOTH runs a
 * test in both). */
#ifndef TINKLAS_RECORD_SUITE_H
#define TINKLAS_RECORD_SUITE_H

#include <stdint.h>

#include "tests/unit/fixture.h"
#include "ui/ui.h"

struct rec_fx {
	struct tdb	 t;		/* first: tdb_teardown frees it */
	enum ui_mode	 mode;
};

extern const enum ui_mode rec_full, rec_plain;

/* cmocka group setup and teardown: i18n, and the demo database. */
int rec_suite_setup(void **state);
int rec_suite_teardown(void **state);
/* cmocka setup: *state (the mode) becomes a struct rec_fx on a copy. */
int rec_fx_setup(void **state);
/* The id of the demo's account name in the test's copy. */
int64_t rec_fx_id(void **state, const char *name);

#define REC_BOTH(f) \
	cmocka_unit_test_prestate_setup_teardown(f, rec_fx_setup, \
	    tdb_teardown, (void *)&rec_full), \
	cmocka_unit_test_prestate_setup_teardown(f, rec_fx_setup, \
	    tdb_teardown, (void *)&rec_plain)

#endif
