/* What the full-screen renderer drew, read back from ncurses' screen: the
 * tests' pictures of screens (tests/golden). */
#ifndef TINKLAS_RENDER_CAPTURE_H
#define TINKLAS_RENDER_CAPTURE_H

/* Gives the current ncurses screen (the one render_full started) the size
 * rows x cols, as a terminal of that size would. */
void capture_resize(int rows, int cols);
/* The screen's cells as UTF-8 text, one line per row with its trailing
 * blanks cut (as tmux's capture-pane), then "cursor ROW,COL" (from 0),
 * then for each row with cells shown other than plain a line such as
 * "row 3: 1-17 bold+reverse 30-40 pair2" (columns from 0, both ends in;
 * pairs as the renderer numbered them). Newly allocated. */
char *capture_screen(void);

#endif
