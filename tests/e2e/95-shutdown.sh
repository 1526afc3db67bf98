#!/usr/bin/env bash
# SIGTERM closes the listener and ends sessions cleanly: clients are told,
# the server exits 0, and no process is left behind. A full-screen and a
# plain session are both open when the signal comes.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1

tm_login s petras "nemunas-oak-harbour-8"
tm_wait s "How do you want" 15
plain_start petras "nemunas-oak-harbour-8" "$E2E_TMP/plain.out"
plain_send "\n"
check "the plain session is in when the signal comes" \
	file_has "$E2E_TMP/plain.out" "Main menu"
check "and still open" kill -0 "$PLAIN_PID"
# The listener, and a connection and a UI process for each session (the
# listener reads tinklas.conf; the processes it starts DATA/serve.conf).
check "the processes of this server can be seen" \
	test "$(pgrep -c -f -- "[-]-config $E2E_TMP/")" -ge 5
kill -TERM "$SERVER_PID"
rc=0
for _ in $(seq 1 150); do
	kill -0 "$SERVER_PID" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$SERVER_PID" 2>/dev/null; then rc=1; else wait "$SERVER_PID"; rc=$?; fi
SERVER_PID=
check "the server exits with status 0 after SIGTERM" test "$rc" -eq 0
check "the full-screen client is disconnected" tm_wait_dead s 10
check "the plain client is disconnected" eventually not kill -0 "$PLAIN_PID"
wait "$PLAIN_PID"; prc=$?
PLAIN_PID=
check "not by its own timeout" test "$prc" -ne 124
check "no tinklas process of this server is left" \
	not pgrep -f -- "[-]-config $E2E_TMP/"
check "the listening port is closed" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null"
