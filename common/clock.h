/* The wall clock the program shows and stores: time(NULL), unless a test
 * fixed it (clock_fix), so that what a screen says about times ("10
 * minutes ago", a post's date) and the times stored beside it stay the
 * same from one run to the next (tests/golden). */
#ifndef TINKLAS_CLOCK_H
#define TINKLAS_CLOCK_H

#include <stdint.h>

/* Seconds since the epoch. */
int64_t clock_now(void);
/* From now on clock_now() returns t; 0 gives the real clock back. */
void clock_fix(int64_t t);

#endif
