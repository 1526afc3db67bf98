/* Drafts: what a member is writing in the editor, kept as they write so
 * that a dropped connection loses nothing. One draft per account and
 * place: a board (a new thread: title and text), a thread (a reply), a
 * post (an edit) or a member (a private message). Sending or discarding deletes it; drafts older than
 * DRAFT_MAX_AGE are forgotten, and an account keeps at most DRAFT_MAX of
 * them (the oldest go first). */
#ifndef TINKLAS_DRAFTS_H
#define TINKLAS_DRAFTS_H

#include <stdint.h>

struct db;

#define DRAFT_MAX		20		/* per account */
#define DRAFT_MAX_AGE		(30 * 86400)	/* seconds */

enum draft_kind {
	DRAFT_THREAD,	/* place: the board */
	DRAFT_REPLY,	/* place: the thread */
	DRAFT_EDIT,	/* place: the post */
	DRAFT_MESSAGE,	/* place: the member written to; 0: the user name
			 * typed is the title */
};

struct draft {
	char	*title;		/* "" unless DRAFT_THREAD */
	char	*body;
	char	 lang[8];	/* the post's language, "" for the user's */
	int64_t	 updated;	/* when it was last saved */
};

/* Keeps (or replaces) the draft of account at place. The text is
 * sanitised like a post and cut to the forums' limits (title 120, body
 * 20,000 code points), so a draft can always be sent once it is short
 * enough. A draft with neither title nor text is deleted instead. 0 or -1. */
int draft_save(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id, const char *title, const char *body, const char *lang);
/* The draft of account at place: 0 with *out filled (free with
 * draft_clear), 1 when there is none (or it expired), -1 on error. */
int draft_get(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id, struct draft *out);
/* Deletes the draft of account at place (none is fine). 0 or -1. */
int draft_delete(struct db *db, int64_t account_id, enum draft_kind kind,
    int64_t place_id);
void draft_clear(struct draft *d);

#endif
