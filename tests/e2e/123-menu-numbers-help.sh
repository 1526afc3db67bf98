#!/usr/bin/env bash
# The moderators' main menu (issue 11 QA): it has 11 numbered items, so on
# the full screen two digits typed together open items 10 and 11 (1 then 0
# is Who is online) while 1 alone still opens Forums; its help, longer than
# 80x24 in some languages, scrolls to its last lines in all five.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
export LC_ALL=C.UTF-8
PASS="linden-river-kaunas-42"
add_user mod "$PASS" moderator en || exit 1
for lang in lt uk ru pl; do add_user "m_$lang" "$PASS" moderator "$lang" || exit 1; done
title_is() { tm_screen "$1" | sed -n 2p | grep -qx " *$2 *"; }

tm_menu m mod "$PASS" || exit 1
check "the menu has 11 items" screen_has m "11. Log out"
tm_keys m 1 0
check "1 then 0 opens Who is online (item 10)" eventually title_is m "Who is online"
check "... its list" screen_has m "Online now: 1 session (1 member, 0 guests)."
tm_keys m q
tm_wait m "Main menu" >/dev/null
tm_keys m 1
check "1 alone still opens Forums (item 1)" eventually title_is m Forums
check "... not Who is online" not screen_has m "Online now:"
tm_keys m q
tm_wait m "Main menu" >/dev/null
# A key after the 1 that is no digit opens Forums and then counts there: q
# goes back to the menu at once.
tm_keys m 1 q
check "1 then q opens Forums and q leaves it" eventually title_is m "Main menu"
check "... and the session is still on (the q was Forums')" screen_has m "11. Log out"

# The help on the main menu, at 80x24, in each language.
help_screen() {	# NAME LANG: checks the help reaches its last lines
	local s=$1 lang=$2 first last
	first=$(po_text "$lang" help.menu)
	first=${first:0:20}
	last=$(po_text "$lang" feature.online.help)
	last=${last:0:20}
	tm_keys "$s" '?'
	check "the $lang help opens at its start" tm_wait "$s" "$first"
	case $lang in lt | ru | pl)
		check "... whose end is below the screen" not screen_has "$s" "$last"
	esac
	tm_keys "$s" End
	check "End shows the $lang help's last paragraphs" tm_wait "$s" "$last"
	check "... and its key lines" screen_has "$s" "q Esc"
	check "... fitting 80x24" bash -c "[ \$(tmux -L '$TMUX_SOCK' capture-pane -p -t $s | wc -l) -le 24 ]"
	tm_keys "$s" Home
	check "Home goes back to the start" tm_wait "$s" "$first"
	tm_keys "$s" PgDn
	check "PgDn pages on" tm_wait "$s" "$last"
	tm_keys "$s" q
}
help_screen m en
for lang in lt uk ru pl; do
	tm_menu_first "s_$lang" "m_$lang" "$PASS"
	tm_wait "s_$lang" "$(po_text "$lang" menu.online_who)" >/dev/null
	help_screen "s_$lang" "$lang"
done
