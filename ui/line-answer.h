/* The plain mode's answers: what a line typed at a menu prompt means. Pure
 * parsing over a view, with no terminal, so it can be fuzzed
 * (tests/fuzz/fuzz_answer.c). */
#ifndef TINKLAS_UI_LINE_ANSWER_H
#define TINKLAS_UI_LINE_ANSWER_H

#include <stdbool.h>

struct view;
struct ui_event;

/* The number typed to choose item i: its own number (a post's), or its
 * place from 1. */
long long line_item_number(const struct view *v, int i);
/* Parses a menu answer: a number, an action letter (perhaps with the
 * number of the item it is for: "x 8"), l, q, ?, < or >. Returns false
 * when the answer means nothing here; *list when it asks for the page.
 * Fills ev (and *focus for "x 8") when true. */
bool line_parse_answer(const struct view *v, const char *line, int *focus,
    struct ui_event *ev, bool *list);

#endif
