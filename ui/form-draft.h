/* A form's draft (core/drafts.h), for the screens where members write:
 * offered back when the form opens again at the same place, stored at
 * each pause in typing (and when the session ends) when it changed,
 * deleted when sent or discarded. The forums' editor and the private
 * messages' writing form share it, so a dropped connection loses neither. */
#ifndef TINKLAS_FORM_DRAFT_H
#define TINKLAS_FORM_DRAFT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/drafts.h"

struct app;
struct view;

struct form_draft {
	enum draft_kind	 kind;
	int64_t		 place;
	struct draft	 offer;		/* the draft found at opening */
	bool		 offering;	/* asking: continue or discard */
	char		*kept;		/* what was stored last; NULL: none */
	bool		 done;		/* sent or discarded: keep no more */
};

/* Looks for the member's draft at (kind, place): d->offering when found. */
void form_draft_open(struct app *app, struct form_draft *d,
    enum draft_kind kind, int64_t place);
/* While offering: the question and its two answers, on v. */
void form_draft_describe(struct form_draft *d, struct view *v);
/* The answer chosen (0 continue, 1 discard; others ignored). Returns true
 * when the caller should fill its form from d->offer now (then call
 * form_draft_taken); discarding deletes the draft and says so. */
bool form_draft_answer(struct app *app, struct form_draft *d, int index);
/* After the form was filled from the offer: what it holds is kept. */
void form_draft_taken(struct form_draft *d, const char *title,
    const char *body, const char *lang);
/* Stores title, body and lang when they differ from what was kept last;
 * with nothing written (empty true) the stored draft goes instead. */
void form_draft_keep(struct app *app, struct form_draft *d, const char *title,
    const char *body, const char *lang, bool empty);
/* Sent or discarded: the draft goes and nothing more is kept. */
void form_draft_done(struct app *app, struct form_draft *d);
void form_draft_free(struct form_draft *d);

#endif
