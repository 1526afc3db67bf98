#!/usr/bin/env bash
# SIGHUP reloads the configuration without dropping sessions: a live
# full-screen session survives every reload; new sessions get the new
# message of the day; a broken file is refused with one log line naming
# the file, the line and what is wrong, and the old settings stay (serve
# and the admin commands say the same of a bad file); a new listen address
# waits for a restart (logged) while the rest of the file applies.
. "$(dirname "$0")/lib.sh"
e2e_start "motd = First notice of the day" || exit 1
CONF=$E2E_TMP/tinklas.conf
PW=linden-river-kaunas-42
add_user ruta "$PW" member en

tm_login live ruta "$PW"
tm_wait live "How do you want" 15 && tm_keys live Enter
check "the live session's welcome shows the motd" tm_wait live "First notice of the day"
tm_keys live Enter
tm_wait live "Main menu" >/dev/null

# motd NAME: a new plain session's welcome, in $E2E_TMP/NAME.out.
motd_session() {
	plain_session ruta "$PW" "\nq\n" >"$E2E_TMP/$1.out" 2>&1
}

sed -i 's/^motd = .*/motd = Second notice of the day/' "$CONF"
motd_session before
check "an edited file does not reach new sessions before the reload" \
	grep -q "First notice of the day" "$E2E_TMP/before.out"

kill -HUP "$SERVER_PID"
check "SIGHUP reloads the file" file_has "$E2E_TMP/server.log" "Reloaded $CONF"
motd_session second
check "a new session after the reload reaches the main menu" grep -q "Main menu" "$E2E_TMP/second.out"
check "and its welcome shows the new motd" grep -q "Second notice of the day" "$E2E_TMP/second.out"
check "not the old one" not grep -q "First notice of the day" "$E2E_TMP/second.out"
check "the live session is still there" not tm_dead live
check "and answers a key" tm_press live "?"
tm_keys live q
tm_wait live "Main menu" >/dev/null

# A broken file: a new motd, and a line without "=" on line 4.
printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" "motd = Third notice of the day" \
	"this line is broken" >"$CONF"
kill -HUP "$SERVER_PID"
check "a broken file is refused with one line naming the file and line" \
	file_has "$E2E_TMP/server.log" "reload refused: $CONF:4: expected key = value; the settings in force stay"
motd_session broken
check "a new session after the refused reload reaches the main menu" grep -q "Main menu" "$E2E_TMP/broken.out"
check "with the motd in force before it" grep -q "Second notice of the day" "$E2E_TMP/broken.out"
check "not the broken file's" not grep -q "Third notice of the day" "$E2E_TMP/broken.out"
check "the refusal counts as an error for admin status" \
	bash -c '"$0" admin --data "$1" status | grep -qx "Errors in the last 24 hours: 1"' "$BIN" "$DATA"

# A value out of its kind: the refusal says what is wrong, with the line,
# and echoes the value escaped (an escape sequence stays out of the log).
printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" "motd = Fifth notice of the day" \
	"idle_timeout = banana" >"$CONF"
kill -HUP "$SERVER_PID"
check "a refused value is named with its reason" \
	file_has "$E2E_TMP/server.log" "reload refused: $CONF:4: 'idle_timeout' must be a whole number from 1 to 1440, not 'banana'; the settings in force stay"
printf '%s\n' "data = $DATA" "no_such_key = 1" "admin_contact = $(printf '%090d' 0)" >"$CONF"
kill -HUP "$SERVER_PID"
check "an unknown key is refused as unknown" \
	file_has "$E2E_TMP/server.log" "reload refused: $CONF:2: unknown setting 'no_such_key'; the settings in force stay"
motd_session fifth
check "after the refused values new sessions keep the motd in force" \
	grep -q "Second notice of the day" "$E2E_TMP/fifth.out"
check "not the refused file's" not grep -q "Fifth notice of the day" "$E2E_TMP/fifth.out"

# The serve start and the admin commands read the file with the same
# parser and say the same; the file in force is their control.
BAD=$E2E_TMP/bad.conf
printf '%s\n' "data = $DATA" "admin_contact = $(printf '%090d' 0)" >"$BAD"
printf 'data = %s\n' "$DATA" >"$E2E_TMP/good.conf"
check "admin status reads a good file" \
	bash -c '"$0" admin --config "$1" status | grep -q "Errors in the last 24 hours"' "$BIN" "$E2E_TMP/good.conf"
"$BIN" admin --config "$BAD" status >"$E2E_TMP/admin-bad.out" 2>&1
rc=$?
check "admin with a too long value fails" test "$rc" -ne 0
check "and says what is wrong, in one line" \
	test "$(cat "$E2E_TMP/admin-bad.out")" = "tinklas: $BAD:2: 'admin_contact' is longer than 80 bytes (it has 90)"
printf '%s\n' "data = $DATA" "listen = 127.0.0.1" >"$BAD"
timeout 60 "$BIN" serve --config "$BAD" >"$E2E_TMP/serve-bad.out" 2>&1
rc=$?
check "serve with a bad listen does not start" test "$rc" -ne 0
check "and says the form listen takes, in one line" \
	test "$(cat "$E2E_TMP/serve-bad.out")" = "tinklas: $BAD:2: 'listen' must be HOST:PORT or [IPv6]:PORT, PORT from 0 to 65535, not '127.0.0.1'"
check "the old wording is gone" not grep -q "bad setting" "$E2E_TMP/server.log"

# A new port waits for a restart; the rest of the file applies.
printf '%s\n' "listen = 127.0.0.1:1" "data = $DATA" "motd = Fourth notice of the day" >"$CONF"
kill -HUP "$SERVER_PID"
check "a new listen address is logged as needing a restart" \
	file_has "$E2E_TMP/server.log" "listen = 127.0.0.1 port 1 needs a restart; still listening on 127.0.0.1:$PORT"
file_has "$E2E_TMP/server.log" "Reloaded $CONF" >/dev/null
motd_session fourth
check "the server still listens on its port, with the new motd" \
	grep -q "Fourth notice of the day" "$E2E_TMP/fourth.out"

check "after every reload the live session is still there" not tm_dead live
check "and still answers" tm_press live "?"
check "the server is still running" kill -0 "$SERVER_PID"
check "it ended no session" not grep -q "ending .* sessions" "$E2E_TMP/server.log"
