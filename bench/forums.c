/* bench/forums: the forums at scale. Builds a synthetic database of
 * 1,000,000 posts in 10,000 threads by 100,000 accounts in a temporary
 * folder, then times the queries a session makes (board list with unread
 * counts, thread pages, the welcome screen's count, search) through
 * core/forums.h, each beside the same question asked the naive way (OFFSET
 * paging, counting over every thread, ranking every match). Prints p50 and
 * p99 in milliseconds with the targets of issue 3.
 *
 * The bulk load writes SQL directly (through core's database handle, as a
 * migration would): posting a million replies through the API would also
 * send a hundred million notifications. */
#include "bench/bench-db.h"
#include "common/xalloc.h"
#include "core/db.h"
#include "core/forums.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ACCOUNTS	100000
#define BOARDS		20
#define THREADS		10000
#define POSTS		1000000
#define BIG_THREAD	100000	/* thread 1: one very long thread */
#define PAGE		20
#define READERS		1000	/* accounts with read marks */
#define READS_EACH	300
#define RUNS		300
#define NEW_READER	ACCOUNTS	/* joined after every thread */
#define MID_READER	(ACCOUNTS - 1)	/* joined halfway through them */

static const char *const syllables[] = {
	"ka", "lo", "mi", "ne", "ras", "tu", "vi", "že", "šy", "ąg", "pė",
	"dū", "ber", "čia", "gal", "ją", "ko", "mų", "sa", "te", "ūk", "ro",
};
#define NSYL (sizeof syllables / sizeof syllables[0])

static struct db *db;

_Static_assert(RUNS <= BENCH_RUNS_MAX, "a timing holds the runs");

/* A timing's line, its label in 34 columns; then the timing is empty
 * again, for the next. */
static void
report(const char *what, struct bench_timing *t, double target)
{
	bench_report(what, 34, 3, t, target);
	t->n = 0;
}

/* A body of about 30 words: a vocabulary of ~10,000 two- and three-
 * syllable words, "kaunas" in ~80 % of posts, "Žalgiris" in 1 of 10,000. */
static void
make_body(char *buf, size_t sz, unsigned *seed)
{
	size_t len = 0;
	int i, n = 20 + rand_r(seed) % 20, w;

	buf[0] = '\0';
	for (i = 0; i < n && len + 32 < sz; i++) {
		w = rand_r(seed);
		len += (size_t)snprintf(buf + len, sz - len, "%s%s%s%s ",
		    syllables[w % NSYL], syllables[(w >> 5) % NSYL],
		    (w >> 10) % 2 ? syllables[(w >> 11) % NSYL] : "",
		    i == 3 && rand_r(seed) % 5 != 0 ? " KAUNAS" : "");
	}
	if (rand_r(seed) % 10000 == 0)
		snprintf(buf + len, sz - len, "Žalgiris laimėjo.");
}

