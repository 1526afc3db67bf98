/* What a connection process tells the listener: its exit status and the
 * byte it writes on its status pipe. Shared by the listener's pure logic
 * (limits.c) and the connection process. */
#ifndef TINKLAS_SERVER_CONN_STATUS_H
#define TINKLAS_SERVER_CONN_STATUS_H

/* Exit statuses of a connection process, read by the listener (a death by
 * signal counts as a crash). The numbers follow OpenSSH's sshd-session. */
#define CONN_EXIT_OK		0	/* authenticated, ended normally */
#define CONN_EXIT_ERROR		1	/* server-side error: no penalty */
#define CONN_EXIT_NOAUTH	2	/* left without logging in */
#define CONN_EXIT_GRACE		3	/* login grace time exceeded */
#define CONN_EXIT_AUTHFAIL	5	/* wrong passwords or keys */
#define CONN_EXIT_REFUSED	6	/* refused by policy (session limit) */

/* The byte a connection process writes on its status pipe once it has
 * authenticated someone: a member, a guest, or a newcomer (`guest` and
 * `new`, whom the listener counts for their own limits). */
#define CONN_STATUS_AUTH	'A'
#define CONN_STATUS_GUEST	'G'
#define CONN_STATUS_REGISTER	'R'	/* `new`: a guest that registers */

#endif
