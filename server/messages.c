/* The server's own words to a client (refusals, the suspension notice, the
 * session-limit question), from the catalogs in the person's language: a
 * member's chosen one, else what the client's environment asks for, else
 * the site's. ICU is opened only when a message is needed. */
#include "server/conn.h"

#include "common/config.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <locale.h>
#include <string.h>

static bool	msg_ready(struct conn *);
static char	*msg_lines(const struct conn *, char *);

/* Opens the catalogs once and picks the language. False when ICU cannot
 * be opened (the caller then falls back to English built in). */
static bool
msg_ready(struct conn *c)
{
	static bool opened, failed;
	struct account a;
	const char *lang = NULL;

	if (!opened && !failed) {
		/* Wrapping measures columns with wcwidth(), which needs a
		 * UTF-8 character type (the UI sets its own). */
		(void)setlocale(LC_CTYPE, "C.UTF-8");
		if (i18n_init(c->cfg->timezone) != 0)
			failed = true;
		else
			opened = true;
	}
	if (failed)
		return false;
	if (c->who == WHO_MEMBER && c->account_id > 0 && conn_db(c) != NULL &&
	    account_by_id(c->db, c->account_id, &a) == 0 &&
	    i18n_lang_valid(a.lang))
		lang = a.lang;
	if (lang == NULL)
		lang = i18n_negotiate(c->env_language, c->env_lc_all,
		    c->env_lc_messages, c->env_lang, c->cfg->default_lang);
	return i18n_set_lang(lang) == 0;
}

/* Takes text (allocated) and returns it as lines for the client. On a
 * pty they are wrapped at words to the client's width: the terminal itself
 * would cut a word at its last column ("друго" / "е"). */
static char *
msg_lines(const struct conn *c, char *text)
{
	struct strbuf sb = { 0 };
	char **lines;
	int i, n;

	if (c->pty && c->cols > 1) {
		n = i18n_wrap(text, c->cols - 1, &lines);
		for (i = 0; i < n; i++)
			sb_printf(&sb, "%s\r\n", lines[i]);
		i18n_free_lines(lines, n);
		free(text);
		return sb_take(&sb);
	}
	/* Without a pty the client's own reader (a screen reader, a
	 * braille line) breaks lines. */
	sb_printf(&sb, "%s\n", text);
	free(text);
	return sb_take(&sb);
}

char *
msg_text(struct conn *c, const char *key, const char *fallback, int nargs,
    const struct i18n_arg *args)
{
	return msg_lines(c, msg_ready(c) ? TF(key, nargs, args) :
	    xstrdup(fallback));
}

char *
msg_suspended(struct conn *c, const struct account *a)
{
	if (!msg_ready(c))
		return msg_lines(c, xstrdup("Your account is suspended."));
	return msg_lines(c, account_suspension_notice(a));
}
