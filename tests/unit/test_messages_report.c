/* Reported private messages and the data rights: the recipient reports
 * (not the author, not a third member, not twice); a moderator sees the
 * message and three either side of it while the report is open, a member
 * nothing of it; dismissing keeps the message, removing empties it for
 * both, suspending removes it and suspends its author; each decision is
 * audited and a member's decision refused. Export holds a member's
 * messages sent and received, and erasure leaves "erased" markers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/actor.h"
#include "core/db-internal.h"
#include "core/domain.h"
#include "core/messages.h"
#include "core/queue.h"
#include "common/strbuf.h"
#include "tests/unit/fixture.h"
#include "tests/unit/fixture-export.h"

#define KIND	"messages.report"

struct fx {
	struct tdb	t;
	struct actor	olena, jonas, ruta, mod;
	int64_t		conv;
	int64_t		ids[11];	/* ids[seq]: seq 1 to 10 */
};

/* Olena and Jonas write ten messages in turn, Olena the odd ones; Ruta
 * and Jonas have a conversation of their own. */
static int
setup(void **state)
{
	struct fx *f = tdb_new(sizeof *f, "messages_report");
	char body[32];
	int i;

	f->olena = tdb_viewer(&f->t, "olena", "uk", ROLE_MEMBER);
	f->jonas = tdb_viewer(&f->t, "jonas", "lt", ROLE_MEMBER);
	f->ruta = tdb_viewer(&f->t, "ruta", "lt", ROLE_MEMBER);
	f->mod = tdb_viewer(&f->t, "mod", "lt", ROLE_MODERATOR);
	for (i = 1; i <= 10; i++) {
		snprintf(body, sizeof body, "Žinutė %d", i);
		assert_null(messages_send(f->t.db, i % 2 ? &f->olena :
		    &f->jonas, i % 2 ? f->jonas.account_id :
		    f->olena.account_id, body, &f->conv, &f->ids[i]).key);
	}
	assert_null(messages_send(f->t.db, &f->ruta, f->jonas.account_id,
	    "Rūtos paslaptis", NULL, NULL).key);
	*state = f;
	return 0;
}

static void
test_report_rules(void **state)
{
	struct fx *f = *state;
	struct actor guest = actor_guest("lt");
	struct core_error e;

	assert_string_equal(messages_report(f->t.db, &guest, f->ids[5],
	    "Įžeidu").key, "error.messages.guest");
	e = messages_report(f->t.db, &f->jonas, f->ids[5], "  ");
	assert_string_equal(e.key, "error.forum.reason_length");
	assert_string_equal(e.field, "reason");
	assert_string_equal(messages_report(f->t.db, &f->olena, f->ids[5],
	    "Savo").key, "error.messages.own_message");
	/* A third member learns nothing of it. */
	assert_string_equal(messages_report(f->t.db, &f->ruta, f->ids[5],
	    "Smalsu").key, "error.messages.not_found");
	assert_string_equal(messages_report(f->t.db, &f->jonas, 99999,
	    "Nėra").key, "error.messages.not_found");
	assert_int_equal(queue_open_items(f->t.db, KIND, f->ids[5]), 0);
	assert_null(messages_report(f->t.db, &f->jonas, f->ids[5],
	    "Įžeidžia").key);
	assert_string_equal(messages_report(f->t.db, &f->jonas, f->ids[5],
	    "Dar kartą").key, "error.messages.already_reported");
	assert_int_equal(queue_open_items(f->t.db, KIND, f->ids[5]), 1);
}

