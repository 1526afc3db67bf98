#!/usr/bin/env bash
# Search in both modes: word beginnings, stems, quoted phrases and ґ/г are
# found; the plain mode's results can be left (q asks the form again, q
# there goes back to the forums); on the full screen Enter searches from
# the words field, q on the button leaves, and matches are marked. / is
# the search key in both modes: on the forums, and in a forum's threads,
# where it searches that forum (s searches no more).
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
# A second forum (listed after the first), with a word only it holds.
admin board add "Zoo corner" >/dev/null
plain_session ruta "linden-river-kaunas-42" \
	"\n1\n2\nn\nArbata\nArbata virtuvėje šalta.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1

# Plain mode: / in a forum's threads searches that forum only; from the
# forums' list (the control) the same word is found in the other one.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n/\nvirtuvėje\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "plain: / in a forum's threads searches that forum" \
	grep -q "Nothing found" <<<"$out"
check "plain: the threads offer / to search" grep -q "^/ = Search" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\nvirtuvėje\n\n\n\nq\nq\nq\nq\n" 2>&1)
check "plain: / on the forums searches them all" grep -q "^1\. Arbata" <<<"$out"

# Plain mode: results, then q: the form asks again (no second search), and
# q in its first field goes back to the forum list.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\nbibliotek\n\n\n\nq\nq\nq\nq\n" 2>&1)
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
	"\n1\n/\nzaidim\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "zaidim finds žaidimas" grep -q "^1\. Žodžių žaidimas" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\nbibliotek*\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "a trailing * is accepted" grep -q "^1\. Žodžių žaidimas" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\nганок\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "ганок finds Ґанок" grep -q "Ґанок" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\n\"savaites zodis\"\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "a quoted phrase finds the words side by side" grep -q "Savaitės žodis: pasiilgti" <<<"$out"
check "a quoted phrase does not find them apart" bash -c '! grep -q "Žodis kitas" <<<"$0"' "$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n/\nsavaites zodis\n\n\n\nq\nq\nq\nq\nq\n" 2>&1)
check "without quotes the words are found apart too" grep -q "Žodis kitas" <<<"$out"

# Full screen: Enter in the words field searches; the match is marked.
tm_menu j jonas "pienas-duona-sviestas-7"
tm_keys j 1
tm_wait j "Language club"
tm_keys j /
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
tm_keys j /
tm_wait j "Words to find"
tm_type j $'zal\u202egiris'
tm_keys j Enter
check "the search words are in the title" tm_wait j "Search results: zalgiris"
check "the title holds no bidi override" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q $'\u202e'"

# Full screen: the forums' and the threads' key bars offer /, s is no
# search key any more, and / in a forum's threads starts in that forum.
add_user mia "tulips-in-the-rain-8" member en || exit 1
tm_menu k mia "tulips-in-the-rain-8"
tm_keys k 1
tm_wait k "Language club"
check "the forums' key bar offers / Search" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t k | tail -1 | grep -qF '/ Search'"
tm_keys k s
check "s on the forums does nothing (and says so)" tm_wait k "That key does nothing here"
tm_keys k Enter
tm_wait k "Žodžių žaidimas"
check "the threads' key bar offers / Search" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t k | tail -1 | grep -qF '/ Search'"
tm_keys k /
tm_wait k "Words to find"
check "the search from a forum starts in that forum" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t k | grep -qF 'Language club' &&
	! tmux -L $TMUX_SOCK capture-pane -p -t k | grep -qF 'All forums'"
