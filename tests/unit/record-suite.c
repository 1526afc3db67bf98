/* The demo database made once per test program, a copy per test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "tests/unit/record-suite.h"
#include "tests/unit/record.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "core/db.h"

const enum ui_mode rec_full = UI_MODE_FULL, rec_plain = UI_MODE_PLAIN;

static struct tdb template;

int
rec_suite_setup(void **state)
{
	if (ti18n_setup(state) != 0)
		return -1;
	tdb_open(&template, "screens");
	rec_demo(template.db);
	db_close(template.db);
	template.db = NULL;
	return 0;
}

int
rec_suite_teardown(void **state)
{
	tdb_close(&template);
	return ti18n_teardown(state);
}

int
rec_fx_setup(void **state)
{
	struct rec_fx *fx = xcalloc(1, sizeof *fx);

	fx->mode = *(const enum ui_mode *)*state;
	rec_demo_copy(template.path, &fx->t);
	*state = fx;
	return 0;
}

int64_t
rec_fx_id(void **state, const char *name)
{
	struct account a;

	assert_int_equal(account_by_name(((struct rec_fx *)*state)->t.db,
	    name, &a), 0);
	return a.id;
}
