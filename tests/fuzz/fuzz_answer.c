/* libFuzzer target for ui/line-answer.c, the plain mode's answer parser:
 * the first bytes build a view (items with their own numbers or not,
 * action letters, earlier and later pages), the rest is the line typed.
 * Checks that an answer it takes names an item, an action or a page the
 * view has, and that an answer it refuses changes nothing. Build:
 * `make fuzz`. */
#include "ui/line-answer.h"
#include "ui/ui.h"
#include "ui/view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ITEMS_MAX 40
#define ACTIONS_MAX	16	/* more than any screen offers today */

/* The next byte of the input, or 0 at its end. */
static uint8_t
next(const uint8_t *data, size_t size, size_t *i)
{
	return *i < size ? data[(*i)++] : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct view_item items[ITEMS_MAX];
	struct view_action actions[ACTIONS_MAX];
	struct view v;
	struct ui_event ev = { .type = EV_REDRAW, .index = -7, .key = -7 };
	size_t i = 0;
	uint8_t flags;
	int k, focus, focus0;
	bool list, taken, known = false;
	char *line;

	memset(&v, 0, sizeof v);
	memset(items, 0, sizeof items);
	memset(actions, 0, sizeof actions);
	flags = next(data, size, &i);
	v.nitems = next(data, size, &i) % (ITEMS_MAX + 1);
	v.items = items;
	v.more_before = flags & 1;
	v.more_after = flags & 2;
	for (k = 0; k < v.nitems; k++)
		/* Posts' numbers: large, perhaps repeated, or 0 (the place). */
		if (flags & 4)
			items[k].number = (long long)next(data, size, &i) *
			    ((flags & 8) ? 100003 : 1);
	v.nactions = next(data, size, &i) % (ACTIONS_MAX + 1);
	v.actions = actions;
	for (k = 0; k < v.nactions; k++)
		v.actions[k].key = 'a' + next(data, size, &i) % 26;
	focus = focus0 = v.nitems > 0 ? (int)(flags >> 4) % v.nitems : 0;
	if ((line = malloc(size - i + 1)) == NULL)
		abort();
	memcpy(line, data + i, size - i);
	line[size - i] = '\0';

	taken = line_parse_answer(&v, line, &focus, &ev, &list);
	if (!taken) {
		if (ev.type != EV_REDRAW || ev.index != -7 || ev.key != -7 ||
		    focus != focus0 || list)
			abort();
	} else if (list) {
		if (ev.type != EV_REDRAW || focus != focus0)
			abort();
	} else {
		switch (ev.type) {
		case EV_BACK:
		case EV_HELP:
			known = true;
			break;
		case EV_PAGE:
			known = (ev.index == -1 && v.more_before) ||
			    (ev.index == 1 && v.more_after);
			break;
		case EV_SELECT:
			known = ev.index >= 0 && ev.index < v.nitems;
			break;
		case EV_ACTION:
			for (k = 0; k < v.nactions; k++)
				known |= v.actions[k].key == ev.key;
			break;
		default:
			break;
		}
		/* A number chooses its item; a letter may name one; nothing
		 * else moves the focus. */
		if (!known || focus < 0 || (v.nitems > 0 && focus >= v.nitems) ||
		    (ev.type == EV_SELECT && focus != ev.index) ||
		    (ev.type != EV_ACTION && ev.type != EV_SELECT &&
		    focus != focus0))
			abort();
	}
	free(line);
	return 0;
}
