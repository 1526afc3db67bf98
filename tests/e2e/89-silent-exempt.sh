#!/usr/bin/env bash
# F7: a client that sends nothing gets silent_grace_time, far less than one
# that is negotiating; addresses in penalty_exempt never earn a penalty.
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py
e2e_start "silent_grace_time = 2" "penalty_authfail = 20" "penalty_exempt = 127.0.0.2, 10.0.0.0/8" || exit 1
log=$E2E_TMP/server.log
add_user jonas "pienas-duona-sviestas-7" member en || exit 1

out=$(/usr/bin/python3 "$PY/silent.py" "$PORT")
check "a connection that sends nothing is closed" grep -q "silent closed" <<<"$out"
check "while one that is negotiating stays" grep -q "talker still open" <<<"$out"
check "the short timeout is logged" grep -q "nothing sent within 2 s" "$log"

for src in 127.0.0.2 127.0.0.3; do
	plain_session jonas "wrong-password-entirely" "q\n" -o BindAddress=$src >/dev/null 2>&1
done
for _ in $(seq 1 50); do grep -q "penalty authfail for 127.0.0.3" "$log" && break; sleep 0.1; done
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" -o BindAddress=127.0.0.3 2>&1)
check "a failed login puts a penalty on an ordinary address" bash -c '! grep -q "Main menu" <<<"$0"' "$out"
check "the refusal is logged" grep -q "drop connection #[0-9]* from \[127.0.0.3\].*penalty" "$log"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" -o BindAddress=127.0.0.2 2>&1)
check "an exempt address still gets in after a failure" grep -q "Main menu" <<<"$out"
check "an exempt address earns no penalty" bash -c '! grep -q "penalty .* for 127.0.0.2" "$0"' "$log"
