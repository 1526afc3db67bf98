#!/usr/bin/env bash
# `tinklas admin who` and `tinklas admin session end ID` (issue 11): the
# live sessions with id, who, part, since and address; ending one closes
# its ssh connection and lands in the audit log. The record is reliable:
# a row whose pid is alive but started at another time (a reused pid) is
# not a live session, and a restarted server removes the dead rows left by
# the one before.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
PASS="linden-river-kaunas-42"
add_user ana "$PASS" member en || exit 1
DB=$DATA/tinklas.db
alive() { kill -0 "$1" 2>/dev/null; }

plain_start ana "$PASS" "$E2E_TMP/ana.out"
plain_send "\n"
file_has "$E2E_TMP/ana.out" "1. Forums" || not_ok "ana reached the main menu"
mkfifo "$E2E_TMP/guest.in"
LANG=en_GB.UTF-8 timeout 60 ssh "${SSH_OPTS[@]}" -T -p "$PORT" guest@127.0.0.1 \
	<"$E2E_TMP/guest.in" >"$E2E_TMP/guest.out" 2>&1 &
GUEST=$!
exec {GUEST_IN}>"$E2E_TMP/guest.in"
file_has "$E2E_TMP/guest.out" "1. " || not_ok "the guest is connected"

who_has() { admin who | grep -qE -- "$1"; }
check "admin who counts the member and the guest" eventually who_has "^Online now: 2 sessions \(1 member, 1 guest\)$"
check "it lists ana on the main menu, from 127.0.0.1" who_has "^[0-9]+ +member +ana +menu +.* 127\.0\.0\.1$"
check "it lists the guest" who_has "^[0-9]+ +guest +- +"
check "admin session list says the same" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" session list | grep -q ' ana '"

# A row for a live pid (this script's shell) with another start time: a
# pid the kernel reused. It is not listed, and it is gone from the table.
sqlite3 "$DB" "INSERT INTO sessions (pid, starttime, kind, started) VALUES ($$, 1, 'guest', strftime('%s','now'))"
check "a reused pid is not a live session" who_has "^Online now: 2 sessions \(1 member, 1 guest\)$"
check "... and its row is pruned" test "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE pid = $$")" = 0
# Positive control: the same pid with its real start time is listed.
start=$(awk '{print $22}' /proc/$$/stat)
sqlite3 "$DB" "INSERT INTO sessions (pid, starttime, kind, started) VALUES ($$, $start, 'guest', strftime('%s','now'))"
check "the same pid with its real start time is live" who_has "^Online now: 3 sessions \(1 member, 2 guests\)$"
sqlite3 "$DB" "DELETE FROM sessions WHERE pid = $$"

id=$(admin who | awk '$2 == "member" && $3 == "ana" { print $1 }')
check "ana's session has an id" test -n "$id"
check "ana's connection is open (positive control)" alive "$PLAIN_PID"
admin session end "$id" >"$E2E_TMP/end.out" 2>&1
check "admin session end ends it" grep -qx "session $id ended" "$E2E_TMP/end.out"
check "ana's ssh connection closes" eventually not alive "$PLAIN_PID"
wait "$PLAIN_PID" 2>/dev/null
PLAIN_PID=
check "ana is told her session was ended" grep -qF "Your session was ended." "$E2E_TMP/ana.out"
check "admin who no longer lists ana, the guest still" \
	bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" who >\"$E2E_TMP/who\" &&
		grep -qE '^[0-9]+ +guest ' \"$E2E_TMP/who\" && ! grep -q ' ana ' \"$E2E_TMP/who\""
check "the audit log keeps it" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep -q \"session.end.*session $id\""
check "ending it again says there is no such live session" \
	bash -c "! \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" session end $id 2>&1 | grep -q 'ended' &&
		! \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" session end $id 2>/dev/null"
check "a bad id is a usage error" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" session end abc 2>/dev/null; [ \$? = 2 ]"

printf 'q\nq\n' >&"$GUEST_IN"
exec {GUEST_IN}>&-
wait "$GUEST"
check "when the guest leaves nobody is online" eventually who_has "^Online now: 0 sessions \(0 members, 0 guests\)$"

# A server that died leaves rows behind: the next one removes those whose
# process is gone (a sleep that ended stands for a connection that ended
# with it) and keeps the live one (this shell stands for a connection
# process that outlived the server: it still serves its client).
sleep 300 &
gone=$!
gone_start=$(awk '{print $22}' /proc/$gone/stat)
kill "$gone"
wait "$gone" 2>/dev/null
e2e_stop
sqlite3 "$DB" "INSERT INTO sessions (pid, starttime, kind, started) VALUES ($gone, $gone_start, 'guest', strftime('%s','now'))"
sqlite3 "$DB" "INSERT INTO sessions (pid, starttime, kind, started) VALUES ($$, $start, 'guest', strftime('%s','now'))"
check "both rows are there while no server runs (positive control)" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM sessions")" = 2
"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
e2e_listening || exit 1
check "the restarted server removed the dead row" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE pid = $gone")" = 0
check "... and kept the live one" \
	test "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE pid = $$")" = 1
check "... and says so in its log" grep -q "Sessions of an earlier server still open: 1" "$E2E_TMP/server.log"
