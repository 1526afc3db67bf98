/* The form engine: declarative fields, their values and validation. Both
 * renderers present the same form (ui/widget-form.c has both variants);
 * later the survey builder makes forms from stored questions. Labels and
 * messages are already translated when they reach a form. */
#ifndef TINKLAS_FORM_H
#define TINKLAS_FORM_H

#include <stdbool.h>
#include <stddef.h>

enum field_type {
	FIELD_TEXT,		/* one line */
	FIELD_PASSWORD,		/* one line, never shown */
	FIELD_TEXTAREA,		/* several lines */
	FIELD_CHOICE,		/* one of choices */
	FIELD_NUMBER,		/* an integer in [min, max] */
	FIELD_MULTI,		/* several of choices, at most max_chosen */
};

struct field_choice {
	char	*value;		/* stored value, e.g. "lt" */
	char	*label;		/* shown text, e.g. "Lietuvių" */
};

struct form;
struct field;

/* A field's own check beyond the built-in ones: returns NULL when the value
 * is fine, or a catalog key saying why not. */
typedef const char *(*field_check_fn)(const struct form *f,
    const struct field *fld, void *arg);

/* Whether a field is asked, from the other fields' values (a repeat's
 * details only when the event repeats; a survey's follow-up question
 * only after its answer): a hidden field is not shown, not asked in the
 * plain mode and not validated; its value stays, for the screen to
 * ignore. */
typedef bool (*field_shown_fn)(const struct form *f, void *arg);

struct field {
	char			*id;
	char			*label;
	char			*hint;		/* may be NULL */
	enum field_type		 type;
	bool			 required;
	int			 max_cp;	/* text: code points, 0 = none */
	int			 min, max;	/* number */
	char			*value;		/* text, or the chosen value; changed
						 * only by the functions below */
	size_t			 cur;		/* one-line text: the cursor, a byte
						 * offset at a grapheme boundary,
						 * always <= strlen(value) */
	struct field_choice	*choices;
	int			 nchoices;
	int			 chosen;	/* one of choices: index into
						 * choices */
	bool			*picked;	/* several of choices: nchoices
						 * flags, changed only by the
						 * functions below; value is then
						 * the picked values joined with
						 * "," in choice order */
	int			 max_chosen;	/* several of choices: at most
						 * this many, 0 = any */
	char			*error;		/* translated; NULL when fine */
	field_check_fn		 check;
	void			*check_arg;
	double			 error_arg;	/* {0} of error texts, e.g. the
						 * shortest password length */
	field_shown_fn		 shown;		/* NULL: always shown */
	void			*shown_arg;
};

struct form {
	struct field	**fields;	/* stable pointers: form_add may grow
					 * the array, never move a field */
	int		 nfields;
	int		 focus;		/* index of the focused field */
	char		*submit_label;	/* the button's text */
	bool		 asked;		/* plain mode: every field was asked
					 * once; next time ask only wrong ones */
	int		 resume;	/* plain mode: ask from this field on
					 * (the one before changed the language,
					 * so the form's text was said again) */
	bool		 quick;		/* a search: Enter in any one-line field
					 * sends it, and in plain mode q alone
					 * in the first field leaves */
};

struct form *form_new(const char *submit_label);
void form_free(struct form *f);
/* Adds a field; returns it so the caller may set hint, check, limits. The
 * pointer stays valid until form_free. */
struct field *form_add(struct form *f, const char *id, enum field_type type,
    const char *label, bool required);
/* A choice's value is a stable id; for several of choices it holds no ",". */
void field_add_choice(struct field *fld, const char *value, const char *label);
/* Sets a text value or (for choices) selects the choice with this value;
 * for several of choices value is a "," list of choice values, and exactly
 * those are picked (unknown ones are ignored; more than max_chosen stay,
 * for validation to name). The cursor stays where it was if the new text
 * is long enough, else it goes to the end. */
void field_set(struct field *fld, const char *value);

