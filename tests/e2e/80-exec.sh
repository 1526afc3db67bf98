#!/usr/bin/env bash
# Exec requests run only the domains' outputs (core/output.h), each
# in a freshly exec'd `tinklas exec` that never holds the host key; who may
# run what is checked; anything else gets a clear error and exit status 1.
# No shell is ever started.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
printf '%s\n' "pienas-duona-sviestas-7" |
	admin user add ruta --display "Rūta Petraitė" --lang pl >/dev/null || exit 1
admin user set-role ruta moderator >/dev/null || exit 1
printf '#!/bin/sh\necho "pienas-duona-sviestas-7"\n' >"$E2E_TMP/askpass"
chmod +x "$E2E_TMP/askpass"
# member COMMAND [ssh options...]: runs COMMAND as jonas (or $AS); output
# in $out, status in $rc.
member() {
	local cmd=$1 user=${AS:-jonas}
	shift
	out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
		timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no "$@" \
		"$user@127.0.0.1" "$cmd" </dev/null 2>&1)
	rc=$?
}
guest() {
	local cmd=$1
	shift
	out=$(timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no "$@" \
		guest@127.0.0.1 "$cmd" </dev/null 2>&1)
	rc=$?
}
no_escapes() { ! grep -q $'\x1b' <<<"$1"; }

member 'cat /etc/passwd'
check "an unknown exec command exits with status 1" test "$rc" -eq 1
check "an unknown exec command gets a clear error" grep -q "unknown command" <<<"$out"
check "nothing was executed" bash -c "! grep -q 'root:' <<<\"\$0\"" "$out"
member 'help;id'
check "a known name with more after it is unknown" grep -q "unknown command" <<<"$out"
check "... and exits with status 1" test "$rc" -eq 1

member whoami
check "whoami exits with status 0" test "$rc" -eq 0
check "whoami says the user name" grep -q "User name: jonas\." <<<"$out"
check "whoami says the role" grep -q "Role: member\." <<<"$out"
check "whoami prints no escape codes" no_escapes "$out"
member whoami -o SetEnv=LANG=uk_UA.UTF-8
check "whoami follows the member's language (en), not the client's" \
	grep -q "User name: jonas\." <<<"$out"
AS=ruta member whoami -o SetEnv=LANG=en_GB.UTF-8
check "whoami speaks the member's own language (pl) and role" \
	grep -q "Nazwa użytkownika: ruta\. Wyświetlana nazwa: Rūta Petraitė\. Rola: moderator\." <<<"$out"

member help
check "help exits with status 0" test "$rc" -eq 0
check "help says who you are" grep -q "You are logged in as .*(jonas)\." <<<"$out"
check "help lists help for a member" grep -q "^  help " <<<"$out"
check "help lists whoami for a member" grep -q "^  whoami " <<<"$out"

guest help -o SetEnv=LANG=en_GB.UTF-8
check "a guest may run help" test "$rc" -eq 0
check "help tells a guest they are a guest" grep -q "You are visiting as a guest\." <<<"$out"
check "a guest's help lists help" grep -q "^  help " <<<"$out"
check "a guest's help does not list whoami (members only)" \
	bash -c "! grep -q '^  whoami ' <<<\"\$0\"" "$out"
guest whoami -o SetEnv=LANG=en_GB.UTF-8
check "a guest may not run whoami: status 1" test "$rc" -eq 1
check "a guest may not run whoami: told so" grep -q "You may not run whoami here" <<<"$out"
check "... and no account is shown" bash -c "! grep -q 'User name' <<<\"\$0\"" "$out"
guest help -o SetEnv=LANG=lt_LT.UTF-8
check "a guest's help is in the client's language (lt)" \
	grep -q "Lankotės kaip svečias\." <<<"$out"
guest help -tt -o SetEnv=LANG=en_GB.UTF-8
check "with a pty (ssh -t) help still runs" grep -q "You are visiting as a guest\." <<<"$out"
check "... its lines end in CR LF, as a raw terminal needs" \
	grep -q $'You are visiting as a guest\\.\r$' <<<"$out"
guest nosuch -o SetEnv=LANG=uk_UA.UTF-8
check "an unknown command is refused in the client's language (uk)" \
	grep -q "невідома команда" <<<"$out"
check "... with status 1" test "$rc" -eq 1

out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no -s jonas@127.0.0.1 \
	sftp </dev/null 2>&1)
rc=$?
check "a subsystem request is refused" test "$rc" -ne 0

# The exec'd process never holds the host key. The server runs again under
# strace, which records every process's execve, openat and close_range:
# the command's process closes every descriptor above stderr and execs
# `tinklas exec` (a new memory image: nothing of the connection process's
# memory, where the key is, survives), with the key in neither its argv nor
# its environment, and never opens the key file afterwards. The positive
# control: the same trace shows the listener opening the key file.
e2e_stop
strace -f -qq -v -s 400 -e trace=execve,openat,close_range -o "$E2E_TMP/trace" \
	"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>>"$E2E_TMP/server.log" &
STRACE_PID=$!
SERVER_PID=$STRACE_PID
e2e_listening	# the new port (listen = 127.0.0.1:0)
SERVER_PID=$(pgrep -P "$STRACE_PID" -x tinklas)
member whoami
check "whoami runs under strace too" grep -q "User name: jonas\." <<<"$out"
kill -TERM "$SERVER_PID"
SERVER_PID=
wait "$STRACE_PID" 2>/dev/null
trace=$E2E_TMP/trace
pid=$(grep -E '^[0-9]+ +execve\(.*"exec", ' "$trace" | awk '{print $1}' | head -n 1)
check "the trace shows the command's process exec'ing tinklas exec" test -n "$pid"
pid=${pid:-none}
check "positive control: the trace shows the listener opening the host key" \
	grep -qE '^[0-9]+ +openat\(.*host_ed25519_key"' "$trace"
check "the command's argv is account, language and command only" \
	grep -qE "^$pid +execve\(\"[^\"]*tinklas\", \[\"[^\"]*tinklas\", \"exec\", \"--config\", \"[^\"]*\", \"--data\", \"[^\"]*\", \"--account\", \"[0-9]+\", \"--lang\", \"[a-z]+\", \"--\", \"whoami\"\], \[\"TERM=dumb\", \"LANG=C.UTF-8\", \"PATH=/usr/bin:/bin\", \"TINKLAS_DATA=[^\"]*\"\]" "$trace"
check "the key is not named in its argv or environment" \
	bash -c "! grep -E '^$pid +execve' \"\$0\" | grep -q host_ed25519_key" "$trace"
first() { grep -nE "^$pid +$1" "$trace" | head -n 1 | cut -d: -f1; }
closed=$(first 'close_range\(3, 4294967295')
execd=$(first 'execve\(')
check "it closed every descriptor above stderr before exec" \
	test -n "$closed" -a -n "$execd" -a "${closed:-0}" -lt "${execd:-0}"
check "it exec'd successfully (a new memory image)" \
	grep -qE "^$pid +(execve\(.*|<\.\.\. execve resumed>.*)\) = 0$" "$trace"
check "it opened files after exec (the trace follows it)" \
	grep -qE "^$pid +openat\(.*tinklas\.db\"" "$trace"
check "it never opened the host key" \
	bash -c "! grep -E '^$pid +openat\(' \"\$0\" | grep -q host_ed25519_key" "$trace"
