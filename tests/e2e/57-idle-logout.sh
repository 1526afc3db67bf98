#!/usr/bin/env bash
# Idle sessions are warned a minute before they are logged out, and then
# logged out with a word of why (guest_idle_timeout = 1 minute here).
. "$(dirname "$0")/lib.sh"
e2e_start "guest_idle_timeout = 1" || exit 1

tm_start g "env LANG=en_GB.UTF-8 $(ssh_cmd guest -o PubkeyAuthentication=no)"
tm_wait g "Continue to the main menu" 10
check "the warning comes a minute before" tm_wait g "You will be logged out in a minute" 10
tm_keys g Enter
check "a key keeps the session" tm_wait g "Main menu" 5
check "the idle session is logged out after the minute" tm_wait_dead g 75
check "it says why" tm_wait g "logged out because the session was idle" 2
