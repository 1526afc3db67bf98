/* blocks: a member blocks another (once, audited), either side's block
 * stands between them, the blocker lifts it; a guest, oneself and an
 * unknown account are refused; erasing an account takes its blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/blocks.h"
#include "core/domain.h"
#include "tests/unit/fixture.h"

struct fx {
	struct tdb	t;
	struct actor	olena, jonas;
	int64_t		 ruta;
};

static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "blocks");

	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->ruta = tdb_account(&f->t, "ruta", "ruta", "lt", ROLE_MEMBER);
	*state = f;
	return 0;
}

static void
test_block_and_lift(void **state)
{
	struct fx *f = *state;

	assert_false(blocks_between(f->t.db, f->olena.account_id,
	    f->jonas.account_id));
	assert_null(blocks_add(f->t.db, &f->olena, f->jonas.account_id).key);
	assert_null(blocks_add(f->t.db, &f->olena, f->jonas.account_id).key);
	assert_int_equal(audit_count(f->t.db, "block"), 1);
	assert_true(blocks_has(f->t.db, f->olena.account_id,
	    f->jonas.account_id));
	assert_false(blocks_has(f->t.db, f->jonas.account_id,
	    f->olena.account_id));
	/* Either way round, they stand apart; a third is not touched. */
	assert_true(blocks_between(f->t.db, f->jonas.account_id,
	    f->olena.account_id));
	assert_false(blocks_between(f->t.db, f->jonas.account_id, f->ruta));
	/* Only the blocker lifts it. */
	assert_null(blocks_remove(f->t.db, &f->jonas, f->olena.account_id).key);
	assert_true(blocks_has(f->t.db, f->olena.account_id,
	    f->jonas.account_id));
	assert_null(blocks_remove(f->t.db, &f->olena, f->jonas.account_id).key);
	assert_false(blocks_between(f->t.db, f->olena.account_id,
	    f->jonas.account_id));
	assert_int_equal(audit_count(f->t.db, "unblock"), 1);
}

static void
test_refused(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");

	assert_string_equal(blocks_add(f->t.db, &guest, f->ruta).key,
	    "error.blocks.guest");
	assert_string_equal(blocks_add(f->t.db, &f->olena,
	    f->olena.account_id).key, "error.blocks.self");
	assert_string_equal(blocks_add(f->t.db, &f->olena, 9999).key,
	    "error.blocks.not_found");
	assert_false(blocks_has(f->t.db, f->olena.account_id, 9999));
}

static void
test_erasure_takes_blocks(void **state)
{
	struct fx *f = *state;

	assert_null(blocks_add(f->t.db, &f->olena, f->ruta).key);
	assert_null(blocks_add(f->t.db, &f->jonas, f->olena.account_id).key);
	assert_int_equal(domain_erase(f->t.db, f->olena.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	assert_false(blocks_has(f->t.db, f->olena.account_id, f->ruta));
	assert_false(blocks_has(f->t.db, f->jonas.account_id,
	    f->olena.account_id));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_block_and_lift, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erasure_takes_blocks, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests_name("blocks", tests, NULL, NULL);
}
