#!/usr/bin/env bash
# A form field's text cursor belongs to the field (forms/): when a screen
# empties a field, the cursor goes with it. Before, Settings -> Change
# password with a wrong current password left the renderer's cursor past
# the emptied field, and the next letter corrupted the heap
# ("realloc(): invalid next size", the UI killed by signal 6).
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1

tm_menu r ruta "linden-river-kaunas-42"
tm_keys r 3		# Settings
tm_wait r "Screen mode"
tm_keys r 6		# Change password
tm_wait r "Your current password"
tm_type r "not-my-password-at-all"
tm_keys r Tab
tm_type r "brand-new-river-pass-88"
tm_keys r Tab
tm_type r "brand-new-river-pass-88"
# Up to the first field (its cursor at the end of 22 letters) and send.
tm_keys r Up Up C-x
check "the wrong current password is refused" tm_wait r "! " 5
# The screen emptied the field; type into it.
tm_type r "x"
tm_keys r Left
tm_type r "yz"
# The field holds what was typed, in order: three characters, so 3 stars.
stars() { tm_screen r | grep -qx '     \*\*\*'; }
check "the typed text went in at the cursor" eventually stars
# End and Tab too have been handled once the cursor is on another row
# (the next field).
at=$(tm_cursor r)
tm_keys r End Tab
moved() { local now; now=$(tm_cursor r); [ "${now% *}" != "${at% *}" ]; }
check "the UI is still there after typing into the emptied field" eventually moved
check "the UI did not die" not grep -q 'ended by signal' "$E2E_TMP/server.log"
check "the pane is alive" not tm_dead r
