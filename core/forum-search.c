/* Search: the user's words become quoted FTS5 terms over folded text
 * (never query syntax), filters become terms on the tags column, and only
 * the newest matches are ranked, so a word in most posts stays fast
 * (RELIABILITY.md: ranking all of 800k matches took 730 ms), by
 * forum_rank (forum-rank.c). Snippets come from the original text. */
#include "core/forum-internal.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RANK_WINDOW	2000	/* newest matches ranked by relevance */
#define SNIPPET_BEFORE	30	/* code points shown before the match */

static int	search_terms(const char *, char **, int);
static char	*search_match(char **, int, const struct forum_search_query *,
		    int64_t);
static void	snippet(const char *, char **, int, char *, size_t);
static bool	word_byte(unsigned char);
static size_t	next_token(const char *, size_t, size_t *);

int
forum_search(struct db *db, const struct forum_viewer *v,
    const struct forum_search_query *q, struct forum_hit_list *out)
{
	char *terms[FORUM_SEARCH_WORDS], *match;
	struct account author;
	struct forum_hit *h;
	sqlite3_stmt *st;
	int nterms, i, rc = SQLITE_DONE;

	(void)v;	/* the index holds only what everyone may find */
	memset(out, 0, sizeof *out);
	if (q->limit <= 0 || q->words == NULL)
		return 0;
	author.id = 0;
	if (q->author != NULL && *q->author != '\0' &&
	    account_by_name(db, q->author, &author) != 0)
		return 0;
	if ((nterms = search_terms(q->words, terms, FORUM_SEARCH_WORDS)) == 0)
		return 0;
	match = search_match(terms, nterms, q, author.id);
	st = forum_prepare_ranked(db, "SELECT p.id, p.thread_id, t.board_id, "
	    "p.seq, t.title, a.name, a.display, p.created, p.body FROM "
	    "(SELECT id, r FROM (SELECT rowid AS id, forum_rank(post_fts) AS r "
	    "FROM post_fts "
	    "WHERE post_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?4) "
	    "ORDER BY r, id DESC LIMIT ?2 OFFSET ?3) m "
	    "JOIN posts p ON p.id = m.id JOIN threads t ON t.id = p.thread_id "
	    "JOIN accounts a ON a.id = p.author_id ORDER BY m.r, m.id DESC");
	if (st == NULL)
		rc = SQLITE_ERROR;
	else {
		db_bind_text(st, 1, match);
		sqlite3_bind_int(st, 2, q->limit + 1);
		sqlite3_bind_int(st, 3, q->offset > 0 ? q->offset : 0);
		sqlite3_bind_int(st, 4, RANK_WINDOW);
		out->v = xcalloc((size_t)q->limit, sizeof *out->v);
		while ((rc = forum_page_step(st, out->n, q->limit,
		    &out->more)) == SQLITE_ROW) {
			h = &out->v[out->n++];
			h->post_id = sqlite3_column_int64(st, 0);
			h->thread_id = sqlite3_column_int64(st, 1);
			h->board_id = sqlite3_column_int64(st, 2);
			h->seq = sqlite3_column_int64(st, 3);
			db_column_copy(st, 4, h->thread_title,
			    sizeof h->thread_title);
			db_column_copy(st, 5, h->author_name,
			    sizeof h->author_name);
			db_column_copy(st, 6, h->author_display,
			    sizeof h->author_display);
			h->created = sqlite3_column_int64(st, 7);
			snippet((const char *)sqlite3_column_text(st, 8), terms,
			    nterms, h->snippet, sizeof h->snippet);
		}
		sqlite3_finalize(st);
	}
	free(match);
	for (i = 0; i < nterms; i++)
		free(terms[i]);
	if (rc != SQLITE_DONE) {
		forum_hit_list_free(out);
		return -1;
	}
	return 0;
}

