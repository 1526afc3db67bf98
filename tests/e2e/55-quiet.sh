#!/usr/bin/env bash
# An idle session writes nothing at all; moving in a list costs at most 40
# bytes, not a redraw (what people on slow links pay for): focus is the '>',
# the hardware cursor and the item's number in reverse, so a move changes a
# few cells; a full 80x24 screen stays under 2 KB. The session looks for new
# notifications every 300 ms here (notice_poll_ms), so the quiet window
# below spans several looks.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 300" || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1

tm_menu s petras "nemunas-oak-harbour-8"
# The menu's drawing is over once the pane stops changing.
screen_now() { tm_screen s; tm_cursor s; }
settled() { local a; a=$(screen_now); sleep 0.3; [ "$a" = "$(screen_now)" ]; }
eventually settled
: >"$E2E_TMP/bytes"
tmux -L "$TMUX_SOCK" pipe-pane -t s -o "cat >> $E2E_TMP/bytes"
sleep 2	# the quiet window: about six looks for new notifications
check "an idle session writes zero bytes" test "$(stat -c %s "$E2E_TMP/bytes")" -eq 0
tm_keys s j
n=$(settled_size "$E2E_TMP/bytes")
echo "# a list move cost $n bytes"
# The positive control of the zero above: the same capture sees the move.
check "a list move costs at most 40 bytes" test "$n" -gt 0 -a "$n" -le 40
check "the cursor stands on the focused item" bash -c \
	"[ \"\$(tmux -L $TMUX_SOCK display -p -t s '#{cursor_y}')\" = \
	  \"\$(tmux -L $TMUX_SOCK capture-pane -p -t s | grep -n '^ >' | cut -d: -f1 | awk '{ print \$1 - 1 }')\" ]"
: >"$E2E_TMP/bytes"
tm_keys s C-l
n=$(settled_size "$E2E_TMP/bytes")
echo "# a full redraw of the main menu cost $n bytes"
check "a full 80x24 screen costs under 2 KB" test "$n" -gt 0 -a "$n" -lt 2048
