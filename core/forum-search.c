/* Search: the user's words become quoted FTS5 terms over folded text
 * (never query syntax), filters become terms on the tags column, and only
 * the newest matches are ranked, so a word in most posts stays fast
 * (RELIABILITY.md: ranking all of 800k matches took 730 ms), by
 * forum_rank (forum-rank.c). Snippets come from the original text. */
#include "core/forum-internal.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "core/sanitize.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RANK_WINDOW	2000	/* newest matches ranked by relevance */
#define SNIPPET_BEFORE	30	/* code points shown before the match */
#define TERM_BYTES	160	/* of one term's folded text */
#define PREFIX_WORDS	64	/* words a prefix may stand for in an OR */
#define PREFIX_MIN_CP	3	/* shorter words match whole: "a*" would
				 * merge the lists of thousands of words */

/* One word or phrase of a query, folded as the index is. */
struct term {
	char	*text;		/* words separated by single spaces */
	bool	 prefix;	/* one word, matched as a prefix */
};

static int	search_terms(const char *, struct term *, int, const char *);
static char	*search_match(struct db *, const struct term *, int,
		    const struct forum_search_query *, int64_t);
static void	put_prefix(struct db *, struct strbuf *, const char *);
static void	snippet(const char *, const struct term *, int, char *,
		    size_t);
static void	mark_matches(struct forum_hit *, const struct term *, int);
static bool	word_byte(unsigned char);
static size_t	next_token(const char *, size_t, size_t *);

int
forum_search(struct db *db, const struct actor *v,
    const struct forum_search_query *q, struct forum_hit_list *out)
{
	struct term terms[FORUM_SEARCH_WORDS];
	char *match;
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
	if ((nterms = search_terms(q->words, terms, FORUM_SEARCH_WORDS,
	    q->lang != NULL && *q->lang != '\0' ? q->lang : i18n_lang())) == 0)
		return 0;
	match = search_match(db, terms, nterms, q, author.id);
	st = forum_prepare_ranked(db, "SELECT p.id, p.thread_id, t.board_id, "
	    "p.seq, t.title, a.name, a.display, p.created, p.body, a.role FROM "
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
		while ((rc = db_page_step(st, out->n, q->limit,
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
			h->author_role = ROLE_MEMBER;
			role_parse((const char *)sqlite3_column_text(st, 9),
			    &h->author_role);
			snippet((const char *)sqlite3_column_text(st, 8), terms,
			    nterms, h->snippet, sizeof h->snippet);
			mark_matches(h, terms, nterms);
		}
		sqlite3_finalize(st);
	}
	free(match);
	for (i = 0; i < nterms; i++)
		free(terms[i].text);
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

/* Ends the term at its first FORUM_SEARCH_TOKENS words and at most
 * TERM_BYTES bytes (at a character boundary): a 10,000-character
 * "kaunas-kaunas-..." would otherwise be a phrase of 1,400 tokens
 * (RELIABILITY.md F11). The words are joined by spaces, which the FTS5
 * tokenizer splits at as it does at the hyphens. */
static char *
cap_term(const char *folded)
{
	struct strbuf sb = { 0 };
	size_t off = 0, start, len, room;
	int n = 0;

	while (n < FORUM_SEARCH_TOKENS &&
	    (len = next_token(folded, off, &start)) != 0) {
		if (sb.len + (n > 0) >= TERM_BYTES)
			break;
		room = TERM_BYTES - sb.len - (n > 0);
		if (len > room) {
			len = room;
			while (len > 0 &&
			    ((unsigned char)folded[start + len] & 0xc0) == 0x80)
				len--;
			if (len == 0)
				break;
		}
		if (n++ > 0)
			sb_putc(&sb, ' ');
		sb_add(&sb, folded + start, len);
		off = start + len;
	}
	if (n == 0) {
		sb_free(&sb);
		return NULL;
	}
	return sb_take(&sb);
}

/* Adds one word or "quoted phrase" of the user's text as a term. A word
 * matches as a prefix (bibliotek finds bibliotekoje; a trailing * is
 * allowed), by its stem where the language has a stemmer (biblioteka
 * finds bibliotekoje); a phrase matches exactly. */
static void
add_term(struct term *t, const char *text, size_t len, bool phrase,
    const char *lang)
{
	char *word, *folded, *stem, *fstem;

	word = xstrndup(text, len);
	if (!phrase)
		while (len > 0 && word[len - 1] == '*')
			word[--len] = '\0';
	folded = i18n_fold(word);
	t->text = cap_term(folded);
	free(folded);
	t->prefix = !phrase && t->text != NULL &&
	    utf8_count(t->text) >= PREFIX_MIN_CP &&
	    strchr(t->text, ' ') == NULL;
	if (t->prefix && (stem = i18n_stem(word, lang)) != NULL) {
		fstem = i18n_fold(stem);
		if (utf8_count(fstem) >= PREFIX_MIN_CP &&
		    strncmp(fstem, t->text, strlen(fstem)) == 0) {
			free(t->text);
			t->text = fstem;
			fstem = NULL;
		}
		free(fstem);
		free(stem);
	}
	free(word);
}

/* Cuts the user's text into at most max terms: words at spaces, and
 * phrases in double quotes (a quote left open runs to the end). Terms
 * without a letter or digit are dropped. Returns how many. */
static int
search_terms(const char *words, struct term *terms, int max,
    const char *lang)
{
	const char *p = words, *start;
	bool phrase;
	int n = 0;

	while (*p != '\0' && n < max) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		if ((phrase = *p == '"')) {
			start = ++p;
			while (*p != '\0' && *p != '"')
				p++;
		} else {
			start = p;
			while (*p != '\0' && *p != ' ' && *p != '\t' &&
			    *p != '\n' && *p != '"')
				p++;
		}
		memset(&terms[n], 0, sizeof terms[n]);
		add_term(&terms[n], start, (size_t)(p - start), phrase, lang);
		if (terms[n].text != NULL)
			n++;
		if (phrase && *p == '"')
			p++;
	}
	return n;
}

/* The FTS5 query: each term a quoted string that must occur in the title
 * or the body (a word as a prefix), and the filters as tag terms. The
 * terms hold only letters, digits and spaces (cap_term), so nothing the
 * user typed is query syntax. */
static char *
search_match(struct db *db, const struct term *terms, int n,
    const struct forum_search_query *q, int64_t author_id)
{
	struct strbuf sb = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		/* AND written out: FTS5 3.40 takes no implicit AND after
		 * a bracket. */
		sb_puts(&sb, i ? " AND {title body}:" : "{title body}:");
		if (terms[i].prefix)
			put_prefix(db, &sb, terms[i].text);
		else
			sb_printf(&sb, "\"%s\"", terms[i].text);
	}
	if (q->board_id > 0)
		sb_printf(&sb, " AND tags:\"b%lld\"", (long long)q->board_id);
	if (author_id > 0)
		sb_printf(&sb, " AND tags:\"a%lld\"", (long long)author_id);
	if (q->lang != NULL && *q->lang != '\0' && i18n_lang_valid(q->lang))
		sb_printf(&sb, " AND tags:\"l%s\"", q->lang);
	return sb_take(&sb);
}

/* A prefix as the words of the index that begin with it, ORed: FTS5
 * reads those newest first and stops at the ranking window, where its
 * own prefix query first merges every post of every such word (45 ms for
 * a word in 80 % of a million posts). With more words than PREFIX_WORDS,
 * or none listed, FTS5's prefix query. */
static void
put_prefix(struct db *db, struct strbuf *sb, const char *prefix)
{
	struct strbuf words = { 0 };
	sqlite3_stmt *st;
	const char *w;
	int n = 0, rc;

	st = db_prepare(db, "SELECT term FROM search_terms WHERE term >= ?1 "
	    "AND term < ?1 || x'ff' LIMIT ?2");
	if (st != NULL) {
		db_bind_text(st, 1, prefix);
		sqlite3_bind_int(st, 2, PREFIX_WORDS + 1);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW && n <= PREFIX_WORDS) {
			w = (const char *)sqlite3_column_text(st, 0);
			if (w == NULL || strchr(w, '"') != NULL)
				continue;
			sb_printf(&words, "%s\"%s\"", n++ ? " OR " : "(", w);
		}
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE && n > 0 && n <= PREFIX_WORDS) {
			sb_printf(sb, "%s)", words.s);
			sb_free(&words);
			return;
		}
	}
	sb_free(&words);
	sb_printf(sb, "\"%s\"*", prefix);
}

