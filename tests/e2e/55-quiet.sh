#!/usr/bin/env bash
# An idle session writes nothing at all; moving in a list costs at most 40
# bytes, not a redraw (what people on slow links pay for): focus is the '>',
# the hardware cursor and the item's number in reverse, so a move changes a
# few cells; a full 80x24 screen stays under 2 KB.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1

tm_menu s petras "nemunas-oak-harbour-8"
sleep 0.5
tmux -L "$TMUX_SOCK" pipe-pane -t s -o "cat >> $E2E_TMP/bytes"
sleep 7	# longer than one look for new notifications (5 s)
check "an idle session writes zero bytes" test "$(stat -c %s "$E2E_TMP/bytes" 2>/dev/null || echo 0)" -eq 0
tm_keys s j
sleep 1
n=$(stat -c %s "$E2E_TMP/bytes")
echo "# a list move cost $n bytes"
check "a list move costs at most 40 bytes" test "$n" -gt 0 -a "$n" -le 40
check "the cursor stands on the focused item" bash -c \
	"[ \"\$(tmux -L $TMUX_SOCK display -p -t s '#{cursor_y}')\" = \
	  \"\$(tmux -L $TMUX_SOCK capture-pane -p -t s | grep -n '^ >' | cut -d: -f1 | awk '{ print \$1 - 1 }')\" ]"
: >"$E2E_TMP/bytes"
tm_keys s C-l
sleep 1
n=$(stat -c %s "$E2E_TMP/bytes")
echo "# a full redraw of the main menu cost $n bytes"
check "a full 80x24 screen costs under 2 KB" test "$n" -gt 0 -a "$n" -lt 2048