void
forum_hit_list_free(struct forum_hit_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Splits the user's text at spaces into folded words that hold at least
 * one letter or digit. Returns how many (at most max). */
static int
search_terms(const char *words, char **terms, int max)
{
	char *copy, *w, *save, *f;
	size_t i;
	int n = 0;

	copy = xstrdup(words);
	for (w = strtok_r(copy, " \t\n", &save); w != NULL && n < max;
	    w = strtok_r(NULL, " \t\n", &save)) {
		f = i18n_fold(w);
		for (i = 0; f[i] != '\0' && !word_byte((unsigned char)f[i]); i++)
			;
		if (f[i] == '\0')
			free(f);
		else
			terms[n++] = f;
	}
	free(copy);
	return n;
}

/* The FTS5 query: each word a quoted string (quotes doubled) that must
 * occur in the title or the body, and the filters as tag terms. */
static char *
search_match(char **terms, int n, const struct forum_search_query *q,
    int64_t author_id)
{
	struct strbuf sb = { 0 };
	const char *p;
	int i;

	for (i = 0; i < n; i++) {
		sb_puts(&sb, i ? " {title body}:\"" : "{title body}:\"");
		for (p = terms[i]; *p != '\0'; p++) {
			if (*p == '"')
				sb_putc(&sb, '"');
			sb_putc(&sb, *p);
		}
		sb_putc(&sb, '"');
	}
	if (q->board_id > 0)
		sb_printf(&sb, " tags:\"b%lld\"", (long long)q->board_id);
	if (author_id > 0)
		sb_printf(&sb, " tags:\"a%lld\"", (long long)author_id);
	if (q->lang != NULL && *q->lang != '\0' && i18n_lang_valid(q->lang))
		sb_printf(&sb, " tags:\"l%s\"", q->lang);
	return sb_take(&sb);
}

/* Writes one sanitised line of about FORUM_SNIPPET_MAX code points of body
 * around the first word that holds a search term. The folded body is cut
 * into words where the original is (at ASCII spaces and punctuation), so
 * the n-th folded word is the n-th original one; when folding changed the
 * count the snippet starts at the beginning. */
static void
snippet(const char *body, char **terms, int nterms, char *out, size_t outsz)
{
	size_t o_off = 0, f_off = 0, o_len, f_len, start = 0, k, found = 0;
	size_t o_n = 0, f_n = 0, from, to, cp, t_off, t_len;
	char *folded, *line;
	bool hit = false;
	int i;

	if (body == NULL)
		body = "";
	folded = i18n_fold(body);
	while ((f_len = next_token(folded, f_off, &f_off)) != 0) {
		if (!hit) {
			for (i = 0; i < nterms && !hit; i++) {
				t_len = next_token(terms[i], 0, &t_off);
				hit = t_len > 0 && memmem(folded + f_off,
				    f_len, terms[i] + t_off, t_len) != NULL;
			}
			if (hit)
				found = f_n;
		}
		f_off += f_len;
		f_n++;
	}
	free(folded);
	while ((o_len = next_token(body, o_off, &o_off)) != 0) {
		if (o_n == found)
			start = o_off;
		o_off += o_len;
		o_n++;
	}
	if (!hit || o_n != f_n)
		start = 0;
	/* Back up SNIPPET_BEFORE code points, then to a word start. */
	for (from = start, k = 0; from > 0 && k < SNIPPET_BEFORE; k++) {
		from--;
		while (from > 0 && ((unsigned char)body[from] & 0xc0) == 0x80)
			from--;
	}
	while (from > 0 && from < start && body[from - 1] != ' ' &&
	    body[from - 1] != '\n')
		from++;
	for (to = from, cp = 0; body[to] != '\0' && cp < FORUM_SNIPPET_MAX;
	    cp++) {
		to++;
		while (((unsigned char)body[to] & 0xc0) == 0x80)
			to++;
	}
	line = sanitize(body + from, to - from, SANITIZE_LINE,
	    FORUM_SNIPPET_MAX, 0);
	snprintf(out, outsz, "%s%s%s", from > 0 ? "…" : "", line,
	    body[to] != '\0' ? "…" : "");
	free(line);
}

/* Letters and digits of ASCII, and every byte of other characters. */
static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Finds the next word at or after off: sets *start and returns its length
 * in bytes, 0 at the end. */
static size_t
next_token(const char *s, size_t off, size_t *start)
{
	size_t n;

	while (s[off] != '\0' && !word_byte((unsigned char)s[off]))
		off++;
	*start = off;
	for (n = 0; word_byte((unsigned char)s[off + n]); n++)
		;
	return n;
}
