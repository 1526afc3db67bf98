/* The wall clock, fixed by tests that must not change with the day. */
#include "common/clock.h"

#include <time.h>

static int64_t fixed;

int64_t
clock_now(void)
{
	return fixed != 0 ? fixed : (int64_t)time(NULL);
}

void
clock_fix(int64_t t)
{
	fixed = t;
}
