#!/usr/bin/env bash
# F6: one address may start registrations_per_hour registration sessions
# (`ssh new@host`) an hour; the next is told, in its language, to come back
# later, while guests and members from there still get in.
. "$(dirname "$0")/lib.sh"
e2e_start "registrations_per_hour = 2" || exit 1
log=$E2E_TMP/server.log
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
NEW=(ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no -o SetEnv=LANG=pl_PL.UTF-8 -o SendEnv=LANG)

for i in 1 2; do
	out=$(timeout 20 "${NEW[@]}" new@127.0.0.1 </dev/null 2>&1)
	check "registration session $i opens" bash -c '! grep -q "zbyt wiele nowych kont" <<<"$0"' "$out"
done
check "both were logged in" test "$(grep -c 'Accepted none for new\|Accepted .* for new' "$log")" -ge 2
out=$(timeout 20 "${NEW[@]}" new@127.0.0.1 </dev/null 2>&1); rc=$?
check "the third in the hour is refused, in Polish" grep -q "zbyt wiele nowych kont" <<<"$out"
check "with exit status 1" test "$rc" -eq 1
check "the refusal is logged" grep -q "Refused registration from 127.0.0.1 port [0-9]*: 2 started" "$log"
out=$(printf '\n3\nq\n' | timeout 30 "${NEW[@]}" guest@127.0.0.1 2>&1)
check "a guest from there still gets in" bash -c '! grep -q "zbyt wiele" <<<"$0"' "$out"
check "(the guest saw the forum)" grep -q "gość\|gościem\|Gość" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1)
check "a member from there still gets in" grep -q "Main menu" <<<"$out"
