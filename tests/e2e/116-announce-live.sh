#!/usr/bin/env bash
# A moderator's announcement reaches every live session at once, over the
# real ssh client: `tinklas admin announce` from the console; a full-screen
# session in the middle of typing a thread's title shows it on its status
# line with the half-typed word intact and the cursor where it was (the
# word is whole after typing on), and a second one likewise while she is
# in the middle of a word in the post's editor; a plain session says each
# at its next prompt, once. A later login sees it on the welcome screen, in both modes;
# after `--clear` a new login does not (its welcome is there: the control).
# A plain session in a form hears one on a line of its own before the
# next question. The console refuses what is too wide in any script
# (Cyrillic, CJK, emoji: it sets no locale, yet measures as the UI does)
# in its own words, and prints the current one as a whole line.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 200" || exit 1
RUTA_PW="linden-river-kaunas-42"
JONAS_PW="pienas-duona-sviestas-7"
EGLE_PW="sodas-vasara-liepa-2024"
add_user ruta "$RUTA_PW" member en || exit 1
add_user jonas "$JONAS_PW" member en || exit 1
add_user egle "$EGLE_PW" member en || exit 1
admin board add "Language club" >/dev/null
NEWS="Žalgiris hall closed Friday, meet at the library"

# The console refuses what would not fit on a status line, and says so.
long="$NEWS and bring a friend"
admin announce "$long" >/dev/null 2>"$E2E_TMP/long.err"
check "admin announce refuses a text wider than 50 columns (exit 1)" test $? -eq 1
check "with the console's own message, its width and the limit" \
	grep -qF "announcement not set: it is 67 columns wide, at most 50" "$E2E_TMP/long.err"
check "not the form's words (nothing is kept on a command line)" \
	not grep -qi "kept" "$E2E_TMP/long.err"
out=$(admin announce)
check "nothing is announced yet" test "$out" = "no announcement"

# ruta, full screen: Forums -> Language club -> n (a new thread); she types
# half of a word into the title.
tm_menu r ruta "$RUTA_PW" || exit 1
tm_keys r 1
tm_wait r "Language club"
tm_keys r Enter
tm_wait r "New thread"
tm_keys r n
tm_wait r "Title"
tm_type r "Žalgiris even"
check "ruta's half word is in the title field" tm_wait r "Žalgiris even"

# jonas, plain mode, waits at the main menu.
OUT="$E2E_TMP/jonas.out"
plain_start jonas "$JONAS_PW" "$OUT"
jonas=$PLAIN_PID
plain_send '\n'
check "jonas reaches the main menu" file_has "$OUT" "Notifications"
check "before any announcement jonas is told none (the menu came)" \
	not grep -q "Announcement" "$OUT"

# ruta's screen has settled (the pause after typing redraws it once).
sleep 2.5
before=$(tm_cursor r)
out=$(admin announce "$NEWS")
check "admin announce says it is set" grep -q "announcement set" <<<"$out"
check "the audit log has it" eval 'admin audit | grep -q "announcement.set"'

status_has() { tm_screen r | head -n 1 | grep -qF "Announcement: $NEWS"; }
check "ruta's status line shows the announcement" eventually status_has
check "ruta's cursor stayed where it was ($before)" test "$(tm_cursor r)" = "$before"
check "the half word is still in the title field" eval 'tm_screen r | grep -q "Žalgiris even"'
tm_type r "ing"
check "typing on makes the word whole" tm_wait r "Žalgiris evening"
title_row=$(tm_screen r | grep -n "Žalgiris evening" | head -n 1 | cut -d: -f1)
check "the cursor is right after the word (3 columns on, same row)" \
	test "$(tm_cursor r)" = "${before% *} $(( ${before#* } + 3 ))"
check "the title is on the cursor's row" test "$(( title_row - 1 ))" = "${before% *}"

# jonas's next prompt says it.
plain_send 'l\n'
check "jonas's next prompt says the announcement" \
	file_has "$OUT" "Announcement: $NEWS"

# In the post's editor too: a second announcement comes while ruta is in
# the middle of a word of the text; it takes the status line, the cursor
# stays and the word is whole after typing on.
NEWS2="Choir at six tonight"
tm_keys r Tab
tm_type r "Bring your own cu"
check "ruta's half word is in the editor" tm_wait r "Bring your own cu"
sleep 2.5
before=$(tm_cursor r)
admin announce "$NEWS2" >/dev/null
status2() { tm_screen r | head -n 1 | grep -qF "Announcement: $NEWS2"; }
check "the second announcement takes the status line" eventually status2
check "the cursor in the editor stayed where it was ($before)" \
	test "$(tm_cursor r)" = "$before"
tm_type r "ps"
check "the editor's word is whole after typing on" tm_wait r "Bring your own cups"
check "the title is still whole" eval 'tm_screen r | grep -q "Žalgiris evening"'
check "the editor's cursor is 2 columns on" \
	test "$(tm_cursor r)" = "${before% *} $(( ${before#* } + 2 ))"

# jonas's next prompt says the second one; each was said once.
plain_send 'l\n'
check "jonas's next prompt says the second announcement" \
	file_has "$OUT" "Announcement: $NEWS2"
