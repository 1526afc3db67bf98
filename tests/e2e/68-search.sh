#!/usr/bin/env bash
# Search in both modes: word beginnings, stems, quoted phrases and ґ/г are
# found; the plain mode's results can be left (q asks the form again, q
# there goes back to the forums); on the full screen Enter searches from
# the words field, q on the button leaves, and matches are marked.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
add_user ruta "linden-river-kaunas-42" member lt || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
admin board add "Language club" >/dev/null

plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\nŽodžių žaidimas\nSusitinkame bibliotekoje. Savaitės žodis: pasiilgti.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\n1\nr\nŽodis kitas, ne tos savaitės. Ґанок.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
plain_session jonas "pienas-duona-sviestas-7" "\nq\n" >/dev/null 2>&1

# Plain mode: results, then q: the form asks again (no second search), and
# q in its first field goes back to the forum list.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\nbibliotek\n\n\n\nq\nq\nq\nq\n" 2>&1)
check "a word's beginning finds the word" grep -q "^1\. Žodžių žaidimas (ruta" <<<"$out"
check "the snippet shows the match" grep -q "Susitinkame bibliotekoje" <<<"$out"
check "the plain snippet carries no marks" grep -q "^Susitinkame bibliotekoje\. Savaitės" <<<"$out"
check "the results are shown once: q does not search again" \
	test "$(grep -c '^\[Search results: bibliotek\]' <<<"$out")" = 1
check "q on the results asks the search form again" \
	test "$(grep -c '^Words to find' <<<"$out")" = 2
check "q in the search form leaves to the forum list" \
	bash -c 'sed -n "/^\[Search results: bibliotek\]/,\$p" <<<"$0" | grep -q "\[Forums\]"' "$out"

out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\nzaidim\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "zaidim finds žaidimas" grep -q "^1\. Žodžių žaidimas" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\nbibliotek*\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "a trailing * is accepted" grep -q "^1\. Žodžių žaidimas" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\nганок\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "ганок finds Ґанок" grep -q "Ґанок" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\n\"savaites zodis\"\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "a quoted phrase finds the words side by side" grep -q "Savaitės žodis: pasiilgti" <<<"$out"
check "a quoted phrase does not find them apart" bash -c '! grep -q "Žodis kitas" <<<"$0"' "$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\ns\nsavaites zodis\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "without quotes the words are found apart too" grep -q "Žodis kitas" <<<"$out"

# Full screen: Enter in the words field searches; the match is marked.
tm_menu j jonas "pienas-duona-sviestas-7"
tm_keys j 1
tm_wait j "Language club"
tm_keys j s
check "the search form opens" tm_wait j "Words to find"
tm_type j "bibliotek"
tm_keys j Enter
check "Enter in the words field searches" tm_wait j "Search results: bibliotek"
check "the match is in reverse video" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -e -p -t j | grep -q $'\e\\\\[7mbibliotekoje'"
check "the word beside it is not marked" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -e -p -t j | grep -q $'Susitinkame \e\\\\[7mbibliotekoje'"
tm_keys j q
tm_wait j "Words to find"
for i in 1 2 3 4 5 6; do
	tm_screen j | grep -qF "> [ Search ]" && break
	tm_keys j Tab
	sleep 0.3
done
check "the button can be reached" tm_wait j "> [ Search ]"
tm_keys j q
check "q on the search button leaves to the forum list" tm_wait j "Language club"
check "the form is gone" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'Words to find'"
# What was typed reaches the title bar cleaned: no bidi override (F8).
tm_keys j s
tm_wait j "Words to find"
tm_type j $'zal\u202egiris'
tm_keys j Enter
check "the search words are in the title" tm_wait j "Search results: zalgiris"
check "the title holds no bidi override" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q $'\u202e'"
