#!/usr/bin/env bash
# Nothing is cut at 80x24, in all five languages: the key bars of the
# longest screens (a thread and the moderation queue, as a moderator) keep
# "q Back  ? Help" and drop whole entries only; list rows keep their status
# and unread marks, shortening a long title with an ellipsis instead; the
# idle warning and the guest's way to register wrap and show to their last
# word.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" "guest_idle_timeout = 1" || exit 1
# screen_text NAME: the pane's rows joined, without blanks (a line may
# break after a hyphen, as "будь-|яку").
screen_text() { tm_screen "$1" | tr -d ' \n'; }
keybar() { tm_screen "$1" | tail -1 | sed 's/ *$//'; }
# bar_ok NAME LANG [FIRST]: the key bar ends with the way back and help,
# whole, and (when given) starts with the entry FIRST, whole, on its first
# row: the last, or the one above it when the bar needs two.
bar_ok() {
	local bar tail above
	bar=$(keybar "$1")
	above=$(tm_screen "$1" | tail -2 | head -1)
	tail="q $(po_text "$2" key.back)  ? $(po_text "$2" key.help)"
	[[ "$bar" == *"  $tail" || "$bar" == " $tail" ]] || { echo "# bar: $bar"; return 1; }
	[ -z "${3:-}" ] || [[ "$bar" == " $3  "* || "$above" == " $3  "* ]] ||
		{ echo "# bar: $above / $bar"; return 1; }
}

add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
for lang in en lt uk ru pl; do
	add_user "mod_$lang" "moderate-kindly-often-5" moderator "$lang" || exit 1
done
add_user mod_ascii "moderate-kindly-often-5" moderator uk || exit 1
admin board add "Language club" >/dev/null
long="Prisistatykite: kas jūs, ko mokotės ir ko norėtumėte išmokti šiais metais kartu"
plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\n$long\nSveiki visi.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\nx\nspam and nonsense\nq\nq\nq\nq\n" >/dev/null 2>&1

for lang in en lt uk ru pl; do
	tm_login "m$lang" "mod_$lang" "moderate-kindly-often-5"
	tm_wait "m$lang" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "m$lang" Enter
	tm_wait "m$lang" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "m$lang" Enter
	tm_wait "m$lang" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "m$lang" 1
	tm_wait "m$lang" "Language club" >/dev/null
	tm_keys "m$lang" Enter
	tm_wait "m$lang" "Prisistatykite" >/dev/null
	check "$lang: the thread list row keeps its unread mark" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t m$lang | grep 'Prisistatykite' | grep -qF '[$(po_text "$lang" list.unread.thread)]'"
	check "$lang: the long title is shortened with an ellipsis" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t m$lang | grep 'Prisistatykite' | grep -qF '…'"
	check "$lang: the moderator's thread list bar keeps q and ?" bar_ok "m$lang" "$lang" \
		"Enter $(po_text "$lang" key.open)"
	tm_keys "m$lang" Enter
	tm_wait "m$lang" "Sveiki visi." >/dev/null
	check "$lang: the moderator's thread bar keeps q and ?, whole entries" \
		bar_ok "m$lang" "$lang" "PgDn/PgUp  j/k $(po_text "$lang" key.posts)"
	check "$lang: the thread's title ends with an ellipsis" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t m$lang | sed -n 2p | grep -qF '…'"
	tm_keys "m$lang" q q q
	tm_wait "m$lang" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "m$lang" 3
	tm_wait "m$lang" "spam and nonsense" >/dev/null
	check "$lang: the moderation queue's bar keeps q and ?" bar_ok "m$lang" "$lang"
	tmux -L "$TMUX_SOCK" kill-session -t "m$lang"

	# A guest in this language: the idle warning comes at once here.
	case $lang in en) loc=en_GB ;; lt) loc=lt_LT ;; uk) loc=uk_UA ;; ru) loc=ru_RU ;; pl) loc=pl_PL ;; esac
	tm_start "g$lang" "env LANG=$loc.UTF-8 $(ssh_cmd guest -o PubkeyAuthentication=no)"
	warning=$(po_text "$lang" app.idle_warning | tr -d ' ')
	tm_wait "g$lang" "$(po_text "$lang" welcome.continue)" 10 >/dev/null
	for _ in $(seq 1 100); do
		screen_text "g$lang" | grep -qF -- "$warning" && break
		sleep 0.1
	done
	check "$lang: the idle warning shows whole, wrapped" \
		bash -c "tmux -L $TMUX_SOCK capture-pane -p -t g$lang | tr -d ' \n' | grep -qF -- \"$warning\""
	# The guest's "how to register" message, on trying to write.
	tm_keys "g$lang" Enter
	tm_wait "g$lang" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "g$lang" 1
	tm_wait "g$lang" "Language club" >/dev/null
	tm_keys "g$lang" Enter
	tm_wait "g$lang" "Prisistatykite" >/dev/null
	tm_keys "g$lang" n
	guest=$(po_text "$lang" error.forum.guest | tr -d ' ')
	for _ in $(seq 1 50); do
		screen_text "g$lang" | grep -qF -- "$guest" && break
		sleep 0.1
	done
	check "$lang: the guest's way to register shows whole, wrapped" \
		bash -c "tmux -L $TMUX_SOCK capture-pane -p -t g$lang | tr -d ' \n' | grep -qF -- \"$guest\""
	tmux -L "$TMUX_SOCK" kill-session -t "g$lang"
done

# A terminal that is not UTF-8: the ellipsis is "..." and the marks stay.
tm_start a "env LANG=uk_UA.KOI8-U $(ssh_cmd mod_ascii -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive)"
tm_wait a "assword" 10 >/dev/null && tm_type a "moderate-kindly-often-5" && tm_keys a Enter
# The mode question, the welcome, the main menu (transliterated Ukrainian).
tm_wait a "Tinklas |" 15 >/dev/null
tm_press a Enter
tm_press a Enter
tm_keys a 1
tm_wait a "Language club" >/dev/null
tm_keys a Enter
tm_wait a "Prisistatykite" >/dev/null
row=$(tm_screen a | grep Prisistatykite)
echo "# ASCII row: $row"
check "ASCII: the shortened title ends with ... and keeps its marks" \
	bash -c "grep -qF '...  (' <<<'$row' && grep -qF '[nova]' <<<'$row'"
check "ASCII: the key bar keeps the way back and help" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t a | tail -1 | grep -q 'q Nazad  ? Dovidka *$'"
