#!/usr/bin/env bash
# Idle sessions are warned before they are logged out (a minute in real
# life: idle_warning_seconds), and then logged out with a word of why. The
# times are seconds here (guest_idle_timeout_seconds), not minutes.
. "$(dirname "$0")/lib.sh"
e2e_start "guest_idle_timeout_seconds = 8" "idle_warning_seconds = 4" || exit 1

tm_start g "env LANG=en_GB.UTF-8 $(ssh_cmd guest -o PubkeyAuthentication=no)"
tm_wait g "Continue to the main menu" 10
check "the warning comes before the logout" tm_wait g "You will be logged out in a minute" 10
check "the session is still open when warned" not tm_dead g
tm_keys g Enter
check "a key keeps the session" tm_wait g "Main menu" 5
check "and takes the warning away" bash -c \
	"! tmux -L $TMUX_SOCK capture-pane -p -t g | grep -q 'logged out in a minute'"
check "the next warning comes again after a quiet while" tm_wait g "You will be logged out in a minute" 10
check "the idle session is logged out after the warning" tm_wait_dead g 10
check "it says why" tm_wait g "logged out because the session was idle" 2
