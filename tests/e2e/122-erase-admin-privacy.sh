#!/usr/bin/env bash
# The admin erases a member (`tinklas admin user erase NAME --yes`): the
# posts stay by "deleted member", the member cannot log in, the audit log
# keeps only the erasure by id. Registration shows the privacy notice with
# the site's admin_contact in all five languages, the form still whole at
# 80x24 with the longest contact, in the full screen and the plain mode;
# without the key the notice points to the moderators instead.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-erase.sh"
# 80 bytes, the most admin_contact takes (ų is two).
CONTACT="Kauno bendruomenių centras, duomenys@kaunas.example.lt, tel. +370 600 00000, 9h"
e2e_start "posts_per_minute = 50" "public_host = tinklas.example.lt:2222" \
	"admin_contact = $CONTACT" || exit 1
PW="linden-river-kaunas-42"
add_user hal "$PW" member en || exit 1
add_user bob "$PW" member en || exit 1
admin board add "Book swap" --description "Give and take" >/dev/null
post="Three crime novels to give away near the library"
check "the contact is 80 bytes long" test "$(printf '%s' "$CONTACT" | wc -c)" -eq 80

out=$(plain_session hal "$PW" "\n1\n1\nn\nCrime novels\n$post\n.\n\nq\nq\nq\nq\n" 2>&1)
check "hal's thread is published" grep -q "Your post is published." <<<"$out"

# --- the admin command, while hal is online (plain mode).
alive() { kill -0 "$1" 2>/dev/null; }
plain_start hal "$PW" "$E2E_TMP/hal.out"
plain_send "\n"
file_has "$E2E_TMP/hal.out" "1. Forums" || not_ok "hal reached the main menu"
admin user erase hal >/dev/null 2>&1; rc=$?
check "erase without --yes is a usage error (status 2)" test "$rc" -eq 2
check "and erases nothing" bash -c '"$0" admin --config "$1" user show hal >/dev/null' "$BIN" "$E2E_TMP/tinklas.conf"
admin user erase nobody-here --yes >/dev/null 2>&1; rc=$?
check "an unknown name is an error (status 1)" test "$rc" -eq 1
check "hal's session is still open before the erasure (control)" alive "$PLAIN_PID"
out=$(admin user erase hal --yes); rc=$?
check "erase --yes succeeds" test "$rc" -eq 0
check "hal's live ssh connection closes" eventually not alive "$PLAIN_PID"
check "and he is told his session was ended" \
	grep -qF "$(po_text en server.session.ended)" "$E2E_TMP/hal.out"
check "and says the posts stay" grep -q "deleted member" <<<"$out"
check_erased hal "$PW" "$post"

# --- the privacy notice in each language, on the full screen: the
# contact and the download command whole (rows joined), the form's button
# on the screen.
# joined NAME: the screen's text without blanks or line ends.
joined() { tm_screen "$1" | tr -d ' \n'; }
nospace() { tr -d ' ' <<<"$1"; }
tm_start reg "env -u LANG -u LC_ALL $(ssh_cmd new -o PubkeyAuthentication=no)"
tm_wait reg "Kalba / Language" 15 >/dev/null
for lang in lt en uk ru pl; do
	tm_wait reg "[ $(po_text $lang register.submit) ]" >/dev/null
	check "$lang: the notice holds the contact whole" \
		bash -c 'grep -qF -- "$1" <<<"$0"' "$(joined reg)" "$(nospace "$CONTACT")"
	check "$lang: and the download command" bash -c 'grep -qF -- "$1" <<<"$0"' \
		"$(joined reg)" "ssh-p2222$(po_text $lang register.privacy.name)@tinklas.example.ltmy-data.json"
	check "$lang: the notice says how long" bash -c 'grep -qF -- "$1" <<<"$0"' \
		"$(joined reg)" "$(po_text $lang register.privacy | sed 's/ Your data.*//; s/ Jūsų duomenys.*//; s/ Ваші дані.*//; s/ Ваши данные.*//; s/ Twoje dane.*//' | tr -d ' ')"
	check "$lang: the form's button is on the 80x24 screen" \
		bash -c 'tmux -L "$0" capture-pane -p -t reg | grep -qF -- "$1"' "$TMUX_SOCK" "[ $(po_text $lang register.submit) ]"
	tm_keys reg Right
done
tm_keys reg Escape

# Plain mode: the notice comes before the first question.
out=$(printf '2\n' | env -u LANG -u LC_ALL timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "plain mode shows the notice with the contact" grep -qF "Kontaktai: $CONTACT" <<<"$out"
check "before the language question" bash -c \
	'awk "/Kontaktai:/ { n = NR } /Kalba \/ Language/ { l = NR } END { exit !(n && l && n < l) }" <<<"$0"' "$out"

# Choosing another language (4: Русский) says the notice again in it,
# after the choice and before the next question, with the contact.
out=$(printf '4\n' | env -u LANG -u LC_ALL timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
ru_notice=$(po_text ru register.privacy | sed 's/ Ваши данные.*//')
check "plain mode: after choosing Русский the notice is said in Russian" \
	bash -c 'awk -v want="$1" "/Kalba \/ Language/ { l = NR } index(\$0, want) { r = NR } END { exit !(l && r && l < r) }" <<<"$0"' \
	"$out" "$ru_notice"
check "with the contact" grep -qF "Контакт: $CONTACT" <<<"$out"
check "before the next question, in Russian" bash -c \
	'awk -v want="$1" -v q="$2" "index(\$0, want) { r = NR } index(\$0, q) { n = NR } END { exit !(r && n && r < n) }" <<<"$0"' \
	"$out" "$ru_notice" "$(po_text ru register.username)"
check "the Lithuanian notice came first (control)" grep -qF "Kontaktai: $CONTACT" <<<"$out"
# The notice says what else is kept: where one connects from, and the
# posts that may stay after deletion.
check "the notice names the connection addresses" grep -qF "prisijungimo adresus" <<<"$out"
check "and the posts by a deleted member" grep -qF "„ištrintas narys“" <<<"$out"

# --- without admin_contact: the moderators, and no contact.
e2e_stop
printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" >"$E2E_TMP/tinklas.conf"
"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
e2e_listening || exit 1
out=$(printf '2\n' | env -u LANG -u LC_ALL timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "without the key the notice points to the moderators" \
	grep -qF "kreipkitės į Tinklo moderatorius" <<<"$out"
check "and names no contact" lacks "duomenys@kaunas" "$out"
check "the download command names the server by placeholder" \
	grep -qF "ssh VARDAS@$(po_text lt ssh.host_placeholder) my-data.json" <<<"$out"

# A contact longer than 80 bytes is refused with the rest of the file.
printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" "admin_contact = ${CONTACT}x" \
	>"$E2E_TMP/long.conf"
"$BIN" admin --config "$E2E_TMP/long.conf" user list >/dev/null 2>&1; rc=$?
check "an 81-byte admin_contact is refused" test "$rc" -ne 0
check "while the same file without it is taken (control)" \
	bash -c '"$0" admin --config "$1" user list >/dev/null' "$BIN" "$E2E_TMP/tinklas.conf"
