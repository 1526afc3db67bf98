/* SSH keys per account: add, duplicates, limit, list, remove, find. */
#include "core/accounts.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/keys.h"
#include "tests/unit/fixture.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

struct fixture {
	struct tdb	 t;	/* first: tdb_new and tdb_teardown */
	struct db	*db;	/* t.db */
	int64_t		 ruta, jonas;
	struct actor	 admin;	/* the admin command: may manage any key */
};

static int
setup(void **state)
{
	struct fixture *f = tdb_new(sizeof *f, "keys");

	f->db = f->t.db;
	f->ruta = tdb_account(&f->t, "ruta", "Rūta", "lt", ROLE_MEMBER);
	f->jonas = tdb_account(&f->t, "jonas", "Jonas", "lt", ROLE_MEMBER);
	f->admin = actor_admin_command("lt");
	*state = f;
	return 0;
}

static void
test_add_list_find(void **state)
{
	struct fixture *f = *state;
	struct sshkey_row *rows, k;
	int n;

	assert_null(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519",
	    "AAAAone", "ruta@laptop", "SHA256:one").key);
	assert_null(key_add_by(f->db, &f->admin, f->ruta, "ssh-rsa", "AAAAtwo",
	    "evil\x1b]52;c;x\x07", "SHA256:two").key);
	assert_null(key_add_by(f->db, &f->admin, f->jonas, "ssh-ed25519",
	    "AAAAthree", NULL, "SHA256:three").key);
	n = key_list(f->db, f->ruta, &rows);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].fingerprint, "SHA256:one");
	assert_string_equal(rows[0].type, "ssh-ed25519");
	assert_string_equal(rows[0].blob, "AAAAone");
	assert_string_equal(rows[0].comment, "ruta@laptop");
	assert_int_equal(rows[0].account_id, f->ruta);
	assert_true(rows[0].created > 0);
	assert_string_equal(rows[1].comment, "evil]52;c;x");
	key_rows_free(rows, n);

	assert_int_equal(key_find(f->db, "SHA256:three", &k), 0);
	assert_int_equal(k.account_id, f->jonas);
	assert_string_equal(k.blob, "AAAAthree");
	assert_string_equal(k.comment, "");
	key_row_clear(&k);
	assert_int_equal(key_find(f->db, "SHA256:nope", &k), -1);

	n = key_list(f->db, f->jonas + 100, &rows);
	assert_int_equal(n, 0);
	key_rows_free(rows, n);
}

static void
test_duplicate_and_limit(void **state)
{
	struct fixture *f = *state;
	struct sshkey_row *rows;
	char fp[32];
	int i, n;

	assert_null(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519", "AAAA",
	    "", "SHA256:same").key);
	/* A key names one account: not twice, not for someone else. */
	assert_string_equal(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519",
	    "AAAA", "", "SHA256:same").key, "error.key.duplicate");
	assert_string_equal(key_add_by(f->db, &f->admin, f->jonas,
	    "ssh-ed25519", "AAAA",
	    "", "SHA256:same").key, "error.key.duplicate");
	for (i = 1; i < KEYS_PER_ACCOUNT_MAX; i++) {
		snprintf(fp, sizeof fp, "SHA256:k%d", i);
		assert_null(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519",
		    "AAAA", "", fp).key);
	}
	assert_string_equal(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519",
	    "AAAA", "", "SHA256:one-too-many").key, "error.key.limit");
	n = key_list(f->db, f->ruta, &rows);
	assert_int_equal(n, KEYS_PER_ACCOUNT_MAX);
	key_rows_free(rows, n);
	/* The failed adds left no transaction open. */
	assert_null(key_add_by(f->db, &f->admin, f->jonas, "ssh-ed25519",
	    "AAAA", "", "SHA256:jonas").key);
}

static void
test_remove_only_own(void **state)
{
	struct fixture *f = *state;
	struct sshkey_row k;

	assert_null(key_add_by(f->db, &f->admin, f->ruta, "ssh-ed25519", "AAAA",
	    "", "SHA256:r").key);
	assert_int_equal(key_find(f->db, "SHA256:r", &k), 0);
	key_row_clear(&k);
	assert_string_equal(key_remove_by(f->db, &f->admin, f->jonas,
	    k.id).key, "error.key.not_found");
	assert_int_equal(key_find(f->db, "SHA256:r", &k), 0);
	key_row_clear(&k);
	assert_null(key_remove_by(f->db, &f->admin, f->ruta, k.id).key);
	assert_int_equal(key_find(f->db, "SHA256:r", &k), -1);
	assert_string_equal(key_remove_by(f->db, &f->admin, f->ruta,
	    k.id).key, "error.key.not_found");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_list_find, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_and_limit, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_remove_only_own, setup,
		    tdb_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
