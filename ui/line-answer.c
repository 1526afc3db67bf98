/* The plain mode's answer parser (see line-answer.h), apart from the line
 * renderer's terminal work. */
#include "ui/line-answer.h"
#include "ui/keys.h"
#include "ui/ui.h"
#include "ui/view.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

long long
line_item_number(const struct view *v, int i)
{
	return v->items[i].number != 0 ? v->items[i].number : i + 1;
}

/* The item typed by its number, or -1. */
static int
find_number(const struct view *v, const char *s)
{
	char *end;
	long long n;
	int i;

	while (*s == ' ')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	n = strtoll(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*end != '\0')
		return -1;
	for (i = 0; i < v->nitems; i++)
		if (line_item_number(v, i) == n)
			return i;
	return -1;
}

/* Parses a menu answer: a number, an action letter (perhaps with the
 * number of the item it is for: "x 8"), l, q, ?, < or >. Returns false
 * when the answer means nothing here; *list when it asks for the page. */
bool
line_parse_answer(const struct view *v, const char *line, int *focus,
    struct ui_event *ev, bool *list)
{
	const struct key_def *d;
	int i, key, idx;

	*list = false;
	/* One key alone: a plain command word of the table (q, Q, ?, l, L,
	 * < and > when there is such a page). */
	if (line[0] != '\0' && line[1] == '\0' &&
	    (d = keys_find((unsigned char)line[0] < 0x80 ?
	    tolower((unsigned char)line[0]) : 0, KM_PLAIN, KW_BROWSE)) != NULL)
		switch (d->sem) {
		case KS_BACK: ev->type = EV_BACK; return true;
		case KS_HELP: ev->type = EV_HELP; return true;
		case KS_LIST: *list = true; return true;
		case KS_PAGE:
			if (!(line[0] == '<' ? v->more_before : v->more_after))
				return false;
			ev->type = EV_PAGE;
			ev->index = line[0] == '<' ? -1 : 1;
			return true;
		default:
			break;	/* the search: a screen's letter */
		}
	/* The number also makes its item the chosen one, as the full
	 * screen's digit moves the focus: the letters that follow act on
	 * it, not on the item chosen before. */
	if ((idx = find_number(v, line)) >= 0) {
		*focus = idx;
		ev->type = EV_SELECT;
		ev->index = idx;
		return true;
	}
	if (line[0] == '/')
		key = '/';
	else if ((line[0] | 0x20) >= 'a' && (line[0] | 0x20) <= 'z')
		key = line[0] | 0x20;
	else
		return false;
	idx = -1;
	if (line[1] != '\0' && (idx = find_number(v, line + 1)) < 0)
		return false;
	for (i = 0; i < v->nactions; i++)
		if (line_key(v->actions[i].key) == key) {
			if (idx >= 0)
				*focus = idx;
			ev->type = EV_ACTION;
			ev->key = v->actions[i].key;
			return true;
		}
	return false;
}

