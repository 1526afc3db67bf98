#!/usr/bin/env bash
# What someone types into a one-line field reaches the terminal only as the
# sanitiser keeps it (reliability F8): bidi controls, zero-width characters
# and the BOM never go out, neither in the field nor in the title built from
# it (the search results).
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
admin board add "Language club" >/dev/null

tm_start g "env LANG=en_GB.UTF-8 $(ssh_cmd guest -o PubkeyAuthentication=no)"
tm_wait g "Continue to the main menu" 10
tm_keys g Enter
tm_wait g "Main menu"
tm_keys g 1
tm_wait g "Language club"
tm_keys g /
tm_wait g "Words to find"
tmux -L "$TMUX_SOCK" pipe-pane -t g "cat >>$E2E_TMP/out"
tm_type g $'QFS\u202eRLO\u202c\u2066LRI\u2069\u200b\u2060\ufeffEND'
check "the visible letters are in the field, in order" tm_wait g "    QFSRLOLRIEND" 5
tm_keys g C-x
check "the search runs with them" tm_wait g "QFSRLOLRIEND" 5
# A positive control on the same capture: the letters went out.
check "the terminal received the letters" file_has "$E2E_TMP/out" "QFSRLOLRIEND"
tmux -L "$TMUX_SOCK" pipe-pane -t g
for cp in 202e 202c 2066 2069 200b 2060 feff; do
	bytes=$(printf "\\u$cp")
	check "U+${cp^^} never reached the terminal" bash -c "! grep -qF '$bytes' $E2E_TMP/out"
done
