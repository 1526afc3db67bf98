#!/usr/bin/env bash
# A moderator writes the announcement from the UI (full screen: main menu
# -> Announcement -> Write): an empty text and one too wide for the status
# line are refused with a clear message, the text kept on the form; the
# confirmation comes before it is sent; another live session (plain mode)
# then says it at its next prompt, and a guest's full screen shows it on
# its status line. The moderator clears it from the same screen, after a
# confirmation; while she stays on that screen, one set or cleared from
# the console shows in its body (and its Clear line) as on the status
# line; a plain moderator can write one too.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 200" || exit 1
AISTE_PW="kava-rytas-saule-1977"
JONAS_PW="pienas-duona-sviestas-7"
add_user aiste "$AISTE_PW" moderator en || exit 1
add_user jonas "$JONAS_PW" member en || exit 1
NEWS="Choir rehearsal moved to Thursday at six"

# jonas, plain mode, waits at the main menu: no Announcement line for him.
OUT="$E2E_TMP/jonas.out"
plain_start jonas "$JONAS_PW" "$OUT"
jonas=$PLAIN_PID
plain_send '\n'
check "jonas reaches the main menu" file_has "$OUT" "Notifications"
check "a member's menu has no Announcement line" \
	not grep -q "^[0-9]*\. Announcement" "$OUT"

# A guest, full screen, waits at the main menu: guests hear it too.
tm_start g "$(ssh_cmd guest -o PubkeyAuthentication=no -o SetEnv=LANG=en_GB.UTF-8)"
tm_wait g "Continue to the main menu" 15 && tm_keys g Enter
check "the guest reaches the main menu" tm_wait g "Main menu"

tm_menu a aiste "$AISTE_PW" || exit 1
check "a moderator's menu has the Announcement line" tm_wait a "9. Announcement"
tm_keys a 9
check "the screen says nothing is shown now" tm_wait a "No announcement is shown now."
tm_keys a Enter		# Write a new announcement
tm_wait a "New announcement"
check "the form says the limit" tm_wait a "at most 50 columns"
tm_keys a C-x
check "an empty one is refused" tm_wait a "Please fill this in."
tm_type a "$NEWS in the big hall, with the new songs"
tm_keys a C-x
check "a too wide one is refused with a clear message" \
	tm_wait a "The announcement is too long"
check "the text is kept on the form" tm_wait a "with the new songs"
for _ in $(seq 1 36); do tm_keys a BSpace; done
tm_wait a "$NEWS"
tm_keys a C-x
check "a confirmation comes first" tm_wait a "Send this announcement to everyone now?"
check "naming the text" tm_wait a "$NEWS"
check "nothing is sent before the answer" eval 'test "$(admin announce)" = "no announcement"'
tm_keys a Down Enter	# Yes
check "the moderator is told it is sent" tm_wait a "The announcement is sent"
check "the screen shows it as current" tm_wait a "Shown to everyone since"
check "the console sees it too" eval 'admin announce | grep -qF "$NEWS"'
check "it is in the audit log" eval 'admin audit | grep -q "announcement.set"'

plain_send 'l\n'
check "jonas's next prompt says it" file_has "$OUT" "Announcement: $NEWS"
check "the guest's status line shows it" \
	eventually eval 'tm_screen g | head -n 1 | grep -qF "Announcement: $NEWS"'
check "the guest's screen is the main menu still" tm_wait g "Main menu"

# Clearing, from the same screen: its second line, then Yes.
tm_keys a Down Enter
check "clearing asks first" tm_wait a "Clear the announcement?"
tm_keys a Down Enter
check "the moderator is told it is cleared" tm_wait a "The announcement is cleared."
check "the console sees no announcement" eval 'test "$(admin announce)" = "no announcement"'

# While she stays on the screen, the console sets one and clears it: the
# body follows with the status line (the text, then none), and the Clear
# line comes and goes with it.
check "the screen says none and has no Clear line" \
	eval 'tm_screen a | grep -q "No announcement is shown now." &&
	    ! tm_screen a | grep -q "Clear the announcement"'
LATE="Hall keys are at the front desk"
admin announce "$LATE" >/dev/null
check "her status line shows the console's one" \
	eventually eval 'tm_screen a | head -n 1 | grep -qF "Announcement: $LATE"'
# The screen below the status line, its lines joined (the body may wrap).
body_has() { tm_screen a | tail -n +2 | tr -s ' \n' '  ' | grep -q "$1"; }
check "the body shows it as current" \
	eventually body_has "Shown to everyone since .*: $LATE"
check "the body no longer says none" not body_has "No announcement is shown now."
check "the Clear line is offered" eventually body_has "Clear the announcement"
admin announce --clear >/dev/null
check "after the console clears it the body says none" \
	eventually body_has "No announcement is shown now."
check "and the Clear line is gone" not body_has "Clear the announcement"
check "the body no longer shows the text" not body_has "Shown to everyone since"

# A plain-mode moderator: 9, 1, the text, then 2 (Yes).
out=$(plain_session aiste "$AISTE_PW" "\n9\n1\nLibrary open late tonight\n\n2\nq\nq\n" 2>&1)
check "plain: the form and the confirmation" grep -q "Send this announcement to everyone now?" <<<"$out"
check "plain: it is sent" grep -q "The announcement is sent" <<<"$out"
check "plain: the console sees it" eval 'admin announce | grep -q "Library open late tonight"'
plain_send 'l\n'
check "jonas hears the second one too" file_has "$OUT" "Announcement: Library open late tonight"

plain_send 'q\n'
plain_end
wait "$jonas"
PLAIN_PID=
check "the UI processes did not die" not grep -q 'ended by signal' "$E2E_TMP/server.log"
