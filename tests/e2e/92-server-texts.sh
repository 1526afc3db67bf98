#!/usr/bin/env bash
# The server's own texts: the keyboard-interactive password prompt is one
# fixed text in the five languages, the same for every name (it tells
# nothing of which names exist); the other messages come from the catalogs.
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py
e2e_start || exit 1
add_user olena "dnipro-sunflower-field-3" member uk || exit 1
known=$(/usr/bin/python3 "$PY/kbd-prompt.py" "$PORT" olena)
unknown=$(/usr/bin/python3 "$PY/kbd-prompt.py" "$PORT" nobody-here)
check "the prompt names the password in every language" \
	test "$known" = "prompt=[Slaptažodis / Password / Пароль / Hasło: ]"
check "an unknown name gets the very same prompt" test "$known" = "$unknown"

# The server's own messages come whole from the catalogs, in the member's
# language (the session-limit text was cut mid-letter at 160 bytes).
printf '#!/bin/sh\necho "dnipro-sunflower-field-3"\n' >"$E2E_TMP/askpass"
chmod +x "$E2E_TMP/askpass"
out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no olena@127.0.0.1 \
	'ls' </dev/null 2>&1)
check "an unknown command is refused in Ukrainian" grep -q "tinklas: невідома команда" <<<"$out"
kill -TERM "$SERVER_PID"; wait "$SERVER_PID"; SERVER_PID=
sed -i '$a sessions_per_account = 1' "$E2E_TMP/tinklas.conf"
"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q Listening "$E2E_TMP/server.out" 2>/dev/null && break; sleep 0.05; done
add_user dmitri "neva-bridges-at-night-5" member ru || exit 1
tm_login first dmitri "neva-bridges-at-night-5"
tm_wait first "Как вы хотите" 15
out=$(plain_session dmitri "neva-bridges-at-night-5" "2\n" 2>&1)
check "the session-limit text is whole in Russian" \
	grep -q "У вас уже открыт 1 сеанс — это максимум для одной учётной записи\.$" <<<"$out"
check "and the question too" grep -q "Введите 1, чтобы завершить самый старый сеанс" <<<"$out"
