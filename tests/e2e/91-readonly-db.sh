#!/usr/bin/env bash
# F9: a database the server cannot write is named at start, and a member
# is told that Tinklas is not available (not that the session limit is
# reached); a missing host key is logged with its reason.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null; then
	echo "ok - # skip: needs root and setpriv to run the server as nobody"
	exit 0
fi
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
e2e_stop
chown -R nobody "$DATA"
chmod 0400 "$DATA/tinklas.db"
rm -f "$DATA"/tinklas.db-wal "$DATA"/tinklas.db-shm
chmod 0755 "$E2E_TMP"
setpriv --reuid=nobody --regid=nogroup --clear-groups "$BIN" serve --config "$E2E_TMP/tinklas.conf" \
	>"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
e2e_listening || exit 1
log=$E2E_TMP/server.log
check "the start names the unwritable database" grep -q "is not writable.*members cannot log in" "$log"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1); rc=$?
check "a member is told Tinklas is not available" grep -q "Tinklas is not available right now" <<<"$out"
check "not that the session limit is reached" bash -c '! grep -q "sessions\? open" <<<"$0"' "$out"
check "with exit status 1" test "$rc" -eq 1
check "the log says the session could not be recorded" grep -q "Cannot record the session of jonas" "$log"
check "and not that the limit was reached" bash -c '! grep -q "Refused session for jonas" "$0"' "$log"

mv "$DATA/host_ed25519_key" "$DATA/host_key.away"
plain_session jonas "pienas-duona-sviestas-7" "\nq\n" >/dev/null 2>&1
check "a missing host key is logged with its reason" \
	grep -q "cannot load the host key .*host_ed25519_key: No such file or directory" "$log"
