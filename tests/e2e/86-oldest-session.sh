#!/usr/bin/env bash
# Over the session limit, a shell is asked (in the member's language)
# whether to end the oldest session and continue; 1 does, in full screen and
# in plain mode, anything else leaves. A command (exec) is only refused.
. "$(dirname "$0")/lib.sh"
e2e_start "sessions_per_account = 1" || exit 1
log=$E2E_TMP/server.log
add_user jonas "pienas-duona-sviestas-7" member en || exit 1

tm_menu first jonas "pienas-duona-sviestas-7" || exit 1
tm_login second jonas "pienas-duona-sviestas-7"
check "full screen: the refusal offers to end the oldest session" \
	tm_wait second "Type 1 to end your oldest session" 15
check "full screen: it says why" tm_wait second "You already have 1 session open" 2
tm_keys second 1
check "full screen: 1 ends the oldest session" tm_wait_dead first 15
check "full screen: and continues here" tm_wait second "Continue to the main menu" 15
check "the ending is logged" grep -q "Ending the oldest session of jonas" "$log"
tm_keys second Enter
tm_wait second "Main menu" 10

out=$(plain_session jonas "pienas-duona-sviestas-7" "2\n" 2>&1); rc=$?
check "plain: the refusal offers to end the oldest session" grep -q "Type 1 to end your oldest session" <<<"$out"
check "plain: anything else leaves with exit status 1" test "$rc" -eq 1
alive() { ! tm_dead "$1"; }
check "plain: leaving ends nothing" alive second
out=$(plain_session jonas "pienas-duona-sviestas-7" "1\n\nq\n" 2>&1)
check "plain: 1 continues to the main menu" grep -q "Main menu" <<<"$out"
check "plain: 1 ended the full-screen session" tm_wait_dead second 15

tm_login third jonas "pienas-duona-sviestas-7"
check "a new session opens once the others ended" tm_wait third "Continue to the main menu" 15
printf '#!/bin/sh\necho "pienas-duona-sviestas-7"\n' >"$E2E_TMP/askpass"
out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no jonas@127.0.0.1 \
	'list' </dev/null 2>&1); rc=$?
check "a command over the limit is refused, status 1" test "$rc" -eq 1
check "a command over the limit is not asked" bash -c '! grep -q "Type 1" <<<"$0"' "$out"
check "a command over the limit ends nothing" alive third
