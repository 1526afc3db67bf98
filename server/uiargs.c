#include "server/uiargs.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

char **
ui_args_argv(const char *self, const struct ui_args *a)
{
	char **v = xcalloc(24, sizeof *v);
	int n = 0;

	v[n++] = xstrdup(self);
	v[n++] = xstrdup(a->command != NULL ? "exec" : "ui");
	if (a->config_file != NULL) {
		v[n++] = xstrdup("--config");
		v[n++] = xstrdup(a->config_file);
	}
	v[n++] = xstrdup("--data");
	v[n++] = xstrdup(a->data_dir);
	switch (a->who) {
	case UI_ARGS_ACCOUNT:
		v[n++] = xstrdup("--account");
		v[n++] = xasprintf("%lld", (long long)a->account_id);
		break;
	case UI_ARGS_GUEST:
		v[n++] = xstrdup("--guest");
		break;
	case UI_ARGS_REGISTER:
		v[n++] = xstrdup(a->command != NULL ? "--guest" : "--register");
		break;
	}
	if (a->command != NULL) {
		v[n++] = xstrdup("--lang");
		v[n++] = xstrdup(a->lang);
		v[n++] = xstrdup("--");
		v[n++] = xstrdup(a->command);
		v[n] = NULL;
		return v;
	}
	v[n++] = xstrdup("--term");
	v[n++] = xstrdup(a->term);
	v[n++] = xstrdup("--size");
	v[n++] = xasprintf("%dx%d", a->cols, a->rows);
	v[n++] = xstrdup("--lang");
	v[n++] = xstrdup(a->lang);
	if (a->plain)
		v[n++] = xstrdup("--plain");
	if (a->utf8 >= 0) {
		v[n++] = xstrdup("--utf8");
		v[n++] = xstrdup(a->utf8 ? "yes" : "no");
	}
	if (a->session_id > 0) {
		v[n++] = xstrdup("--session");
		v[n++] = xasprintf("%lld", (long long)a->session_id);
	}
	v[n] = NULL;
	return v;
}

char **
ui_args_envp(const struct ui_args *a)
{
	char **v = xcalloc(6, sizeof *v);

	v[0] = xasprintf("TERM=%s", a->term);
	v[1] = xstrdup("LANG=C.UTF-8");
	v[2] = xstrdup("PATH=/usr/bin:/bin");
	v[3] = xasprintf("TINKLAS_DATA=%s", a->data_dir);
	/* no-color.org: present means no colour, whatever its value. */
	v[4] = a->no_color ? xstrdup("NO_COLOR=1") : NULL;
	v[5] = NULL;
	return v;
}

void
ui_args_free(char **v)
{
	char **p;

	if (v == NULL)
		return;
	for (p = v; *p != NULL; p++)
		free(*p);
	free(v);
}

char *
ui_args_term(const char *term, char *out, size_t outsz)
{
	size_t o = 0;

	for (; term != NULL && *term != '\0' && o + 1 < outsz; term++) {
		char ch = *term;

		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
		    (ch >= '0' && ch <= '9') || strchr("._+-", ch) != NULL)
			out[o++] = ch;
	}
	out[o] = '\0';
	if (o == 0)
		snprintf(out, outsz, "vt100");
	return out;
}
