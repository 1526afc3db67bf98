#!/usr/bin/env bash
# An idle session writes nothing at all; moving in a list costs a few dozen
# bytes, not a redraw (what people on slow links pay for).
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
check "a list move costs fewer than 100 bytes" test "$n" -gt 0 -a "$n" -lt 100
