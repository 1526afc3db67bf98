#!/usr/bin/env bash
# Exec requests run only names from a fixed table; anything else gets a
# clear error and exit status 1. No shell is ever started.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
printf '#!/bin/sh\necho "pienas-duona-sviestas-7"\n' >"$E2E_TMP/askpass"
chmod +x "$E2E_TMP/askpass"

out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no jonas@127.0.0.1 \
	'cat /etc/passwd' </dev/null 2>&1)
rc=$?
check "an unknown exec command exits with status 1" test "$rc" -eq 1
check "an unknown exec command gets a clear error" grep -q "unknown command" <<<"$out"
check "nothing was executed" bash -c "! grep -q 'root:' <<<\"\$0\"" "$out"
out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no -s jonas@127.0.0.1 \
	sftp </dev/null 2>&1)
rc=$?
check "a subsystem request is refused" test "$rc" -ne 0