/* Writes one sanitised line of about FORUM_SNIPPET_MAX code points of body
 * around the first word that holds a search term. The folded body is cut
 * into words where the original is (at ASCII spaces and punctuation), so
 * the n-th folded word is the n-th original one; when folding changed the
 * count the snippet starts at the beginning. */
static void
snippet(const char *body, const struct term *terms, int nterms, char *out,
    size_t outsz)
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
				t_len = next_token(terms[i].text, 0, &t_off);
				hit = t_len > 0 && memmem(folded + f_off,
				    f_len, terms[i].text + t_off, t_len) != NULL;
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

/* Notes the snippet's words that hold a word of a term, as the search
 * folds them, for the full screen to show marked. */
static void
mark_matches(struct forum_hit *h, const struct term *terms, int nterms)
{
	size_t off = 0, start, len, t_off, t_len, ellipsis = strlen("…");
	char *word, *folded;
	bool hit;
	int i;

	h->nmarks = 0;
	/* "…" is not part of the first word. */
	if (strncmp(h->snippet, "…", ellipsis) == 0)
		off = ellipsis;
	while (h->nmarks < FORUM_HIT_MARKS &&
	    (len = next_token(h->snippet, off, &start)) != 0) {
		word = xstrndup(h->snippet + start, len);
		folded = i18n_fold(word);
		for (i = 0, hit = false; i < nterms && !hit; i++) {
			for (t_off = 0; !hit && (t_len = next_token(
			    terms[i].text, t_off, &t_off)) != 0; t_off += t_len)
				hit = memmem(folded, strlen(folded),
				    terms[i].text + t_off, t_len) != NULL;
		}
		if (hit) {
			h->marks[h->nmarks].off = (uint16_t)start;
			h->marks[h->nmarks++].len = (uint16_t)len;
		}
		free(folded);
		free(word);
		off = start + len;
	}
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
