#!/usr/bin/env bash
# Wrong passwords are refused; unknown users get the same answer; three
# wrong passwords end the connection; failures are logged for fail2ban.
. "$(dirname "$0")/lib.sh"
# Short penalties, so that this script's own failures do not lock it out.
e2e_start "penalty_authfail = 1" || exit 1
add_user jonas "pienas-duona-sviestas-7" || exit 1

out=$(plain_session jonas "wrong-password-1" "q\n" 2>&1)
check "a wrong password is refused" grep -q "Permission denied" <<<"$out"
check "the failure is logged in OpenSSH's format" grep -q "Failed password for jonas from 127.0.0.1 port" "$E2E_TMP/server.log"

out=$(plain_session nosuchuser "whatever-pass-1" "q\n" 2>&1)
check "an unknown user gets the same answer" grep -q "Permission denied" <<<"$out"
check "the unknown user is logged as invalid" grep -q "Failed password for invalid user nosuchuser from 127.0.0.1" "$E2E_TMP/server.log"

# Three wrong passwords typed at the prompt end the connection.
tm_start three "$(ssh_cmd jonas -o PubkeyAuthentication=no -o PreferredAuthentications=password -o NumberOfPasswordPrompts=5)"
for i in 1 2 3; do
	# Wait for the i-th prompt before answering it.
	for _ in $(seq 1 100); do
		[ "$(tm_screen three | grep -c "assword:")" -ge "$i" ] && break
		sleep 0.1
	done
	tm_type three "bad-guess-$i"
	tm_keys three Enter
done
# The client may ask a 4th time before it notices the server hung up:
# answer it, and the connection turns out to be closed.
asked4() { [ "$(tm_screen three | grep -c "assword:")" -ge 4 ] || tm_dead three; }
eventually asked4
tm_type three "bad-guess-4"
tm_keys three Enter
check "three wrong passwords end the connection" tm_wait_dead three 10
check "there was no 4th try" test "$(tm_screen three | grep -c 'Permission denied')" -eq 3
check "the server logs the end of the attempts" grep -q "maximum authentication attempts exceeded for jonas" "$E2E_TMP/server.log"

out=$(plain_session jonas "pienas-duona-sviestas-7" "q\n" 2>&1)
check "the right password still works" grep -q "Main menu\|Pagrindinis" <<<"$out"

# fail2ban's own sshd filter, pointed at the server's log, sees the failures.
out=$(fail2ban-regex "$E2E_TMP/server.log" "sshd[_daemon=tinklas]" 2>&1)
matched=$(sed -n 's/^Lines: .* \([0-9]*\) matched.*/\1/p' <<<"$out")
check "fail2ban's sshd filter matches the failures (${matched:-0} lines)" test "${matched:-0}" -ge 3
