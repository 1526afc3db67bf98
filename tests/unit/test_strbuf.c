/* strbuf as a queue (the connection's bytes toward the UI): under a steady
 * paste that the reader never quite catches up with, the buffer stays
 * within twice its unread bytes, and what comes out is what went in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "common/strbuf.h"

#define UNREAD_MAX	(256 * 1024)	/* as server/channel.c's TO_UI_MAX */
#define CHUNK		16384		/* what libssh hands over at a time */

/* Pastes total bytes: each round adds what fits under UNREAD_MAX and
 * reads a little less than was added, so the queue is never empty. With
 * compact, the read bytes are handed to sb_consumed as the channel does.
 * Returns the largest capacity seen; checks the bytes read come in order. */
static size_t
paste(size_t total, int compact)
{
	struct strbuf sb = { 0 };
	char chunk[CHUNK];
	size_t off = 0, sent = 0, got = 0, cap = 0, room, n, i;

	while (sent < total) {
		room = UNREAD_MAX - (sb.len - off);
		n = room < CHUNK ? room : CHUNK;
		for (i = 0; i < n; i++)
			chunk[i] = (char)((sent + i) % 251);
		sb_add(&sb, chunk, n);
		sent += n;
		/* The reader takes less than came in, and never all. */
		n = sb.len - off > CHUNK ? CHUNK - 1000 : 0;
		for (i = 0; i < n; i++)
			assert_int_equal((unsigned char)sb.s[off + i],
			    (got + i) % 251);
		off += n;
		got += n;
		if (compact)
			sb_consumed(&sb, &off);
		if (sb.cap > cap)
			cap = sb.cap;
		assert_true(sb.len - off <= UNREAD_MAX);
	}
	sb_free(&sb);
	return cap;
}

static void
test_steady_paste_is_bounded(void **state)
{
	(void)state;
	/* 64 MiB pasted: the queue holds at most 256 KiB unread, so with
	 * sb_consumed its buffer stays within 1 MiB (twice, rounded up to
	 * a power of two). */
	assert_true(paste(64u << 20, 1) <= 4 * UNREAD_MAX);
	/* Control: without it, the buffer keeps everything. */
	assert_true(paste(16u << 20, 0) >= 16u << 20);
}

static void
test_consumed(void **state)
{
	struct strbuf sb = { 0 };
	size_t off;

	(void)state;
	sb_puts(&sb, "abcdefgh");
	off = 3;			/* less than half read: kept */
	sb_consumed(&sb, &off);
	assert_int_equal(off, 3);
	assert_string_equal(sb.s, "abcdefgh");
	off = 4;			/* half: dropped */
	sb_consumed(&sb, &off);
	assert_int_equal(off, 0);
	assert_string_equal(sb.s, "efgh");
	assert_int_equal(sb.len, 4);
	off = 4;			/* all */
	sb_consumed(&sb, &off);
	assert_int_equal(off, 0);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.s, "");
	sb_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consumed),
		cmocka_unit_test(test_steady_paste_is_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
