/* po2txt: converts one gettext PO catalog into an ICU resource bundle source
 * (.txt) for genrb. Build-time tool; the catalog shape is documented at the
 * top of i18n/po/en.po.
 *
 *   po2txt [-r] bundle in.po out.txt
 *
 * bundle is the table name ("lt", "root"). Each entry's msgctxt becomes the
 * key and its msgstr the value; untranslated (empty or fuzzy) entries are
 * left out, so ICU falls back to English. With -r (the reference catalog)
 * an untranslated entry is an error. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct field {
	char	*s;
	size_t	 len;
	size_t	 cap;
	bool	 seen;
};

struct entry {
	struct field	ctxt;
	struct field	id;
	struct field	str;
	bool		fuzzy;
	int		line;
};

struct keys {
	char	**v;
	size_t	 n;
	size_t	 cap;
};

static const char *in_path;
static char tmp_path[4096];
static bool reference;

static void
die(int line, const char *msg, const char *arg)
{
	if (line > 0)
		fprintf(stderr, "%s:%d: %s%s%s\n", in_path, line, msg,
		    arg != NULL ? ": " : "", arg != NULL ? arg : "");
	else
		fprintf(stderr, "%s: %s%s%s\n", in_path, msg,
		    arg != NULL ? ": " : "", arg != NULL ? arg : "");
	if (tmp_path[0] != '\0')
		unlink(tmp_path);
	exit(1);
}

static void *
must(void *p)
{
	if (p == NULL) {
		fprintf(stderr, "po2txt: out of memory\n");
		exit(1);
	}
	return p;
}

/* Makes room for one more byte and the NUL; keeps s a string. */
static void
field_grow(struct field *f)
{
	if (f->len + 2 > f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->s = must(realloc(f->s, f->cap));
	}
	f->s[f->len] = '\0';
}

static void
field_add(struct field *f, char c)
{
	field_grow(f);
	f->s[f->len++] = c;
	f->s[f->len] = '\0';
}

static void
field_reset(struct field *f)
{
	f->len = 0;
	f->seen = false;
	if (f->s != NULL)
		f->s[0] = '\0';
}

/* Appends the C-quoted string that starts at p (at its opening quote) to f,
 * undoing PO's escapes. Fails on anything but whitespace after it. */
static void
read_quoted(const char *p, struct field *f, int line)
{
	f->seen = true;
	field_grow(f);
	if (*p != '"')
		die(line, "expected a quoted string", NULL);
	for (p++; *p != '"'; p++) {
		if (*p == '\0' || *p == '\n')
			die(line, "unterminated string", NULL);
		if (*p != '\\') {
			field_add(f, *p);
			continue;
		}
		switch (*++p) {
		case 'n':
			field_add(f, '\n');
			break;
		case 't':
			field_add(f, '\t');
			break;
		case '"':
		case '\\':
			field_add(f, *p);
			break;
		default:
			die(line, "unsupported escape in string", NULL);
		}
	}
	for (p++; *p != '\0'; p++) {
		if (!isspace((unsigned char)*p))
			die(line, "text after the closing quote", NULL);
	}
}

/* Keys are the msgctxt: lower-case ASCII words joined by '.', '_', '-'. */
static void
check_key(const struct entry *e)
{
	const char *p;

	if (e->ctxt.len == 0)
		die(e->line, "entry without a msgctxt key", e->id.s);
	for (p = e->ctxt.s; *p != '\0'; p++) {
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    strchr("._-", *p) == NULL)
			die(e->line, "key must be [a-z0-9._-]", e->ctxt.s);
	}
}

static void
check_duplicate(struct keys *k, const char *key, int line)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		if (strcmp(k->v[i], key) == 0)
			die(line, "duplicate key", key);
	}
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->v = must(realloc(k->v, k->cap * sizeof *k->v));
	}
	k->v[k->n++] = must(strdup(key));
}