/* Editing a one-line field at its cursor (FIELD_TEXT, FIELD_PASSWORD). */
enum field_edit {
	FIELD_EDIT_OK,		/* all of it went in */
	FIELD_EDIT_FULL,	/* the field reached its limit: what fitted went
				 * in, the rest was refused */
};
/* Inserts the n bytes of UTF-8 text at the cursor in one step (a paste
 * costs one copy), the cursor after it: control characters and bad bytes
 * are dropped, and whole characters are taken while the field holds at
 * most max_cp code points (when set) and less than FIELD_VALUE_MAX bytes. */
enum field_edit field_insert(struct field *fld, const char *text, size_t n);
/* Removes the grapheme before (Backspace) or after (Delete) the cursor. */
void field_delete_back(struct field *fld);
void field_delete_forward(struct field *fld);
/* Moves the cursor by graphemes (dir -1 or +1), or to the start or end. */
void field_cursor_step(struct field *fld, int dir);
void field_cursor_home(struct field *fld);
void field_cursor_end(struct field *fld);

#define FIELD_VALUE_MAX 4096	/* bytes of a one-line value, whatever max_cp */
/* Chooses by index; out-of-range indexes are ignored. */
void field_choose(struct field *fld, int index);

/* Several of choices (FIELD_MULTI). */
enum field_toggle {
	FIELD_TOGGLE_OK,	/* the item was picked or unpicked */
	FIELD_TOGGLE_LIMIT,	/* max_chosen are picked already: nothing
				 * changed (the UI says form.multi_full) */
};
/* Picks the item index (0 <= index < nchoices) or unpicks it. */
enum field_toggle field_toggle(struct field *fld, int index);
bool field_is_chosen(const struct field *fld, int index);
/* How many items are picked. */
int field_chosen_count(const struct field *fld);
/* Parses a typed answer for several of choices: numbers from 1 and labels
 * or values (case-insensitive) separated by commas, numbers also by spaces
 * ("1,3", "1 3", "Sport, 4"); "-" alone picks none. When all of it is good
 * and within max_chosen, exactly those items are picked and NULL returned;
 * otherwise nothing changes and the translated reason (naming the unknown
 * item, or the limit) is returned, newly allocated. */
char *field_parse_multi(struct field *fld, const char *answer);

struct field *form_field(struct form *f, const char *id);
/* The index of fld in f, or -1. */
int form_index(const struct form *f, const struct field *fld);
/* The value of a field by id: text, the chosen value, or the picked
 * values joined with ","; "" if none. */
const char *form_value(const struct form *f, const char *id);

/* Sets (or with NULL clears) a field's error text, e.g. after the screen
 * found a problem on submit. */
void field_set_error(struct field *fld, const char *text);
/* Sets the error to the catalog text of key, formatted with error_arg. */
void field_set_error_key(struct field *fld, const char *key);
/* Whether fld is shown now (its shown function, if any, says yes). */
bool field_shown(const struct form *f, const struct field *fld);
/* The first shown field from index i on, stepping by dir (+1 or -1); the
 * button (nfields) going forward, the first shown field going back past
 * the start. */
int form_shown_from(const struct form *f, int i, int dir);
/* Validates one field and sets its error text. Returns true when valid. */
bool field_validate(struct form *f, struct field *fld);
/* Validates every shown field; focuses the first invalid one. True when all are
 * valid. */
bool form_validate(struct form *f);
/* Whether a choice field is a scale: three or more choices whose labels
 * are all whole numbers of one or two digits (0 to 10, 1 to 5), after a
 * first choice of value "" if there is one (a survey's "no answer"). Both
 * renderers show a scale in one row, and a number typed for it is the
 * label, not the place. */
bool field_is_scale(const struct field *fld);
/* Parses a typed answer for a choice field: a number from 1 (on a scale,
 * the label's number), or a label or value typed out (case-insensitive).
 * Returns the index or -1. */
int field_parse_choice(const struct field *fld, const char *answer);

#endif
