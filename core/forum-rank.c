/* The search's relevance: an FTS5 auxiliary function, forum_rank, that
 * scores a post by the matches in it (a title match counts three times)
 * over its length. FTS5's bm25 first counts the posts holding each word
 * (its IDF), which for a word in 800,000 posts costs ~15 ms per query
 * however few posts are ranked; the newest matches of one query all share
 * those counts, so leaving them out changes little and costs nothing. */
#include "core/forum-internal.h"

static void	rank_fn(const Fts5ExtensionApi *, Fts5Context *,
		    sqlite3_context *, int, sqlite3_value **);
static int	rank_register(sqlite3 *);

sqlite3_stmt *
forum_prepare_ranked(struct db *db, const char *sql)
{
	sqlite3_stmt *st;

	/* A connection learns the function on its first search. */
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK)
		return st;
	if (rank_register(db->h) != 0)
		return NULL;
	return db_prepare(db, sql);
}

/* Columns: 0 title, 1 body, 2 tags (filters, not scored). Lower is
 * better, as with FTS5's rank. */
static void
rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
    int nval, sqlite3_value **val)
{
	int ninst, i, phrase, col, off, ntok = 0;
	double score = 0;

	(void)nval;
	(void)val;
	if (api->xInstCount(fts, &ninst) != SQLITE_OK) {
		sqlite3_result_error(ctx, "forum_rank: no matches", -1);
		return;
	}
	for (i = 0; i < ninst; i++) {
		if (api->xInst(fts, i, &phrase, &col, &off) != SQLITE_OK)
			break;
		score += col == 0 ? 3.0 : col == 1 ? 1.0 : 0.0;
	}
	if (api->xColumnSize(fts, 1, &ntok) != SQLITE_OK)
		ntok = 0;
	sqlite3_result_double(ctx, -score / (20.0 + ntok));
}

/* Adds forum_rank to the connection's FTS5. 0 or -1. */
static int
rank_register(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->xCreateFunction(api, "forum_rank", NULL,
	    rank_fn, NULL) != SQLITE_OK)
		return -1;
	return 0;
}
