#!/usr/bin/env bash
# Guests read without an account but cannot change settings.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

out=$(printf '\n3\nq\n' | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
	-o SetEnv=LANG=en_GB.UTF-8 -o SendEnv=LANG guest@127.0.0.1 2>&1)
check "a guest gets in without a password" grep -q "You are visiting as a guest" <<<"$out"
check "a guest cannot open settings" grep -q "Guests can read but not change anything" <<<"$out"

e2e_cleanup_guest() { :; }
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; SERVER_PID=
e2e_start "guest = no" || exit 1
out=$(printf 'q\n' | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
	-o BatchMode=yes guest@127.0.0.1 2>&1)
check "guest access can be switched off" grep -q "Permission denied" <<<"$out"