static void
load(void)
{
	sqlite3_stmt *acc, *thr, *post, *fts, *rd;
	char body[512], name[32], tags[64], *folded;
	int64_t t0 = 1700000000, pid = 0, size, seq;
	unsigned seed = 42;
	int i, j;
	double start = bench_now_ms();

	bench_exec(db, "PRAGMA cache_size = -400000");
	bench_exec(db, "BEGIN");
	/* Created at 0: older than every thread, so read marks alone decide
	 * what they have read (until NEW_READER and MID_READER below). */
	acc = bench_prep(db, "INSERT INTO accounts (id, name, display, pwhash, "
	    "created) VALUES (?1, ?2, ?2, 'x', 0)");
	for (i = 1; i <= ACCOUNTS; i++) {
		snprintf(name, sizeof name, "user%d", i);
		sqlite3_bind_int(acc, 1, i);
		sqlite3_bind_text(acc, 2, name, -1, SQLITE_TRANSIENT);
		bench_done(acc);
	}
	sqlite3_finalize(acc);
	for (i = 1; i <= BOARDS; i++) {
		snprintf(name, sizeof name, "Board %d", i);
		sqlite3_stmt *b = bench_prep(db, "INSERT INTO boards (id, "
		    "title, position) VALUES (?1, ?2, ?1)");
		sqlite3_bind_int(b, 1, i);
		sqlite3_bind_text(b, 2, name, -1, SQLITE_TRANSIENT);
		bench_done(b);
		sqlite3_finalize(b);
	}
	thr = bench_prep(db, "INSERT INTO threads (id, board_id, title, "
	    "author_id, created, last_post_at, last_seq) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6, ?7)");
	post = bench_prep(db, "INSERT INTO posts (id, thread_id, seq, "
	    "author_id, lang, body, created) VALUES (?1, ?2, ?3, ?4, 'lt', ?5, "
	    "?6)");
	fts = bench_prep(db, "INSERT INTO post_fts (rowid, title, body, tags) "
	    "VALUES (?1, ?2, ?3, ?4)");
	for (i = 1; i <= THREADS; i++) {
		/* Thread 1 is long; the rest share what is left evenly. */
		size = i == 1 ? BIG_THREAD : (POSTS - BIG_THREAD) /
		    (THREADS - 1) + (i <= (POSTS - BIG_THREAD) %
		    (THREADS - 1) + 1 ? 1 : 0);
		snprintf(name, sizeof name, "Thread %d", i);
		sqlite3_bind_int(thr, 1, i);
		sqlite3_bind_int(thr, 2, 1 + i % BOARDS);
		sqlite3_bind_text(thr, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(thr, 4, 1 + rand_r(&seed) % ACCOUNTS);
		sqlite3_bind_int64(thr, 5, t0 + i);
		sqlite3_bind_int64(thr, 6, t0 + POSTS + i);
		sqlite3_bind_int64(thr, 7, size);
		bench_done(thr);
		for (seq = 1; seq <= size; seq++) {
			make_body(body, sizeof body, &seed);
			pid++;
			sqlite3_bind_int64(post, 1, pid);
			sqlite3_bind_int(post, 2, i);
			sqlite3_bind_int64(post, 3, seq);
			sqlite3_bind_int(post, 4, 1 + rand_r(&seed) % ACCOUNTS);
			sqlite3_bind_text(post, 5, body, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(post, 6, t0 + pid);
			bench_done(post);
			folded = i18n_fold(body);
			snprintf(tags, sizeof tags, "b%d a1 llt", 1 + i % BOARDS);
			sqlite3_bind_int64(fts, 1, pid);
			sqlite3_bind_text(fts, 2, seq == 1 ? name : "", -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(fts, 3, folded, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(fts, 4, tags, -1, SQLITE_TRANSIENT);
			bench_done(fts);
			free(folded);
		}
	}
	sqlite3_finalize(thr);
	sqlite3_finalize(post);
	sqlite3_finalize(fts);
	/* Read marks: READERS accounts have read part of READS_EACH threads;
	 * account 2 has read everything (after "mark all read"). */
	rd = bench_prep(db, "INSERT OR IGNORE INTO thread_reads (account_id, "
	    "thread_id, read_seq) VALUES (?1, ?2, ?3)");
	for (i = 1; i <= READERS; i++) {
		for (j = 0; j < READS_EACH; j++) {
			sqlite3_bind_int(rd, 1, i == 2 ? 3 : i);
			sqlite3_bind_int(rd, 2, 1 + rand_r(&seed) % THREADS);
			sqlite3_bind_int(rd, 3, 1 + rand_r(&seed) % 80);
			bench_done(rd);
		}
	}
	for (i = 1; i <= THREADS; i++) {
		sqlite3_bind_int(rd, 1, 2);
		sqlite3_bind_int(rd, 2, i);
		sqlite3_bind_int(rd, 3, 1000000);
		bench_done(rd);
	}
	sqlite3_finalize(rd);
	/* The read horizon: threads last posted to before an account was
	 * made count as read for it, here all of them or the older half. */
	rd = bench_prep(db, "UPDATE accounts SET created = ?2 WHERE id = ?1");
	sqlite3_bind_int(rd, 1, NEW_READER);
	sqlite3_bind_int64(rd, 2, t0 + POSTS + THREADS + 1);
	bench_done(rd);
	sqlite3_bind_int(rd, 1, MID_READER);
	sqlite3_bind_int64(rd, 2, t0 + POSTS + THREADS / 2);
	bench_done(rd);
	sqlite3_finalize(rd);
	/* The words for prefix search, as the forums domain's migration (core/domain-forums.c) lists
	 * them from an index filled without forum_index_post. */
	bench_exec(db, "CREATE VIRTUAL TABLE temp.post_vocab USING "
	    "fts5vocab(main, post_fts, col)");
	bench_exec(db, "INSERT OR IGNORE INTO search_terms SELECT term FROM "
	    "temp.post_vocab WHERE col != 'tags'");
	bench_exec(db, "DROP TABLE temp.post_vocab");
	bench_exec(db, "COMMIT");
	bench_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	bench_exec(db, "ANALYZE");
	bench_exec(db, "PRAGMA cache_size = -256"
	    );	/* what a session runs with */
	printf("built %d posts, %d threads, %d accounts in %.0f s\n", POSTS,
	    THREADS, ACCOUNTS, (bench_now_ms() - start) / 1e3);
}

/* Runs a raw query to completion: the naive baselines. */
static void
naive(const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st = bench_prep(db, sql);

	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
}

static void
naive_text(const char *sql, const char *a)
{
	sqlite3_stmt *st = bench_prep(db, sql);

	sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
}

static void
bench_pages(const char *label, int64_t thread, int64_t from, bool offset)
{
	struct actor v = { 7, ROLE_MEMBER, "lt", 0 };
	struct forum_post_list l;
	struct bench_timing t = { .n = 0 };
	char what[64];
	double s;
	int i;

	for (i = 0; i < RUNS; i++) {
		s = bench_now_ms();
		if (offset)
			naive("SELECT p.id, p.seq, a.name, p.body FROM posts p "
			    "JOIN accounts a ON a.id = p.author_id WHERE "
			    "p.thread_id = ?1 ORDER BY p.seq LIMIT 20 "
			    "OFFSET ?2", thread, from - 1);
		else {
			if (forum_posts(db, &v, thread, from, PAGE, &l) != 0 ||
			    l.n == 0)
				exit(1);
			forum_post_list_free(&l);
		}
		t.v[t.n++] = bench_now_ms() - s;
	}
	snprintf(what, sizeof what, "%s%s", label, offset ? " (OFFSET)" : "");
	report(what, &t, offset ? 0 : 5);
}

/* Times a search; found: it must find something (the long word need
 * not). The baseline is the whole text as one FTS5 phrase, ranked. */
static void
bench_search(const char *label, const char *words, bool found)
{
	struct actor v = { 7, ROLE_MEMBER, "lt", 0 };
	struct forum_search_query q = { words, 0, NULL, NULL, 0, PAGE };
	struct forum_hit_list l;
	struct bench_timing t = { .n = 0 };
	char what[64], *folded, *match;
	double s;
	int i;

	for (i = 0; i < RUNS; i++) {
		s = bench_now_ms();
		if (forum_search(db, &v, &q, &l) != 0 || (found && l.n == 0))
			exit(1);
		forum_hit_list_free(&l);
		t.v[t.n++] = bench_now_ms() - s;
	}
	/* The long word is the worst case, not a search people wait for. */
	report(label, &t, found ? 20 : 0);
	folded = i18n_fold(words);
	match = xasprintf("\"%s\"", folded);
	free(folded);
	/* The long phrase takes seconds a run on a million posts. */
	for (i = 0; i < (found ? RUNS / 10 : 3); i++) {
		s = bench_now_ms();
		naive_text("SELECT p.id, p.body FROM post_fts f JOIN posts p "
		    "ON p.id = f.rowid WHERE post_fts MATCH ?1 ORDER BY rank "
		    "LIMIT 20", match);
		t.v[t.n++] = bench_now_ms() - s;
	}
	free(match);
	snprintf(what, sizeof what, "%s (rank all)", label);
	report(what, &t, 0);
}

static void
bench_unread(const char *label, int64_t account)
{
	struct actor v = { account, ROLE_MEMBER, "lt", 0 };
	struct forum_board_list l;
	struct bench_timing t = { .n = 0 };
	char what[64];
	double s;
	int i;

	for (i = 0; i < RUNS; i++) {
		s = bench_now_ms();
		if (forum_boards(db, &v, &l) != 0 || l.n != BOARDS)
			exit(1);
		forum_board_list_free(&l);
		t.v[t.n++] = bench_now_ms() - s;
	}
	snprintf(what, sizeof what, "board list, %s", label);
	report(what, &t, 5);
	for (i = 0; i < RUNS; i++) {
		s = bench_now_ms();
		if (forum_new_posts(db, &v) < 0)
			exit(1);
		t.v[t.n++] = bench_now_ms() - s;
	}
	snprintf(what, sizeof what, "new posts, %s", label);
	report(what, &t, 5);
	for (i = 0; i < RUNS / 10; i++) {
		s = bench_now_ms();
		naive("SELECT b.id, count(t.id), sum(coalesce(r.read_seq, 0) < "
		    "t.last_seq), sum(t.last_seq - min(coalesce(r.read_seq, 0), "
		    "t.last_seq)) FROM boards b LEFT JOIN threads t ON "
		    "t.board_id = b.id AND t.hidden = 0 LEFT JOIN thread_reads r "
		    "ON r.account_id = ?1 AND r.thread_id = t.id GROUP BY b.id",
		    account, 0);
		t.v[t.n++] = bench_now_ms() - s;
	}
	snprintf(what, sizeof what, "board list, %s (all threads)", label);
	report(what, &t, 0);
}

/* RELIABILITY.md F11: one "word" of ~1,400 tokens. */
static const char *
long_word(void)
{
	static char w[10001];
	size_t i;

	for (i = 0; i + 7 < sizeof w; i += 7)
		memcpy(w + i, "kaunas-", 7);
	w[i] = '\0';
	return w;
}

int
main(void)
{
	char dir[] = "/tmp/tinklas-bench-forums-XXXXXX";
	int64_t mid = (POSTS - BIG_THREAD) / (THREADS - 1);

	setvbuf(stdout, NULL, _IOLBF, 0);	/* progress as it comes */
	if (bench_open(dir, &db) != 0)
		return 1;
	load();
	printf("times in ms over %d runs (baselines over %d)\n", RUNS,
	    RUNS / 10);
	printf("thread of %d posts, pages of %d:\n", BIG_THREAD, PAGE);
	bench_pages("first page", 1, 1, false);
	bench_pages("middle page", 1, BIG_THREAD / 2, false);
	bench_pages("last page", 1, BIG_THREAD - PAGE + 1, false);
	bench_pages("first page", 1, 1, true);
	bench_pages("middle page", 1, BIG_THREAD / 2, true);
	bench_pages("last page", 1, BIG_THREAD - PAGE + 1, true);
	printf("thread of %lld posts:\n", (long long)mid);
	bench_pages("last page", 5000, mid - PAGE + 1, false);
	printf("unread counts (%d boards):\n", BOARDS);
	bench_unread("reader of 300 threads", 7);
	bench_unread("reader of all 10,000", 2);
	bench_unread("joined after all", NEW_READER);
	bench_unread("joined midway", MID_READER);
	printf("search (rank the newest 2,000 matches):\n");
	bench_search("rare word \"zalgiris\"", "zalgiris", true);
	bench_search("common word \"kaunas\"", "kaunas", true);
	bench_search("prefix \"kau\"", "kau", true);
	bench_search("10,000 characters kaunas-kaunas-...", long_word(), false);
	bench_close(dir, db);
	return 0;
}
