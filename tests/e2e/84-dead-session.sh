#!/usr/bin/env bash
# A session whose client is gone without a word (a laptop gone to sleep)
# stops counting toward the session limit once the client has not answered
# the server's keepalives for client_alive_interval x client_alive_count_max
# seconds. The client is frozen with SIGSTOP: its kernel still acknowledges,
# but nothing answers.
. "$(dirname "$0")/lib.sh"
e2e_start "sessions_per_account = 1" "client_alive_interval = 1" "client_alive_count_max = 3" || exit 1
log=$E2E_TMP/server.log
add_user jonas "pienas-duona-sviestas-7" member en || exit 1

# tmux wakes a pane's own process when it stops: the client runs one
# shell below it.
tm_start asleep "$(ssh_cmd jonas -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive); true"
tm_wait asleep "assword" 10 && tm_type asleep "pienas-duona-sviestas-7" && tm_keys asleep Enter
tm_wait asleep "How do you want" 15 || exit 1
out=$(plain_session jonas "pienas-duona-sviestas-7" "2\n" 2>&1)
check "while the client answers, its session counts" grep -q "Type 1" <<<"$out"
client=$(pgrep -P "$(tmux -L "$TMUX_SOCK" display -p -t asleep '#{pane_pid}')" ssh) || exit 1
kill -STOP "$client"
ended=no
for _ in $(seq 1 300); do
	grep -q "Timeout, client not responding from jonas" "$log" && { ended=yes; break; }
	sleep 0.1
done
check "the server ends the session of a client that stopped answering" test "$ended" = yes
out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1)
check "the dead session no longer counts toward the limit" grep -q "Main menu" <<<"$out"
check "and no limit question was asked" bash -c '! grep -q "Type 1" <<<"$0"' "$out"
kill -CONT "$client"
