#!/usr/bin/env bash
# F2: an auth request pipelined right behind the client's NEWKEYS runs the
# auth callbacks inside the key exchange; the connection process must not
# crash (it used to dereference the database before opening it).
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py
e2e_start || exit 1
log=$E2E_TMP/server.log
add_user tester "pienas-duona-sviestas-7" || exit 1
ssh-keygen -q -t ed25519 -N "" -f "$E2E_TMP/key" || exit 1
admin key add tester "$(cat "$E2E_TMP/key.pub")" >/dev/null 2>&1

out=$(/usr/bin/python3 "$PY/auth-pipelined.py" "$PORT" 127.0.0.1 password tester 2>&1)
check "a pipelined password request leaves the connection alive" grep -q "active after 1 s: True" <<<"$out"
check "the pipelined password was checked" grep -q "Failed password for tester from 127.0.0.1" "$log"
out=$(/usr/bin/python3 "$PY/auth-pipelined.py" "$PORT" 127.0.0.1 publickey tester "$E2E_TMP/key" 2>&1)
check "a pipelined publickey request leaves the connection alive" grep -q "active after 1 s: True" <<<"$out"
# Once the listener has reaped both connection processes, a crash would
# be in the log.
check "the connection processes have ended" eventually not pgrep -P "$SERVER_PID"
check "no connection process crashed" bash -c '! grep -q "crashed" "$0"' "$log"
check "no crash penalty" bash -c '! grep -q "penalty crash" "$0"' "$log"
