/* Requests for the two reusable dialog screens: pick one of a few options
 * (screen_choice) and confirm before something destructive
 * (screen_confirm). The screen copies what it needs from the request. */
#ifndef TINKLAS_DIALOGS_H
#define TINKLAS_DIALOGS_H

#include "core/error.h"

#include <stdbool.h>
#include <stdint.h>

struct app;

struct choice_req {
	const char	*title_key;
	const char	*help_key;
	/* Filled by choice_add, any number of them; the screen copies them,
	 * and the caller frees its request with choice_req_free. */
	const char	**labels;		/* translated; not owned */
	int64_t		*values;		/* what each option stands for */
	int		 n;
	int		 cap;
	int		 current;
	const char	*current_key;	/* the current one's mark; NULL: "in use" */
	int64_t		 arg;			/* what the choice is about */
	/* Applies option index; returns the catalog key of the notice, or
	 * NULL when it put another screen in the choice's place
	 * (app_replace; req is gone then). */
	const char	*(*apply)(struct app *app, const struct choice_req *req,
			    int index);
};

/* Adds an option to a choice request, growing its arrays (doubling). */
void choice_add(struct choice_req *req, const char *label, int64_t value);
/* Frees the request's arrays (not the labels, which it borrows). */
void choice_req_free(struct choice_req *req);

struct confirm_req {
	const char	*question;		/* already translated */
	/* Does the thing; returns the catalog key of the notice. */
	const char	*(*yes)(struct app *app, int64_t arg);
	int64_t		 arg;
	bool		 close_below;	/* yes also closes the screen below */
};

/* A short form for a reason (reports, moderation), with a number of days
 * when days_key is set (suspensions). The title names the action, about
 * the post or thread it is for. */
struct reason_req {
	const char	*title_key;
	const char	*title;		/* translated, naming what it is for
					 * (copied); NULL: title_key */
	const char	*help_key;
	const char	*label_key;	/* NULL: "reason.label" */
	const char	*about;		/* translated, copied; may be NULL */
	const char	*days_key;	/* NULL: no days field */
	/* Does the thing; returns CORE_OK, or the refusal shown on the form
	 * under its field ("reason", "days"; none: the reason). */
	struct core_error (*apply)(struct app *app, int64_t arg,
			    const char *reason, int days);
	const char	*done_key;	/* the notice after it worked */
	int64_t		 arg;
};

#endif
