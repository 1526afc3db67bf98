/* SSH keys: the member's keys with their SHA256 fingerprints (as
 * `ssh-keygen -lf` prints them); add by pasting a public key line; remove
 * after confirmation. */
#include "ui/dialogs.h"
#include "ui/list-screen.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "common/xalloc.h"
#include "core/keys.h"
#include "forms/form.h"
#include "i18n/i18n.h"
#include "core/pubkey.h"

#include <stdio.h>
#include <stdlib.h>

struct keys_state {
	struct list_state	 ls;
	struct sshkey_row	*rows;
	int			 n;
};

static int
keys_load(struct app *app, void *st, int offset, int limit, bool *more)
{
	struct keys_state *ks = st;

	(void)offset;
	(void)limit;
	(void)more;
	key_rows_free(ks->rows, ks->n);
	ks->rows = NULL;
	ks->n = key_list(app->db, app->acct.id, &ks->rows);
	if (ks->n < 0) {
		ks->n = 0;
		return -1;
	}
	return ks->n;
}

static void
keys_clear(void *st)
{
	struct keys_state *ks = st;

	key_rows_free(ks->rows, ks->n);
}

static void
keys_head(struct app *app, void *st, struct view *v)
{
	(void)app;
	view_text(v, T(((struct keys_state *)st)->n == 0 ? "keys.none" :
	    "keys.intro"));
}

static void
keys_row(struct app *app, void *st, int i, struct list_row *r)
{
	const struct sshkey_row *k = &((struct keys_state *)st)->rows[i];

	(void)app;
	r->label = xasprintf("%s %s", k->type, k->fingerprint);
	r->status = k->comment != NULL ? xstrdup(k->comment) : NULL;
}

static int64_t
keys_row_id(void *st, int i)
{
	return ((struct keys_state *)st)->rows[i].id;
}

static void
keys_actions(struct app *app, void *st, struct view *v)
{
	(void)app;
	view_action(v, 'a', T("keys.add"));
	if (((struct keys_state *)st)->n > 0)
		view_action(v, 'd', T("keys.remove"));
}

static const char *
remove_key(struct app *app, int64_t key_id)
{
	struct core_error e = key_remove_by(app->db, app_actor(app),
	    app->acct.id, key_id);

	return core_failed(e) ? e.key : "keys.removed";
}

static int
keys_action(struct app *app, void *st, int key, int row)
{
	struct keys_state *ks = st;
	struct confirm_req req;
	char *q;

	if (key == 'a') {
		app_push(app, &screen_key_add, NULL);
		return SR_STAY;
	}
	if (key != 'd' || row < 0)
		return SR_STAY;
	q = TFA("keys.remove_question", A_STR(ks->rows[row].fingerprint));
	req = (struct confirm_req){ .question = q, .yes = remove_key,
	    .arg = ks->rows[row].id };
	app_push(app, &screen_confirm, &req);
	free(q);
	return SR_STAY;
}

static int
keys_enter(struct app *app, void *st, int i)
{
	struct keys_state *ks = st;
	char *s, *when;

	when = i18n_datetime(ks->rows[i].created);
	s = TFA("keys.added_on", A_STR(when));
	app_notice(app, s);
	free(when);
	free(s);
	return SR_STAY;
}

static const struct list_screen keys_list = {
	.size = sizeof(struct keys_state),
	.load = keys_load,
	.clear = keys_clear,
	.head = keys_head,
	.row = keys_row,
	.row_id = keys_row_id,
	.actions = keys_actions,
	.enter = keys_enter,
	.action = keys_action,
};

static void *
keys_open(struct app *app, void *arg)
{
	return list_screen_open(app, &keys_list, arg);
}

const struct screen_ops screen_keys = {
	.name = "keys",
	.title_key = "keys.title",
	.help_key = "help.keys",
	.open = keys_open,
	.describe = list_screen_describe,
	.select = list_screen_select,
	.action = list_screen_action,
	.resume = list_screen_resume,
	.close = list_screen_close,
};

/* Adding a key: one field for the pasted line. */

static const char *
check_key(const struct form *f, const struct field *fld, void *arg)
{
	struct pubkey_info info;
	const char *err;

	(void)f;
	(void)arg;
	if ((err = pubkey_parse_line(fld->value, &info)) == NULL)
		pubkey_info_free(&info);
	return err;
}

static void *
key_add_open(struct app *app, void *arg)
{
	struct form *f = form_new(T("keys.add_submit"));
	struct field *fld;

	(void)app;
	(void)arg;
	fld = form_add(f, "key", FIELD_TEXT, T("keys.paste"), true);
	fld->hint = xstrdup(T("keys.paste_hint"));
	fld->check = check_key;
	return f;
}

static void
key_add_describe(struct app *app, void *st, struct view *v)
{
	(void)app;
	v->form = st;
}

static int
key_add_submit(struct app *app, void *st, struct form *unused)
{
	struct form *f = st;
	struct pubkey_info info;
	const char *err;
	char *msg;

	(void)unused;
	if ((err = pubkey_parse_line(form_value(f, "key"), &info)) == NULL) {
		err = key_add_by(app->db, app_actor(app), app->acct.id,
		    info.type, info.blob, info.comment, info.fingerprint).key;
		if (err == NULL) {
			msg = TFA("keys.added", A_STR(info.fingerprint));
			app_notice(app, msg);
			free(msg);
		}
		pubkey_info_free(&info);
	}
	if (err != NULL) {
		field_set_error_key(f->fields[0], err);
		app_notice(app, f->fields[0]->error);
		return SR_STAY;
	}
	return SR_POP;
}

static void
key_add_close(struct app *app, void *st)
{
	(void)app;
	form_free(st);
}

const struct screen_ops screen_key_add = {
	.name = "key-add",
	.title_key = "keys.add_title",
	.help_key = "help.key_add",
	.open = key_add_open,
	.describe = key_add_describe,
	.submit = key_add_submit,
	.close = key_add_close,
};
