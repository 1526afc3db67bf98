#!/usr/bin/env bash
# SIGHUP reloads the configuration without dropping sessions: a live
# full-screen session survives every reload; new sessions get the new
# message of the day; a broken file is refused with one log line naming
# the file and the line, and the old settings stay; a new listen address
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

# A new port waits for a restart; the rest of the file applies.
printf '%s\n' "listen = 127.0.0.1:1" "data = $DATA" "motd = Fourth notice of the day" >"$CONF"
kill -HUP "$SERVER_PID"
check "a new listen address is logged as needing a restart" \
	file_has "$E2E_TMP/server.log" "listen = 127.0.0.1 port 1 needs a restart; still listening on 127.0.0.1:$PORT"
file_has "$E2E_TMP/server.log" "Reloaded $CONF" >/dev/null
motd_session fourth
check "the server still listens on its port, with the new motd" \
	grep -q "Fourth notice of the day" "$E2E_TMP/fourth.out"

check "after three reloads the live session is still there" not tm_dead live
check "and still answers" tm_press live "?"
check "the server is still running" kill -0 "$SERVER_PID"
check "it ended no session" not grep -q "ending .* sessions" "$E2E_TMP/server.log"
