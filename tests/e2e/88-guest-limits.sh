#!/usr/bin/env bash
# F3: guest and registration sessions are limited per address (and in all),
# a logged-in connection that starts no shell or command is ended after
# shell_wait_time, and the listener refuses connections cleanly before it
# runs out of file descriptors.
. "$(dirname "$0")/lib.sh"
e2e_start "guest_sessions_per_source = 2" "shell_wait_time = 2" || exit 1
log=$E2E_TMP/server.log
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
GUEST=(ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no -o SetEnv=LANG=en_GB.UTF-8 -o SendEnv=LANG)

tm_start g1 "${GUEST[*]} guest@127.0.0.1"
tm_start g2 "${GUEST[*]} new@127.0.0.1"
check "a first guest gets in" tm_wait g1 "guest" 15
check "a second (registration) gets in" tm_wait g2 "assword" 15
out=$(printf 'q\n' | timeout 30 "${GUEST[@]}" -T guest@127.0.0.1 2>&1); rc=$?
check "a third guest from the same address is refused" grep -q "Too many sessions are open right now" <<<"$out"
check "with exit status 1" test "$rc" -eq 1
check "the refusal is logged" grep -q "Refused guest from 127.0.0.1 port [0-9]*: 2 guest and registration sessions" "$log"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1)
check "a member from the same address still gets in" grep -q "Main menu" <<<"$out"

tmux -L "$TMUX_SOCK" kill-server
timeout 20 "${GUEST[@]}" -N guest@127.0.0.1 </dev/null >/dev/null 2>&1; rc=$?
check "a guest that starts no shell is disconnected" test "$rc" -ne 124
check "that is logged" grep -q "No shell or command from guest (127.0.0.1 port [0-9]*) within 2 s" "$log"

# A second server with a small open-file limit: 48 - 32 for itself.
e2e_stop
printf '%s\n' "guest_sessions_per_source = 100" "shell_wait_time = 60" "per_source_max_startups = 100" \
	"max_startups = 100:100:100" >>"$E2E_TMP/tinklas.conf"
(ulimit -n 48; exec "$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server2.log") &
SERVER_PID=$!
e2e_listening "$E2E_TMP/server2.log" || exit 1
GUEST=(ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no -o SetEnv=LANG=en_GB.UTF-8 -o SendEnv=LANG)	# its new port
pids=()
for i in $(seq 1 20); do
	timeout 60 "${GUEST[@]}" -N guest@127.0.0.1 </dev/null >/dev/null 2>&1 &
	pids+=($!)
done
for _ in $(seq 1 200); do
	grep -q "the most the open-file limit allows" "$E2E_TMP/server2.log" && break
	sleep 0.1
done
check "past the open-file budget connections are refused cleanly" \
	grep -q "connections open, the most the open-file limit allows" "$E2E_TMP/server2.log"
check "the listener never ran out of file descriptors" \
	bash -c '! grep -q "Too many open files" "$0"' "$E2E_TMP/server2.log"
kill "${pids[@]}" 2>/dev/null
wait "${pids[@]}" 2>/dev/null
# The guests' connection processes end as their clients go.
for _ in $(seq 1 20); do
	out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1)
	grep -q "Main menu" <<<"$out" && break
	sleep 0.5
done
check "once they left, a member gets in again" grep -q "Main menu" <<<"$out"