static void
test_moderator_context(void **state)
{
	struct fx *f = *state;
	struct message_list m;
	struct queue_list q;
	int i;

	/* Before any report, not even a moderator sees it. */
	assert_int_equal(messages_report_context(f->t.db, &f->mod, f->ids[5],
	    &m), -1);
	assert_null(messages_report(f->t.db, &f->jonas, f->ids[5],
	    "Įžeidžia").key);
	assert_int_equal(messages_report_context(f->t.db, &f->mod, f->ids[5],
	    &m), 0);
	assert_int_equal(m.n, 2 * MESSAGES_CONTEXT + 1);
	for (i = 0; i < (int)m.n; i++)
		assert_int_equal(m.v[i].seq, 5 - MESSAGES_CONTEXT + i);
	assert_string_equal(m.v[MESSAGES_CONTEXT].body, "Žinutė 5");
	message_list_free(&m);
	/* Members, the reporter too, get no context; nor for a message
	 * next to the reported one. */
	assert_int_equal(messages_report_context(f->t.db, &f->jonas, f->ids[5],
	    &m), -1);
	assert_int_equal(messages_report_context(f->t.db, &f->ruta, f->ids[5],
	    &m), -1);
	assert_int_equal(messages_report_context(f->t.db, &f->mod, f->ids[6],
	    &m), -1);
	/* Near the start the context is cut, not shifted. */
	assert_null(messages_report(f->t.db, &f->jonas, f->ids[1],
	    "Pirmoji").key);
	assert_int_equal(messages_report_context(f->t.db, &f->mod, f->ids[1],
	    &m), 0);
	assert_int_equal(m.n, 1 + MESSAGES_CONTEXT);
	assert_int_equal(m.v[0].seq, 1);
	message_list_free(&m);
	/* The queue shows the reported message alone, by its author. */
	assert_int_equal(queue_list(f->t.db, &f->mod, 0, 10, &q), 0);
	assert_int_equal(q.n, 2);
	/* Both came in the same second: find the one about seq 5. */
	i = q.v[0].subject_id == f->ids[5] ? 0 : 1;
	assert_string_equal(q.v[i].k->kind, KIND);
	assert_int_equal(q.v[i].subject_id, f->ids[5]);
	assert_int_equal(q.v[i].s.number, 5);
	assert_int_equal(q.v[i].s.place_id, f->conv);
	assert_string_equal(q.v[i].s.owner_name, "olena");
	assert_string_equal(q.v[i].s.title, "Žinutė 5");
	assert_string_equal(q.v[i].s.body, "Žinutė 5");
	queue_list_free(&q);
	assert_int_equal(queue_list(f->t.db, &f->jonas, 0, 10, &q), 0);
	assert_int_equal(q.n, 0);
	queue_list_free(&q);
}

