#!/usr/bin/env bash
# Forms in the plain line mode: a refusal is said once; a text far over the
# limit keeps what fits and says so, the session stays small and keeps
# flowing (2 MB behind a long page); over ssh -T (no pty, so the client
# echoes) every password question is warned about first, with key login
# offered, while over a pty (TERM=dumb) the password is not echoed.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 2" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
add_user oksana "dnipro-kyiv-chestnut-9" member en || exit 1
admin board add "Language club" --description "We learn" >/dev/null
db() { sqlite3 -cmd ".timeout 5000" "$DATA/tinklas.db" "$@"; }

# Ruta may post twice a minute: a thread, a reply, then a refused reply;
# she leaves the form with ! and answers Yes to leaving.
out=$(plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\nFirst thread\nHello all.\n.\n\nr\nOne.\n.\n\nr\nTwo.\n.\n\n!\n2\nq\nq\nq\nq\n" 2>&1)
check "the third post in a minute is refused" grep -q "You are posting very fast" <<<"$out"
check "the refusal is said once" test "$(grep -c "You are posting very fast" <<<"$out")" -eq 1

# Jonas sends a 30,000-character line, then 200 kB more: the line is kept
# in pieces up to the limit, the rest is dropped as it comes, nothing is
# sent back.
long=$(printf 'y%.0s' $(seq 1 30000))
more=$(printf "%01000d\\\\n" $(seq 1 200))
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n1\n1\nr\n$long\n$more.\n\nq\nq\nq\nq\n" 2>&1)
check "a long line is kept up to the limit" \
	test "$(db "SELECT length(body), body = '$(head -c 20000 <<<"$long")' FROM posts WHERE seq = 3")" = "20000|1"
check "the limit is said for the long line too" grep -q "The text has reached its limit" <<<"$out"
check "the session does not send the text back" test "${#out}" -lt 100000

# A line of 12,000 two-byte letters comes in pieces of the read buffer:
# no letter is cut in two.
uk=$(printf 'ї%.0s' $(seq 1 12000))
out=$(plain_session oksana "dnipro-kyiv-chestnut-9" "\n1\n1\n1\nr\n$uk\n.\n\nq\nq\nq\nq\n" 2>&1)
check "a long line of two-byte letters is kept whole" \
	test "$(db "SELECT length(body), body = '$uk' FROM posts WHERE author_id = (SELECT id FROM accounts WHERE name = 'oksana')")" = "12000|1"

# Then 25 numbered lines of 1,000 characters: the first 20,000
# characters are kept, to the character, and he is told once.
text=""
for i in $(seq -w 1 25); do text+="L$i:$(printf 'x%.0s' $(seq 1 995))\n"; done
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n1\n1\nr\n$text.\n\nq\nq\nq\nq\n" 2>&1)
check "the text over the limit is published" grep -q "Your post is published." <<<"$out"
check "the limit is said, once" test "$(grep -c "The text has reached its limit of 20,000 characters" <<<"$out")" -eq 1
check "exactly the limit is kept" test "$(db "SELECT length(body) FROM posts WHERE seq = 5")" = 20000
want=$(printf '%b' "$text" | head -c 20000 | sha1sum)
check "nothing that fitted is lost" test "$(db "SELECT body FROM posts WHERE seq = 5" | head -c 20000 | sha1sum)" = "$want"

# 2 MB while a long page (two posts of 20,000 characters) is still on its
# way: more than the connection process holds for the UI. It used to stall
# (the rest stayed in libssh, and the client's window stayed full).
out=$(plain_session oksana "dnipro-kyiv-chestnut-9" "\n1\n1\n1\nr\n$(printf "%01000d\\\\n" $(seq 1 2000)).\n\nq\nq\nq\nq\n" 2>&1)
check "2 MB behind a long page do not stall the session" grep -q "Your post is published." <<<"$out"
check "and only the limit is kept of them" \
	test "$(db "SELECT length(body) FROM posts WHERE seq = 6")" = 20000

# Registration over ssh -T, in Ukrainian: the warning comes before the
# password question, and the account is made.
input="3\nolena\nОлена\ndnipro-sunflower-field-3\ndnipro-sunflower-field-3\n\nq\n"
out=$(printf '%b' "$input" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
warn="через це з’єднання (ssh -T) те, що ви вводите, видно на екрані"
check "over ssh -T the password echo is announced, in the user's language" grep -qF "$warn" <<<"$out"
check "the warning offers ssh -t and an SSH key" grep -qF "з ssh -t. З ключем SSH (Налаштування, Ключі SSH)" <<<"$out"
check "the warning comes before the password question" bash -c \
	"awk '/ssh -T\\)/ { w = NR } /^Пароль\$/ && !p { p = NR } END { exit !(w && p && w < p) }' <<<\"\$0\"" "$out"
check "the account is made" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show olena | grep -q 'Олена'"
# Changing the password over ssh -T (Settings, 6th entry) warns too.
out=$(plain_session olena "dnipro-sunflower-field-3" "\n3\n6\n!\nq\nq\nq\n" 2>&1)
check "changing the password over ssh -T warns first" grep -qF "$warn" <<<"$out"

# Over a pty with TERM=dumb: plain mode, typing is echoed by the pty, but
# not the password, and no warning is needed.
tm_start d "env TERM=dumb $(ssh_cmd new -o PubkeyAuthentication=no)"
tm_wait d "Polski" 15
tm_type d "2"; tm_keys d Enter
tm_wait d "User name"
tm_type d "petras"; tm_keys d Enter
tm_wait d "Your name as others see it"
tm_type d "Petras"; tm_keys d Enter
tm_wait d "Password"
tm_type d "kaunas-hidden-words-77"; tm_keys d Enter
tm_wait d "Password again"
tm_type d "kaunas-hidden-words-77"; tm_keys d Enter
check "over a pty the account is made" tm_wait d "Your account is ready" 10
screen=$(tmux -L "$TMUX_SOCK" capture-pane -p -S -100 -t d)
check "over a pty what is typed is echoed" grep -q "petras" <<<"$screen"
check "over a pty the password is not echoed" bash -c "! grep -q 'kaunas-hidden-words' <<<\"\$0\"" "$screen"
check "over a pty no echo warning is given" bash -c "! grep -q 'ssh -T' <<<\"\$0\"" "$screen"