plain_send 'l\n'
listed() { [ "$(grep -c '^2\. Notifications' "$OUT")" -ge "$1" ]; }
check "the menu came again" eventually listed 4
check "each is said once, not at every prompt" \
	test "$(grep -c "Announcement: " "$OUT")" -eq 2

# A later login sees the current one on the welcome screen: full screen
# (egle) ...
admin announce "$NEWS" >/dev/null
tm_login e egle "$EGLE_PW"
tm_wait e "How do you want" 15 && tm_keys e Enter
# (The paragraph wraps at 80 columns: the line with the label.)
check "a new full-screen login sees it on the welcome screen" \
	tm_wait e "): ${NEWS% the library}"
check "labelled as the announcement" tm_wait e "Announcement ("
# ... and plain mode.
out=$(plain_session egle "$EGLE_PW" "\nq\n" 2>&1)
check "a new plain login sees it on the welcome screen" \
	grep -qF "): $NEWS" <<<"$out"

out=$(admin announce --clear)
check "admin announce --clear clears it" grep -q "announcement cleared" <<<"$out"
check "the clearing is audited" eval 'admin audit | grep -q "announcement.clear"'
out=$(plain_session egle "$EGLE_PW" "\nq\n" 2>&1)
check "after --clear a new login has its welcome screen" \
	grep -q "Continue to the main menu" <<<"$out"
check "and no announcement on it" not grep -q "Announcement" <<<"$out"
admin announce --clear >/dev/null 2>&1
check "clearing again says there is none (exit 1)" test $? -eq 1

plain_send 'q\n'
plain_end
wait "$jonas"
PLAIN_PID=

# A plain session in a form (a new thread) hears an announcement made
# while it answers the title: on a line of its own before the next
# question, not run into the "published" notice after the form.
OUT2="$E2E_TMP/egle.out"
plain_start egle "$EGLE_PW" "$OUT2"
plain_send '\n1\n1\nn\n'
check "egle's form asks the title" file_has "$OUT2" "Your answer (? is help"
MID="Plain mode mid-text announcement"
admin announce "$MID" >/dev/null
plain_send 'Kettle club\n'
check "the announcement is said in the form" file_has "$OUT2" "Announcement: $MID"
plain_send 'We meet on Monday.\n.\n\n'
check "the post is published (the notice came)" file_has "$OUT2" "Your post is published."
# (Without a pty nothing echoes the answer, so a line may start with
# the question's prompt; nothing else may come before it, nor after.)
check "the announcement is a line of its own" \
	grep -qaE "(^|cancels\): )Announcement: $MID\$" "$OUT2"
check "said before the form ended" eval \
	'test "$(grep -n "Announcement: $MID" "$OUT2" | cut -d: -f1)" -lt \
	    "$(grep -n "Your post is published" "$OUT2" | cut -d: -f1)"'
check "said once" test "$(grep -c "Announcement: $MID" "$OUT2")" -eq 1
check "the published notice is not run into it" \
	not grep -q "published.*Announcement" "$OUT2"
plain_send 'q\nq\nq\nq\n'
plain_end
wait "$PLAIN_PID"
PLAIN_PID=

# The console measures the width of any script the same way (it never
# sets a locale): Cyrillic one column, CJK and emoji two.
rep() { printf "%.0s$1" $(seq "$2"); }
admin announce "$(rep Ж 51)" >/dev/null 2>"$E2E_TMP/w.err"
check "51 Cyrillic letters are refused (exit 1)" test $? -eq 1
check "as 51 columns wide" grep -qF "it is 51 columns wide, at most 50" "$E2E_TMP/w.err"
admin announce "$(rep 漢 26)" >/dev/null 2>"$E2E_TMP/w.err"
check "26 CJK characters are refused (exit 1)" test $? -eq 1
check "as 52 columns wide" grep -qF "it is 52 columns wide" "$E2E_TMP/w.err"
admin announce "$(rep 漢 80)" >/dev/null 2>&1
check "80 CJK characters are refused (exit 1)" test $? -eq 1
admin announce "$(rep 😀 60)" >/dev/null 2>"$E2E_TMP/w.err"
check "60 emoji are refused (exit 1)" test $? -eq 1
check "as 120 columns wide" grep -qF "it is 120 columns wide" "$E2E_TMP/w.err"
check "none of them was announced (the plain one stands)" \
	eval 'admin announce | grep -qF "$MID"'
check "nor audited" test "$(admin audit | grep -c "announcement.set")" -eq 4
admin announce "$(rep Ж 50)" >/dev/null
check "50 Cyrillic letters fit (exit 0)" test $? -eq 0
admin announce "$(rep 漢 25)" >/dev/null
check "25 CJK characters fit (exit 0)" test $? -eq 0

# Printing the current one ends its line.
admin announce >"$E2E_TMP/now.out"
check "the current one is printed" grep -qF "$(rep 漢 25)" "$E2E_TMP/now.out"
check "ending with a newline" test "$(tail -c 1 "$E2E_TMP/now.out" | od -An -tx1 | tr -d ' ')" = 0a
check "on one line" test "$(wc -l <"$E2E_TMP/now.out")" -eq 1

check "the UI processes did not die" not grep -q 'ended by signal' "$E2E_TMP/server.log"
