#!/usr/bin/env bash
# Colours: the default theme uses them, NO_COLOR from the client turns them
# off, and the "No colours" theme in Settings does the same for good. Focus
# is still shown by '>' and the cursor, never by colour alone.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1
colour=$'\e\\[[0-9;]*3[0-7][;m]|\e\\[[0-9;]*4[0-7][;m]'

tm_menu s petras "nemunas-oak-harbour-8"
tmux -L "$TMUX_SOCK" pipe-pane -t s -o "cat >> $E2E_TMP/default"
tm_keys s 3
tm_wait s "Colours"
check "the default theme draws in colour" eventually grep -qaE "$colour" "$E2E_TMP/default"
tm_keys s 2
tm_wait s "No colours"
tm_keys s 3
tm_wait s "Saved."
tmux -L "$TMUX_SOCK" pipe-pane -t s
tmux -L "$TMUX_SOCK" pipe-pane -t s -o "cat >> $E2E_TMP/mono"
tm_keys s q 3
tm_wait s "Colours"
check "the mono capture holds the settings screen" file_has "$E2E_TMP/mono" "Colours"
check "the No colours theme sends no colour codes" not grep -qaE "$colour" "$E2E_TMP/mono"
tm_keys s q q
tm_wait_dead s 10

# Back to the default theme; then a client that sends NO_COLOR.
sqlite3 "$DATA/tinklas.db" "UPDATE accounts SET theme = 0 WHERE name = 'petras'"
tm_start n "env NO_COLOR=1 $(ssh_cmd petras -o PubkeyAuthentication=no -o SendEnv=NO_COLOR)"
tmux -L "$TMUX_SOCK" pipe-pane -t n -o "cat >> $E2E_TMP/nocolor"
tm_wait n "assword" 10 && tm_type n "nemunas-oak-harbour-8" && tm_keys n Enter
tm_wait n "You are logged in as petras." 15
check "the NO_COLOR capture holds the welcome" file_has "$E2E_TMP/nocolor" "logged in as"
check "NO_COLOR from the client turns colours off" not grep -qaE "$colour" "$E2E_TMP/nocolor"
check "focus is still marked with >" tm_wait n "> "