/* Writes s as a genrb string literal body. */
static void
put_escaped(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

/* Writes one finished entry (or nothing for the header or an untranslated
 * one). */
static void
emit(FILE *out, struct entry *e, struct keys *k)
{
	if (!e->id.seen)
		return;
	if (e->id.len == 0 && e->ctxt.len == 0)
		return;		/* the PO header */
	check_key(e);
	check_duplicate(k, e->ctxt.s, e->line);
	if (!e->str.seen)
		die(e->line, "entry without msgstr", e->ctxt.s);
	if (e->str.len == 0 || e->fuzzy) {
		if (reference)
			die(e->line, "untranslated entry in the reference catalog",
			    e->ctxt.s);
		fprintf(stderr, "%s:%d: warning: %s untranslated\n", in_path,
		    e->line, e->ctxt.s);
		return;
	}
	fputs("    \"", out);
	put_escaped(out, e->ctxt.s);
	fputs("\" { \"", out);
	put_escaped(out, e->str.s);
	fputs("\" }\n", out);
}

static void
entry_reset(struct entry *e)
{
	field_reset(&e->ctxt);
	field_reset(&e->id);
	field_reset(&e->str);
	e->fuzzy = false;
	e->line = 0;
}

static void
convert(FILE *in, FILE *out)
{
	struct entry	 e = { 0 };
	struct keys	 k = { 0 };
	struct field	*cur = NULL;
	char		 buf[8192];
	int		 line = 0;

	while (fgets(buf, sizeof buf, in) != NULL) {
		line++;
		if (strchr(buf, '\n') == NULL && !feof(in))
			die(line, "line too long", NULL);
		if (strncmp(buf, "msgctxt ", 8) == 0 || strncmp(buf, "msgid ", 6) == 0) {
			/* A new entry starts at msgctxt, or at msgid without one. */
			if (e.str.seen || (buf[3] == 'c' && e.id.seen)) {
				emit(out, &e, &k);
				entry_reset(&e);
			}
			if (e.line == 0)
				e.line = line;
		}
		if (strncmp(buf, "#,", 2) == 0) {
			if (e.str.seen) {
				emit(out, &e, &k);
				entry_reset(&e);
			}
			if (strstr(buf, "fuzzy") != NULL)
				e.fuzzy = true;
			cur = NULL;
		} else if (buf[0] == '#' || buf[strspn(buf, " \t\r\n")] == '\0') {
			cur = NULL;
		} else if (strncmp(buf, "msgctxt ", 8) == 0) {
			cur = &e.ctxt;
			read_quoted(buf + 8, cur, line);
		} else if (strncmp(buf, "msgid ", 6) == 0) {
			cur = &e.id;
			read_quoted(buf + 6, cur, line);
		} else if (strncmp(buf, "msgstr ", 7) == 0) {
			/* Two would be joined into one text: a merge that kept
			 * both sides' translation. */
			if (e.str.seen)
				die(line, "a second msgstr in one entry",
				    e.ctxt.s);
			cur = &e.str;
			read_quoted(buf + 7, cur, line);
		} else if (strncmp(buf, "msgid_plural", 12) == 0 ||
		    strncmp(buf, "msgstr[", 7) == 0) {
			die(line, "gettext plurals are not used; write an ICU "
			    "plural pattern", NULL);
		} else if (buf[0] == '"' && cur != NULL) {
			read_quoted(buf, cur, line);
		} else
			die(line, "cannot parse line", NULL);
	}
	if (ferror(in))
		die(0, "read error", strerror(errno));
	emit(out, &e, &k);
}

int
main(int argc, char **argv)
{
	FILE	*in, *out;
	int	 i = 1;

	if (argc > 1 && strcmp(argv[1], "-r") == 0) {
		reference = true;
		i++;
	}
	if (argc - i != 3) {
		fprintf(stderr, "usage: po2txt [-r] bundle in.po out.txt\n");
		return 2;
	}
	in_path = argv[i + 1];
	if ((in = fopen(in_path, "r")) == NULL)
		die(0, "cannot open", strerror(errno));
	/* Written aside and renamed, so make never sees half a bundle. */
	if ((size_t)snprintf(tmp_path, sizeof tmp_path, "%s.tmp", argv[i + 2]) >=
	    sizeof tmp_path)
		die(0, "output path too long", NULL);
	if ((out = fopen(tmp_path, "w")) == NULL)
		die(0, "cannot create output", strerror(errno));
	fprintf(out, "// Generated from %s by i18n/tools/po2txt; do not edit.\n",
	    in_path);
	fprintf(out, "%s {\n", argv[i]);
	convert(in, out);
	fputs("}\n", out);
	if (fclose(out) != 0)
		die(0, "write error", strerror(errno));
	if (rename(tmp_path, argv[i + 2]) != 0)
		die(0, "cannot rename output", strerror(errno));
	fclose(in);
	return 0;
}
