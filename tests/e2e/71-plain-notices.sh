#!/usr/bin/env bash
# The plain mode (ssh -T) has no status line: when a member's unread
# notifications grow while they are connected, the next prompt says so.
# Two sessions: jonas replies in ruta's thread while ruta sits at the main
# menu; ruta's next prompt tells her, once, and again when the count grows.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
RUTA_PW="linden-river-kaunas-42"
JONAS_PW="pienas-duona-sviestas-7"
add_user ruta "$RUTA_PW" member en || exit 1
add_user jonas "$JONAS_PW" member en || exit 1
admin board add "Language club" >/dev/null

out=$(plain_session ruta "$RUTA_PW" \
	"\n1\n1\nn\nŽalgiris evening\nWho comes?\n.\n\nq\nq\nq\nq\n" 2>&1)
check "ruta starts a thread" grep -q "Your post is published." <<<"$out"

# listed N: the main menu has been listed at least N times in OUT.
listed() { [ "$(grep -c '^2\. Notifications' "$OUT")" -ge "$1" ]; }

# ruta waits at the main menu (past the welcome screen).
OUT="$E2E_TMP/ruta.out"
plain_start ruta "$RUTA_PW" "$OUT"
ruta=$PLAIN_PID
plain_send '\n'
check "ruta reaches the main menu" file_has "$OUT" "Notifications"
plain_send 'l\n'
check "the menu is listed again" eventually listed 2
check "nothing new is said before a reply (the menu came, twice)" \
	not grep -q "new notification" "$OUT"

reply() {
	plain_session jonas "$JONAS_PW" "\n1\n1\n1\nr\n$1\n.\n\nq\nq\nq\nq\n" 2>&1
}
out=$(reply "I come.")
check "jonas replies" grep -q "^2\. jonas" <<<"$out"

plain_send 'l\n'
check "the menu came again after the reply" eventually listed 3
check "ruta's next prompt says she has a new notification" \
	file_has "$OUT" "You have 1 new notification."
plain_send 'l\n'
check "the menu came once more" eventually listed 4
check "the count is said once, not at every prompt" \
	test "$(grep -c 'new notification' "$OUT")" -eq 1

out=$(reply "With my sister.")
plain_send 'l\n'
check "when it grows again, the next prompt says the new count" \
	file_has "$OUT" "You have 2 new notifications."

# q on the main menu logs out.
plain_send 'q\n'
plain_end
wait "$ruta"
rc=$?
PLAIN_PID=
check "ruta's session then logs out cleanly (status $rc)" test "$rc" -eq 0
