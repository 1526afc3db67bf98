#!/usr/bin/env bash
# Members see how many people are online on the main menu (issue 11): the
# count grows when a second member connects (the plain mode says it too)
# and when a guest does, and drops again when they leave; a guest's menu
# does not show it. Both renderers; the menu keeps its 80x24 in all five
# languages with the count on it.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
PASS="linden-river-kaunas-42"
add_user ana "$PASS" member en || exit 1
add_user ben "$PASS" member en || exit 1
for lang in lt uk ru pl; do add_user "p_$lang" "$PASS" member "$lang" || exit 1; done
# redraw NAME: the menu's help and back, so the menu is read again (it
# never redraws by itself: an idle session writes nothing).
redraw() { tm_press "$1" '?' && tm_press "$1" q; }

tm_menu a ana "$PASS" || exit 1
check "alone, the menu says 1 person is online" tm_wait a "1 person online"
check "... and not 2 (positive control: the same screen has 1)" \
	bash -c "tmux -L '$TMUX_SOCK' capture-pane -p -t a | grep -qF '1 person online' &&
		! tmux -L '$TMUX_SOCK' capture-pane -p -t a | grep -qF '2 people online'"

# ben in the plain mode: his menu says two, and ana's does after a redraw.
plain_start ben "$PASS" "$E2E_TMP/ben.out"
plain_send "\n"
check "the plain mode says 2 people are online" file_has "$E2E_TMP/ben.out" "2 people online"
redraw a
check "ana's menu now says 2 people are online" tm_wait a "2 people online"

# A guest counts too, though the guest's own menu has no count. Its input
# is a FIFO held open, so it stays online until told to leave.
mkfifo "$E2E_TMP/guest.in"
LANG=en_GB.UTF-8 timeout 60 ssh "${SSH_OPTS[@]}" -T -p "$PORT" guest@127.0.0.1 \
	<"$E2E_TMP/guest.in" >"$E2E_TMP/guest.out" 2>&1 &
GUEST=$!
exec {GUEST_IN}>"$E2E_TMP/guest.in"
guest_counted() { redraw a && tm_wait a "3 people online" 1 >/dev/null; }
check "with a guest online the member's menu says 3" eventually guest_counted
printf '\nq\nq\n' >&"$GUEST_IN"
exec {GUEST_IN}>&-
wait "$GUEST"
check "the guest saw its main menu" grep -q "Main menu" "$E2E_TMP/guest.out"
check "... without a count of people online" \
	not grep -Eq "(person|people) online" "$E2E_TMP/guest.out"

# ben leaves: his row goes at his session's end.
plain_send "q\n"
plain_end
wait "$PLAIN_PID"
PLAIN_PID=
back_to_one() { redraw a; tm_wait a "1 person online" 1 >/dev/null; }
check "when the others have left the menu says 1 again" eventually back_to_one
check "... and not 2 any more" not screen_has a "2 people online"

# Each language's menu with two online fits 80x24 (the count is on it).
tm_keys a q
tm_wait_dead a
tm_again a2 ana "$PASS" >/dev/null
for lang in lt uk ru pl; do
	tm_menu_first "m_$lang" "p_$lang" "$PASS"
	text=$(po_text "$lang" menu.online)
	case $lang in
	lt) want="Dabar prisijungę: 2 žmonės" ;;
	uk) want="Зараз у мережі: 2 людини" ;;
	ru) want="Сейчас в сети: 2 человека" ;;
	pl) want="Teraz online: 2 osoby" ;;
	esac
	check "the $lang menu says how many are online ($want)" tm_wait "m_$lang" "$want"
	[ -n "$text" ] || not_ok "the $lang catalog has menu.online"
	screen=$(tm_screen "m_$lang")
	check "the $lang menu keeps its key bar on the last row of 24" \
		bash -c "[ \$(printf '%s\n' \"\$0\" | wc -l) -le 24 ] && printf '%s\n' \"\$0\" | tail -n 1 | grep -q '?'" "$screen"
	tm_keys "m_$lang" q
	tm_wait_dead "m_$lang"
done
