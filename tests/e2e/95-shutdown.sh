#!/usr/bin/env bash
# SIGTERM closes the listener and ends sessions cleanly: clients are told,
# the server exits 0, and no process is left behind.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1

tm_login s petras "nemunas-oak-harbour-8"
tm_wait s "How do you want" 15
out=$(plain_session petras "nemunas-oak-harbour-8" "\n" 2>&1 &)
sleep 0.5
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
check "no tinklas process of this server is left" bash -c "! pgrep -f -- '[-]-data $DATA' >/dev/null"
check "the listening port is closed" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null"
