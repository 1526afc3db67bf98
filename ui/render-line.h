/* The plain line renderer's frame (ui/render-line.c) as its widgets
 * (ui/widget-*.c) use it: writing, reading lines, the prompt. */
#ifndef TINKLAS_RENDER_LINE_H
#define TINKLAS_RENDER_LINE_H

#include <stdbool.h>

struct app;
struct view;

#define LINE_MAX_BYTES 4096

/* Writes text as it may reach the terminal: sanitised, ASCII if needed. */
void line_out(struct app *app, const char *text);
/* The same, and frees owned. */
void line_outf(struct app *app, char *owned);

/* READ_PART: a piece of a line too long for the buffer (multi-line text
 * keeps it; the rest of the line follows). */
enum read_result { READ_LINE, READ_PART, READ_TIMEOUT, READ_EOF };

/* Reads one line (without its end) into line (size LINE_MAX_BYTES). A
 * line longer than that is dropped whole, unless pieces is set: then it
 * comes as READ_PARTs (each ending on a whole UTF-8 sequence) and a last
 * READ_LINE. */
enum read_result line_read(struct app *app, char *line, int timeout_ms,
    bool pieces);
/* Reads a line with echo off (passwords) when the input is a terminal. */
enum read_result line_read_secret(struct app *app, char *line,
    int timeout_ms);
/* "[Where, posts 1-10 of 12] Chosen: post 8 by Jonas. Type a number..." */
void line_prompt(struct app *app, const char *title, const struct view *v,
    int focus);

#endif