static void
test_resolve(void **state)
{
	struct fx *f = *state;
	struct message_list m;

	assert_null(messages_report(f->t.db, &f->jonas, f->ids[3],
	    "Šlamštas").key);
	assert_null(messages_report(f->t.db, &f->jonas, f->ids[5],
	    "Įžeidžia").key);
	assert_null(messages_report(f->t.db, &f->olena, f->ids[6],
	    "Grasina").key);
	/* A member may not decide. */
	assert_string_equal(queue_resolve(f->t.db, &f->ruta, KIND, f->ids[3],
	    "remove", 0, "ne").key, "error.messages.not_allowed");
	assert_int_equal(queue_open_items(f->t.db, KIND, f->ids[3]), 1);
	/* Dismissed: the message stays as it was. */
	assert_null(queue_resolve(f->t.db, &f->mod, KIND, f->ids[3],
	    "dismiss", 0, "Nieko blogo").key);
	assert_string_equal(queue_resolve(f->t.db, &f->mod, KIND, f->ids[3],
	    "dismiss", 0, "Dar kartą").key, "error.messages.no_reports");
	/* Removed: gone for both members, and for the moderator's context. */
	assert_null(queue_resolve(f->t.db, &f->mod, KIND, f->ids[5],
	    "remove", 0, "Įžeidimas").key);
	assert_int_equal(messages_report_context(f->t.db, &f->mod, f->ids[5],
	    &m), -1);
	assert_int_equal(messages_page(f->t.db, &f->olena, f->conv, 0, 10, &m),
	    0);
	assert_int_equal(m.n, 10);
	assert_int_equal(m.v[2].removed, MESSAGE_SHOWN);
	assert_string_equal(m.v[2].body, "Žinutė 3");
	assert_int_equal(m.v[4].removed, MESSAGE_REMOVED);
	assert_string_equal(m.v[4].body, "");
	message_list_free(&m);
	assert_int_equal(messages_page(f->t.db, &f->jonas, f->conv, 0, 10, &m),
	    0);
	assert_int_equal(m.v[4].removed, MESSAGE_REMOVED);
	message_list_free(&m);
	/* Its text is not kept anywhere in the table. */
	{
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(f->t.db->h, "SELECT body "
		    "FROM pm_messages WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_int64(st, 1, f->ids[5]);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "");
		sqlite3_finalize(st);
	}
	/* Suspended: Jonas's message goes and so does his writing. */
	assert_null(queue_resolve(f->t.db, &f->mod, KIND, f->ids[6],
	    "suspend", 7, "Grasinimai").key);
	assert_string_equal(messages_send(f->t.db, &f->jonas,
	    f->olena.account_id, "Atsiprašau", NULL, NULL).key,
	    "error.forum.suspended");
	assert_int_equal(messages_page(f->t.db, &f->olena, f->conv, 0, 10, &m),
	    0);
	assert_int_equal(m.v[5].removed, MESSAGE_REMOVED);
	message_list_free(&m);
	assert_int_equal(audit_count(f->t.db, "report.dismiss"), 1);
	assert_int_equal(audit_count(f->t.db, "report.remove"), 1);
	assert_int_equal(audit_count(f->t.db, "report.suspend"), 1);
	/* A removed message cannot be reported again. */
	assert_string_equal(messages_report(f->t.db, &f->jonas, f->ids[5],
	    "Vėl").key, "error.messages.not_found");
}

static void
test_export_and_erase(void **state)
{
	struct fx *f = *state;
	json_t *doc, *msgs;
	struct message_list m;
	struct queue_list q;

	assert_null(messages_report(f->t.db, &f->jonas, f->ids[1],
	    "Įžeidžia").key);
	/* Olena's export: what she sent and what she received, nothing of
	 * Rūta's conversation with Jonas. */
	doc = tex_export(f->t.db, f->olena.account_id);
	msgs = tex_part(doc, "directory", "messages");
	assert_int_equal(json_array_size(msgs), 10);
	assert_string_equal(tex_str(tex_find(msgs, "body", "Žinutė 1"),
	    "direction"), "sent");
	assert_string_equal(tex_str(tex_find(msgs, "body", "Žinutė 2"),
	    "direction"), "received");
	assert_string_equal(tex_str(tex_find(msgs, "body", "Žinutė 10"),
	    "with_name"), "jonas");
	assert_false(tex_contains(doc, "Rūtos paslaptis"));
	json_decref(doc);
	assert_int_equal(domain_erase(f->t.db, f->olena.account_id, 0,
	    ERASE_REMOVE_WRITING), 0);
	/* Jonas keeps his words and the order; hers are erased markers. */
	assert_int_equal(messages_page(f->t.db, &f->jonas, f->conv, 0, 10, &m),
	    0);
	assert_int_equal(m.n, 10);
	assert_int_equal(m.v[0].removed, MESSAGE_ERASED);
	assert_string_equal(m.v[0].body, "");
	assert_int_equal(m.v[1].removed, MESSAGE_SHOWN);
	assert_string_equal(m.v[1].body, "Žinutė 2");
	message_list_free(&m);
	/* The open report about her message says that its text is gone. */
	assert_int_equal(queue_list(f->t.db, &f->mod, 0, 10, &q), 0);
	assert_int_equal(q.n, 1);
	assert_string_equal(q.v[0].s.note_key, "messages.queue.removed");
	assert_string_equal(q.v[0].s.body, "");
	queue_list_free(&q);
	assert_string_equal(messages_send(f->t.db, &f->jonas,
	    f->olena.account_id, "Ar dar čia?", NULL, NULL).key,
	    "error.messages.not_found");
	/* Her export holds none of the conversation now. */
	doc = tex_export(f->t.db, f->olena.account_id);
	assert_false(tex_contains(doc, "Žinutė"));
	assert_int_equal(json_array_size(tex_part(doc, "directory",
	    "messages")), 0);
	json_decref(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_report_rules, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_moderator_context, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_resolve, setup,
		    tdb_teardown),
		cmocka_unit_test_setup_teardown(test_export_and_erase, setup,
		    tdb_teardown),
	};

	return cmocka_run_group_tests_name("messages_report", tests, NULL,
	    NULL);
}
