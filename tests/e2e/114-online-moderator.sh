#!/usr/bin/env bash
# Moderators' "Who is online" (issue 11): a moderator on the full screen
# sees ana's plain session with the part she is in, and ends it after the
# confirmation; ana's ssh connection closes and the audit log keeps it.
# The list in the plain mode, a member without the menu line, and the
# screen at 80x24 in all five languages.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
PASS="linden-river-kaunas-42"
add_user ana "$PASS" member en || exit 1
add_user mod "$PASS" moderator en || exit 1
for lang in lt uk ru pl; do add_user "m_$lang" "$PASS" moderator "$lang" || exit 1; done
alive() { kill -0 "$1" 2>/dev/null; }

# ana, plain mode, goes into the forums.
plain_start ana "$PASS" "$E2E_TMP/ana.out"
plain_send "\n"
file_has "$E2E_TMP/ana.out" "1. Forums" || not_ok "ana reached the main menu"
plain_send "1\n"
check "ana's menu does not offer Who is online" not grep -q "Who is online" "$E2E_TMP/ana.out"

tm_menu m mod "$PASS" || exit 1
check "the moderator's menu offers Who is online" screen_has m "10. Who is online"
tm_keys m 1 0
check "Who is online opens" tm_wait m "Online now: 2 sessions (2 members, 0 guests)."
check "it lists ana in the forums" tm_wait m "ana  (Forums · session started"
check "... and the moderator here" screen_has m "mod  (Who is online · session started"
check "its key bar offers ending a session" screen_has m "e End session"
# admin who names the part with a code that does not read as a status.
"$BIN" admin --config "$E2E_TMP/tinklas.conf" who >"$E2E_TMP/who.out"
check "admin who lists ana in the forums (positive control)" \
	grep -qE "^[0-9]+ +member +ana +forums " "$E2E_TMP/who.out"
check "... and the moderator on who-is-online" \
	grep -qE "^[0-9]+ +member +mod +who-is-online " "$E2E_TMP/who.out"
tm_keys m Enter
check "Enter tells whose session it is and where it comes from" \
	tm_wait m "ana: connected from 127.0.0.1"

# End ana's session (the first row: the oldest).
check "ana's connection is open before (positive control)" alive "$PLAIN_PID"
tm_keys m e
check "ending asks first" tm_wait m "End the session of ana?"
tm_keys m j Enter
check "the moderator is told it ended" tm_wait m "The session was ended."
check "ana's ssh connection closes" eventually not alive "$PLAIN_PID"
wait "$PLAIN_PID" 2>/dev/null
PLAIN_PID=
check "ana is told her session was ended" grep -qF "Your session was ended." "$E2E_TMP/ana.out"
check "the list no longer has ana" \
	bash -c "tmux -L '$TMUX_SOCK' capture-pane -p -t m | grep -qF 'mod  (Who is online' &&
		! tmux -L '$TMUX_SOCK' capture-pane -p -t m | grep -qF 'ana  ('"
check "the audit log says who ended a session" \
	bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep 'session.end' | grep -q mod"

# The plain mode lists the same, numbered, without escape codes.
out=$(plain_session mod "$PASS" "\n10\nq\nq\n" 2>&1)
check "the plain mode lists who is online" grep -q "^1\. mod (Who is online · session started" <<<"$out"
# The full-screen moderator and this one: one member online, twice.
check "... with the count of members and of sessions" \
	grep -qF "Online now: 2 sessions (1 member, 0 guests)." <<<"$out"
check "... and no escape code" not grep -q $'\x1b' <<<"$out"

# A line opened by its number is the chosen one: its details name the
# person and e ends that session, not the first row's. Rows: mod (full
# screen), ana (plain, again), this plain mod; q at the question ends
# nothing.
plain_start ana "$PASS" "$E2E_TMP/ana2.out"
plain_send "\n"
file_has "$E2E_TMP/ana2.out" "1. Forums" || not_ok "ana is back on the main menu"
out=$(plain_session mod "$PASS" "\n10\n2\ne\nq\nq\nq\n" 2>&1)
check "the plain list has ana on line 2" grep -q "^2\. ana (" <<<"$out"
check "line 2's details name ana" grep -qF "ana: connected from 127.0.0.1" <<<"$out"
check "e then asks to end ana's session" grep -qF "End the session of ana?" <<<"$out"
check "... not the moderator's (the first row)" not grep -qF "End the session of mod?" <<<"$out"
check "ana's connection is still open after q at the question" alive "$PLAIN_PID"
plain_end
wait "$PLAIN_PID" 2>/dev/null
PLAIN_PID=

# A member without the rights cannot open it: no menu line, see above;
# each language's screen fits 80x24 with its key bar.
for lang in lt uk ru pl; do
	tm_menu_first "s_$lang" "m_$lang" "$PASS"
	tm_wait "s_$lang" "$(po_text "$lang" menu.online_who)" >/dev/null
	tm_keys "s_$lang" End k Enter
	title=$(po_text "$lang" online.title)
	check "the $lang screen opens ($title)" tm_wait "s_$lang" " $title"
	check "the $lang list names its moderator" tm_wait "s_$lang" "m_$lang  ("
	screen=$(tm_screen "s_$lang")
	check "the $lang screen keeps its key bar on row 24" \
		bash -c "[ \$(printf '%s\n' \"\$0\" | wc -l) -le 24 ] &&
			printf '%s\n' \"\$0\" | tail -n 1 | grep -qF 'e $(po_text "$lang" online.end)'" "$screen"
	tm_keys "s_$lang" q q
done
