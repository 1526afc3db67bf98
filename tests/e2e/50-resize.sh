#!/usr/bin/env bash
# Resizing redraws at once; below 80x24 the screen says so and recovers
# when the window grows again; the message points to the plain line mode.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user petras "nemunas-oak-harbour-8" member en || exit 1

tm_menu s petras "nemunas-oak-harbour-8"
tm_resize s 100 30
check "the key bar moves to the new last line" eventually bash -c "tmux -L $TMUX_SOCK capture-pane -p -t s | sed -n 30p | grep -q 'Help'"
tm_resize s 60 20
check "a small window is explained" tm_wait s "too small"
check "the explanation points to the plain line mode" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t s | tr '\n' ' ' | tr -s ' ' | grep -q 'plain line mode is easier to use: connect with ssh -T'"
tm_resize s 80 24
check "the menu comes back when the window grows" tm_wait s "Main menu"
