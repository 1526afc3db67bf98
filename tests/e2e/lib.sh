# End-to-end test helpers: a real `tinklas serve` on a loopback port
# with its own data folder, driven by the real OpenSSH client inside tmux
# (full-screen) or through pipes (plain mode, ssh -T). Each script sources
# this file, calls e2e_start, and reports "ok - NAME" / "not ok - NAME".
set -u
BIN=${TINKLAS_BIN:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build/tinklas}
E2E_TMP=$(mktemp -d /tmp/tinklas-e2e.XXXXXX)
DATA=$E2E_TMP/data
# Named after the temp dir, unique while it exists: a PID ($$) comes back
# soon on a busy machine, and a server left by a killed run would be shared.
TMUX_SOCK=${E2E_TMP##*/}
SERVER_PID=
PLAIN_PID=
PORT=
export HOME=$E2E_TMP/home
mkdir -p "$HOME/.ssh"
chmod 700 "$HOME/.ssh"

e2e_cleanup() {
	tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
	[ -n "$PLAIN_PID" ] && kill "$PLAIN_PID" 2>/dev/null
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
	fi
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT

ok() { echo "ok - $*"; }
# not COMMAND...: succeeds when the command fails (for check).
not() { ! "$@"; }
not_ok() { echo "not ok - $*"; }
# check NAME COMMAND...: runs the command; ok when it succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# e2e_listening [LOG]: waits until the server just started (SERVER_PID,
# its stdout in server.out) says "Listening on 127.0.0.1:PORT", and sets
# PORT from it: the config asks for port 0, so the system picks a free one
# and parallel scripts never race for it. On failure it prints LOG
# (server.log by default).
e2e_listening() {
	local line
	for _ in $(seq 1 200); do
		line=$(grep -m1 "^Listening on " "$E2E_TMP/server.out" 2>/dev/null)
		if [ -n "$line" ]; then
			PORT=${line##*:}
			return 0
		fi
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.05
	done
	echo "server did not start:"; cat "${1:-$E2E_TMP/server.log}"
	return 1
}

# e2e_stop: ends the server (SIGTERM) before a script starts it again, and
# removes its "Listening" line, so e2e_listening reads the new one.
e2e_stop() {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	SERVER_PID=
	rm -f "$E2E_TMP/server.out"
}

# e2e_start [extra config lines...]: starts the server with a fresh data
# folder; the config file holds the lines given.
e2e_start() {
	mkdir -p "$DATA"
	printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" "$@" >"$E2E_TMP/tinklas.conf"
	"$BIN" admin --config "$E2E_TMP/tinklas.conf" init >/dev/null || return 1
	rm -f "$E2E_TMP/server.out"
	"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
	SERVER_PID=$!
	e2e_listening
}

# add_user NAME PASSWORD [ROLE] [LANG]
add_user() {
	local args=(user add "$1" --display "$1")
	[ -n "${3:-}" ] && args+=(--role "$3")
	[ -n "${4:-}" ] && args+=(--lang "$4")
	printf '%s\n' "$2" | "$BIN" admin --config "$E2E_TMP/tinklas.conf" "${args[@]}" >/dev/null
}

admin() { "$BIN" admin --config "$E2E_TMP/tinklas.conf" "$@"; }

SSH_OPTS=(-F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
	-o LogLevel=ERROR -o ConnectTimeout=10 -o SendEnv=LANG -o SendEnv=LC_ALL)
# ssh_cmd USER [ssh options...]: the client command line.
ssh_cmd() {
	local user=$1
	shift
	echo ssh "${SSH_OPTS[@]}" -p "$PORT" "$@" "$user@127.0.0.1"
}

# Plain mode without tmux: ssh -T with a password from SSH_ASKPASS; the
# answers come from stdin. plain_session USER PASSWORD INPUT [options...]
plain_session() {
	local user=$1 pw=$2 input=$3
	shift 3
	printf '#!/bin/sh\necho "%s"\n' "$pw" >"$E2E_TMP/askpass"
	chmod +x "$E2E_TMP/askpass"
	printf '%b' "$input" | SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force \
		DISPLAY=none timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
		-o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 "$@" "$user@127.0.0.1"
}

# A plain session that stays open while the script goes on:
# plain_start USER PASSWORD OUTFILE [options...] starts it in the
# background (PLAIN_PID), its input a FIFO the script holds open;
# plain_send TEXT (printf %b) types into it; plain_end closes the input.
plain_start() {
	local user=$1 pw=$2 outfile=$3
	shift 3
	printf '#!/bin/sh\necho "%s"\n' "$pw" >"$E2E_TMP/askpass"
	chmod +x "$E2E_TMP/askpass"
	rm -f "$E2E_TMP/plain.in"
	mkfifo "$E2E_TMP/plain.in"
	SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
		timeout 60 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
		-o NumberOfPasswordPrompts=1 "$@" "$user@127.0.0.1" \
		<"$E2E_TMP/plain.in" >"$outfile" 2>&1 &
	PLAIN_PID=$!
	exec {PLAIN_IN}>"$E2E_TMP/plain.in"
}
# A session already gone makes plain_send fail (it returns 1), not the
# script die of SIGPIPE: the checks after it say what went wrong.
plain_send() { (trap '' PIPE; printf '%b' "$1" >&"$PLAIN_IN") 2>/dev/null; }
plain_end() { exec {PLAIN_IN}>&-; }

# eventually COMMAND...: retries the command for up to E2E_WAIT seconds
# (10) until it succeeds: a wait for a condition, not a fixed sleep.
eventually() {
	local i
	for ((i = 0; i < ${E2E_WAIT:-10} * 10; i++)); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
# file_has FILE TEXT: FILE (a pipe-pane capture, say) holds TEXT, within
# E2E_WAIT seconds. The positive control of a negative check on the same
# capture: a check that no byte of a kind was sent must first see that the
# capture holds what was drawn.
file_has() { eventually env LC_ALL=C grep -qaF -- "$2" "$1"; }
# settled_size FILE: prints FILE's size once it is above 0 and has not
# grown for 0.3 s (what a key made the server write has all arrived).
settled_size() {
	local i n last=-1 same=0
	for ((i = 0; i < 100; i++)); do
		n=$(stat -c %s "$1" 2>/dev/null || echo 0)
		if [ "$n" -gt 0 ] && [ "$n" -eq "$last" ]; then
			same=$((same + 1))
			[ "$same" -ge 3 ] && break
		else
			same=0
		fi
		last=$n
		sleep 0.1
	done
	echo "$n"
}

# Full-screen sessions in tmux. tm_start NAME COMMAND [COLSxROWS]
# The pane is the whole window (no status line); after the client exits the
# pane stays for a while so its last screen can be read.
tm_start() {
	local size=${3:-80x24}
	# exit-empty off: the server stays when a script has closed its last
	# session, so the next tm_start never reaches a server that is exiting
	# ("server exited unexpectedly"); e2e_cleanup ends it.
	printf '%s\n' 'set -g default-terminal screen' 'set -g status off' \
		'set -g remain-on-exit on' 'set -s exit-empty off' >"$E2E_TMP/tmux.conf"
	tmux -L "$TMUX_SOCK" -f "$E2E_TMP/tmux.conf" new-session -d -s "$1" \
		-x "${size%x*}" -y "${size#*x}" "$2"
}
# tm_dead NAME: true when the client in the pane has exited.
tm_dead() { [ "$(tmux -L "$TMUX_SOCK" display -p -t "$1" '#{pane_dead}')" = 1 ]; }
# tm_wait_dead NAME [SECONDS]: waits until the client in the pane exits.
tm_wait_dead() {
	local i
	for ((i = 0; i < ${2:-10} * 10; i++)); do
		tm_dead "$1" && return 0
		sleep 0.1
	done
	return 1
}
tm_keys() { tmux -L "$TMUX_SOCK" send-keys -t "$1" "${@:2}"; }
tm_type() { tmux -L "$TMUX_SOCK" send-keys -t "$1" -l "$2"; }
tm_screen() { tmux -L "$TMUX_SOCK" capture-pane -p -t "$1"; }
tm_cursor() { tmux -L "$TMUX_SOCK" display -p -t "$1" '#{cursor_y} #{cursor_x}'; }
tm_resize() { tmux -L "$TMUX_SOCK" resize-window -t "$1" -x "$2" -y "$3"; }
# tm_wait NAME TEXT [SECONDS]: waits until TEXT is on the screen.
tm_wait() {
	local i limit=$(( ${3:-10} * 10 ))
	for ((i = 0; i < limit; i++)); do
		# With some history: a last line may scroll off as a client exits.
		tmux -L "$TMUX_SOCK" capture-pane -p -S -30 -t "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	echo "--- screen of $1 while waiting for: $2"
	tm_screen "$1"
	echo "---"
	return 1
}
# tm_press NAME KEY...: sends the keys and waits until the screen changes
# (for screens whose text a script cannot name, e.g. transliterated).
tm_press() {
	local before
	before=$(tm_screen "$1")
	tm_keys "$@"
	eventually tm_differs "$1" "$before"
}
# screen_has NAME TEXT: TEXT is on the screen now.
screen_has() { tm_screen "$1" | grep -qF -- "$2"; }
tm_differs() { [ "$(tm_screen "$1")" != "$2" ]; }
# tm_login NAME USER PASSWORD: connects in tmux and types the password.
tm_login() {
	tm_start "$1" "$(ssh_cmd "$2" -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive)"
	tm_wait "$1" "assword" 10 || return 1
	tm_type "$1" "$3"
	tm_keys "$1" Enter
}
# tm_menu NAME USER PASSWORD: logs an English-speaking member in for the
# first time, answers the mode question (full screen) and the welcome, and
# waits for the main menu.
tm_menu() {
	tm_login "$1" "$2" "$3" &&
	tm_wait "$1" "How do you want" 15 && tm_keys "$1" Enter &&
	tm_wait "$1" "Continue to the main menu" && tm_keys "$1" Enter &&
	tm_wait "$1" "Main menu"
}

# tm_menu_first NAME USER PASSWORD: the same in any language: logs in for
# the first time and takes the first line of the mode question (the full
# screen) and of the welcome ("1. Continue"); each Enter waits for the
# screen it leaves to go.
tm_menu_first() {
	tm_login "$1" "$2" "$3" || return 1
	eventually bash -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$1' | grep -q '^ *> *1\. '"
	tm_press "$1" Enter
	eventually bash -c "tmux -L '$TMUX_SOCK' capture-pane -p -t '$1' | grep -q '^ *> *1\. '"
	tm_press "$1" Enter
}

# po_text LANG KEY: the catalog's text (i18n/po/LANG.po), its \" unescaped.
PO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../i18n/po" && pwd)
po_text() {
	awk -v key="$2" '$1 == "msgctxt" && $2 == "\"" key "\"" { hit = 1; next }
		hit && $1 == "msgstr" { sub(/^msgstr "/, ""); sub(/"$/, ""); print; exit }' \
		"$PO/$1.po" | sed 's/\\"/"/g'
}

# tm_again NAME USER PASSWORD: a later full-screen login (no mode
# question), up to the main menu.
tm_again() {
	tm_login "$1" "$2" "$3" &&
	tm_wait "$1" "Continue to the main menu" 15 && tm_keys "$1" Enter &&
	tm_wait "$1" "Main menu"
}

# ssh_run USER PASSWORD CMD OUT: `ssh USER@host CMD` (an exec command),
# its stdout in OUT and stderr in OUT.err, its status in $rc.
ssh_run() {
	printf '#!/bin/sh\necho "%s"\n' "$2" >"$E2E_TMP/askpass.run"
	chmod +x "$E2E_TMP/askpass.run"
	SSH_ASKPASS="$E2E_TMP/askpass.run" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
		LANG=en_GB.UTF-8 timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" \
		-o PubkeyAuthentication=no "$1@127.0.0.1" "$3" \
		</dev/null >"$4" 2>"$4.err"
	rc=$?
}

# feeds_port: the port of the latest "Feeds listening on" line (after
# file_has waited for one).
feeds_port() {
	local line
	line=$(grep "^Feeds listening on " "$E2E_TMP/server.out" | tail -n 1)
	[ -n "$line" ] && echo "${line##*:}"
}
