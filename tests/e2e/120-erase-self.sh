#!/usr/bin/env bash
# A member deletes their own account from Settings on the full screen:
# the explanation (what goes, what stays, the download command), the
# choice for the posts (kept here), a wrong password first (said clearly,
# nothing lost, the form stays for another try), then the right one, the
# last question, and the session ends with a goodbye. Afterwards the
# account cannot log in, its name is free, the post stays in its thread
# by "deleted member", and the audit log holds the erasure by id only.
# Last, both steps fit 80x24 whole in lt, uk, ru, pl and en.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-erase.sh"
e2e_start "posts_per_minute = 50" || exit 1
PW="linden-river-kaunas-42"
add_user erin "$PW" member en || exit 1
add_user bob "$PW" member en || exit 1
for lang in lt uk ru pl en; do add_user "f_$lang" "$PW" member "$lang" || exit 1; done
admin board add "Garden club" --description "Seeds and soil" >/dev/null
post="Who has spare tomato seeds for the balcony?"

out=$(plain_session erin "$PW" "\n1\n1\nn\nTomato seeds\n$post\n.\n\nq\nq\nq\nq\n" 2>&1)
check "erin's thread is published" grep -q "Your post is published." <<<"$out"
out=$(plain_session bob "$PW" "\n1\n1\n1\nr\nI have some, come by.\n.\n\nq\nq\nq\nq\n" 2>&1)
check "bob's reply is published" grep -q "^2\. bob" <<<"$out"
out=$(plain_session bob "$PW" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1)
check "before: bob sees erin as the thread's author" grep -q "^1\. erin" <<<"$out"

# --- erin on the full screen: Settings, its last line.
tm_menu e erin "$PW" || exit 1
n=$(tm_screen e | grep -o '[0-9]*\. Settings' | cut -d. -f1)
tm_keys e "$n"
check "Settings offers to delete the account" tm_wait e "$(po_text en settings.erase)"
n=$(tm_screen e | grep -o "[0-9]*\. $(po_text en settings.erase)" | cut -d. -f1)
tm_keys e "$n"
check "the explanation says what goes" tm_wait e "Deleting your account cannot be undone."
check "and what stays" screen_has e "Kept: your anonymous survey answers"
check "with the command that downloads her data into a file, as Your data says" \
	screen_has e "ssh erin@$(po_text en ssh.host_placeholder) my-data.json > my-data.json"
check "the explanation fits 80x24 with its choices" screen_has e "2. $(po_text en erase.back)"
tm_keys e 1
check "Continue opens the choice and the password" tm_wait e "$(po_text en erase.posts)"
check "the posts are kept unless she chooses" screen_has e "< $(po_text en erase.posts.keep) >"
tm_keys e Tab
tm_type e "not-my-password-9"
tm_keys e C-x
check "a wrong password is refused clearly" tm_wait e "$(po_text en erase.wrong_password)"
check "the form stays for another try" screen_has e "$(po_text en erase.password)"
# Nothing is lost: the account still works (a key-less check from the
# admin command, while her session stays open).
check "the account is still there after the wrong password" \
	bash -c '"$0" admin --config "$1" user show erin >/dev/null' "$BIN" "$E2E_TMP/tinklas.conf"
tm_type e "$PW"
tm_keys e Enter
# Retyped, the password is no longer called wrong: neither under the
# field nor on the message line, while the form is still there.
gone() { ! screen_has e "$(po_text en erase.wrong_password)"; }
check "the wrong-password message goes once the field is retyped" eventually gone
check "while the form is still on the screen (control)" screen_has e "[ $(po_text en erase.submit) ]"
tm_keys e C-x
check "the right password asks once more" tm_wait e "Delete your account now? Your posts stay"
check "No is the first answer, focused" bash -c 'tmux -L "$0" capture-pane -p -t e | grep -q "^ >  1\. $1"' "$TMUX_SOCK" "$(po_text en confirm.no)"
tm_keys e 2
check "the session ends" tm_wait_dead e 10
check "with a goodbye" tm_wait e "$(po_text en erase.goodbye)"

# --- afterwards.
check_erased erin "$PW" "$post"
check "bob's reply is there too" grep -q "^2\. bob" <<<"$out"

# --- 80x24 in five languages: the explanation and the form, whole.
# whole NAME TEXT: TEXT is on the screen to its last character, however
# it was wrapped (rows joined, blanks dropped).
whole() {
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$(tr -d ' ' <<<"$2")" || {
		echo "# not whole: $2"; tm_screen "$1" | sed 's/^/#   /'; return 1; }
}
for lang in lt uk ru pl en; do
	s=f$lang
	tm_login "$s" "f_$lang" "$PW"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	n=$(tm_screen "$s" | grep -o "[0-9]*\. $(po_text "$lang" menu.settings)" | cut -d. -f1)
	tm_keys "$s" "$n"
	tm_wait "$s" "$(po_text "$lang" settings.erase)" >/dev/null
	n=$(tm_screen "$s" | grep -o "[0-9]*\. $(po_text "$lang" settings.erase)" | cut -d. -f1)
	tm_keys "$s" "$n"
	tm_wait "$s" "2. $(po_text "$lang" erase.back)" >/dev/null
	check "$lang: what goes is whole" whole "$s" "$(po_text "$lang" erase.info.goes)"
	stays=$(po_text "$lang" erase.info.stays)
	check "$lang: what stays is whole, with the command" whole "$s" "${stays%\{0\}}ssh f_$lang@"
	check "$lang: both choices are on the screen" whole "$s" "1. $(po_text "$lang" erase.continue)"
	tm_keys "$s" 1
	tm_wait "$s" "$(po_text "$lang" erase.posts)" >/dev/null
	check "$lang: the form's text is whole" whole "$s" "$(po_text "$lang" erase.form.intro)"
	check "$lang: the kept posts' choice is whole" whole "$s" "< $(po_text "$lang" erase.posts.keep) >"
	check "$lang: the form's button is on the screen" whole "$s" "[ $(po_text "$lang" erase.submit) ]"
	tm_keys "$s" Escape
done
