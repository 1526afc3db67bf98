#!/usr/bin/env bash
# Every screen fits 80x24 in all five languages, walked as a moderator in
# the full screen with the demo content: the key bars end with the help
# entry; wrapped texts (help, hints, the search form, the SSH keys screen,
# the registration form, the too-small message) show to their last word;
# a key name ("Ctrl-X"), a path ("~/.ssh/id_ed25519.pub") stay on one row
# and no row starts with a dash; a long search result's header ends with
# "…"; the move dialog marks the thread's own forum; in plain mode a
# chosen title ending in "?" takes no period after it; the moderation
# queue's rows keep their report count. The server's
# session-limit question wraps at words to the terminal, in Russian.
# (56-fit80 covers the idle warning, the guest's way to register and an
# ASCII terminal.)
. "$(dirname "$0")/lib.sh"
e2e_start "sessions_per_account = 1" || exit 1
admin demo >/dev/null 2>&1 || exit 1
# whole NAME LANG KEY: the catalog text is on the screen to its last
# character, however it was wrapped (rows joined, blanks dropped).
whole() {
	local want
	want=$(po_text "$2" "$3" | tr -d ' ')
	[ -n "$want" ] || { echo "# no text for $3"; return 1; }
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$want" || {
		echo "# $3 not whole:"; tm_screen "$1" | sed 's/^/#   /'; return 1; }
}
# bar_ends NAME LANG [KEYNAME]: the key bar ends with the help entry
# ("? Help" in lists, "F1 Help" in forms), whole.
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"  ${3:-?} $(po_text "$2" key.help)" ]] || { echo "# bar: $bar"; return 1; }
}
# no_dash_row NAME: no row starts with a dash, and (positive control)
# the screen has one.
no_dash_row() {
	tm_screen "$1" | grep -qE '[–—]' &&
	! tm_screen "$1" | grep -qE '^ *[–—]'
}
# keys_line NAME KEYS TEXT: the help's line "KEYS: TEXT" is on the screen
# whole (rows joined, blanks dropped).
keys_line() {
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$(tr -d ' ' <<<"$2: $3")" || {
		echo "# keys line '$2: $3' not whole:"; tm_screen "$1" | sed 's/^/#   /'; return 1; }
}
# row_has NAME TEXT: one row holds TEXT.
row_has() { tm_screen "$1" | grep -qF -- "$2"; }
# wait_text NAME LANG KEY: waits for the first words of a catalog text.
wait_text() { tm_wait "$1" "$(po_text "$2" "$3" | cut -d' ' -f1-2)" >/dev/null; }

for lang in en lt uk ru pl; do
	add_user "mod_$lang" "moderate-kindly-often-5" moderator "$lang" || exit 1
done
add_user dmitri "neva-bridges-at-night-5" member ru || exit 1
add_user rasa "linden-river-kaunas-42" moderator en || exit 1

# Plain mode: a chosen thread whose title ends in "?" takes no period
# after it; a chosen post keeps its period. (Checked at the end; the
# report made here fills the moderation queue.)
out=$(plain_session rasa "linden-river-kaunas-42" \
	"\n1\n1\n1\nx 2\nSpam, not about learning\nq\nq\nq\nq\n" 2>&1)

for lang in en lt uk ru pl; do
	s=m$lang
	tm_login "$s" "mod_$lang" "moderate-kindly-often-5"
	wait_text "$s" "$lang" mode.full && tm_keys "$s" Enter
	wait_text "$s" "$lang" welcome.continue && tm_keys "$s" Enter
	wait_text "$s" "$lang" menu.title
	tm_keys "$s" 1
	tm_wait "$s" "Lietuvių kalbos klubas" >/dev/null
	check "$lang: the forums' key bar ends with help" bar_ends "$s" "$lang"

	# The search form's hint (waited for: the title is also the
	# forums' "/ Search" in the key bar), then the results.
	tm_keys "$s" /
	wait_text "$s" "$lang" search.words_hint
	check "$lang: the search hint shows whole" whole "$s" "$lang" search.words_hint
	check "$lang: the search form's bar ends with F1 help" bar_ends "$s" "$lang" F1
	tm_type "$s" "bibliotek"
	tm_keys "$s" Enter
	tm_wait "$s" "Trečiadienio" >/dev/null
	check "$lang: a long result header ends with an ellipsis" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | grep 'Trečiadienio' | grep -q '…$'"
	check "$lang: the results' bar ends with help" bar_ends "$s" "$lang"
	tm_keys "$s" q
	wait_text "$s" "$lang" search.words_hint
	tm_keys "$s" Escape
	tm_wait "$s" "Lietuvių kalbos klubas" >/dev/null
	tm_keys "$s" Enter
	tm_wait "$s" "Prisistatyki" >/dev/null

	# The move dialog.
	tm_keys "$s" v
	wait_text "$s" "$lang" forum.move_to
	check "$lang: the move dialog marks the thread's forum" row_has "$s" \
		"Sveiki atvykę į Tinklą  ($(po_text "$lang" forum.move_current))"
	tm_keys "$s" Escape
	tm_wait "$s" "Prisistatyki" >/dev/null

	# The thread: its help, a reason form, the reply editor's help.
	tm_keys "$s" Enter
	tm_wait "$s" "Sveiki! Čia Kauno" >/dev/null
	check "$lang: the thread's bar ends with help" bar_ends "$s" "$lang"
	tm_keys "$s" '?'
	wait_text "$s" "$lang" help.thread
	check "$lang: the thread help shows whole" whole "$s" "$lang" help.thread
	# The keys' lines, made from the table of keys: the last one whole.
	check "$lang: the keys help shows whole" keys_line "$s" "? F1" \
		"$(po_text "$lang" keys.help.help)"
	tm_keys "$s" q
	tm_wait "$s" "Sveiki! Čia Kauno" >/dev/null
	tm_keys "$s" s
	wait_text "$s" "$lang" forum.days
	check "$lang: the suspend form's bar ends with F1 help" bar_ends "$s" "$lang" F1
	tm_keys "$s" Escape
	tm_wait "$s" "Sveiki! Čia Kauno" >/dev/null
	tm_keys "$s" r
	wait_text "$s" "$lang" forum.post_lang
	# (The English hint has no dashes.)
	[ "$lang" = en ] ||
		check "$lang: no row of the reply form starts with a dash" no_dash_row "$s"
	tm_keys "$s" F1
	wait_text "$s" "$lang" help.compose_full
	check "$lang: the editor help shows whole" whole "$s" "$lang" help.compose_full
	check "$lang: Ctrl-X stays on one row" row_has "$s" "Ctrl-X"
	check "$lang: the editor help's Ctrl-X line shows whole" keys_line "$s" \
		"Ctrl-X" "$(po_text "$lang" keys.help.send)"
	tm_keys "$s" Escape
	wait_text "$s" "$lang" forum.post_lang
	tm_keys "$s" Escape
	tm_wait "$s" "Sveiki! Čia Kauno" >/dev/null

	# The moderation queue: the report count always shows, whole.
	tm_keys "$s" q q q
	wait_text "$s" "$lang" menu.title
	tm_keys "$s" 3
	tm_wait "$s" "Spam, not about learning" >/dev/null
	case $lang in en) one="1 report" ;; lt) one="1 skundas" ;; uk) one="1 скарга" ;;
		ru) one="1 жалоба" ;; pl) one="1 zgłoszenie" ;; esac
	check "$lang: the queue row keeps its report count" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | grep 'Prisistatykite' | grep -q '  ($one)\$'"
	check "$lang: the queue's bar ends with help" bar_ends "$s" "$lang"
	tm_keys "$s" q
	wait_text "$s" "$lang" menu.title

	# Settings, SSH keys.
	tm_keys "$s" 4
	wait_text "$s" "$lang" settings.keys
	tm_keys "$s" 7
	wait_text "$s" "$lang" keys.none
	check "$lang: the SSH keys text shows whole" whole "$s" "$lang" keys.none
	check "$lang: the key file's path stays on one row" row_has "$s" "~/.ssh/id_ed25519.pub"
	check "$lang: the SSH keys bar ends with help" bar_ends "$s" "$lang"

	# Too small: the way to the plain mode shows whole.
	tm_resize "$s" 70 20
	wait_text "$s" "$lang" screen.plain_hint
	check "$lang: the too-small hint shows whole" whole "$s" "$lang" screen.plain_hint
	tmux -L "$TMUX_SOCK" kill-session -t "$s"

	# The registration form's user name hint.
	case $lang in en) loc=en_GB ;; lt) loc=lt_LT ;; uk) loc=uk_UA ;; ru) loc=ru_RU ;; pl) loc=pl_PL ;; esac
	tm_start "n$lang" "env LANG=$loc.UTF-8 $(ssh_cmd new -o PubkeyAuthentication=no)"
	wait_text "n$lang" "$lang" register.title
	tm_keys "n$lang" Enter
	wait_text "n$lang" "$lang" register.username_hint
	check "$lang: the user name hint shows whole" whole "n$lang" "$lang" register.username_hint
	tmux -L "$TMUX_SOCK" kill-session -t "n$lang"
done

# The session-limit question on a pty, in Russian: wrapped at words, so no
# row fills the 80 columns and the text is whole.
tm_login first dmitri "neva-bridges-at-night-5"
wait_text first ru mode.full
tm_login second dmitri "neva-bridges-at-night-5"
tm_wait second "Введите 1" 15 >/dev/null
check "ru: the session-limit question shows whole" whole second ru server.sessions.choose
check "ru: no row of it is cut at the edge" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t second | /usr/bin/python3 -c '
import sys
rows = [l.rstrip(\"\n\") for l in sys.stdin]
sys.exit(0 if any(\"Введите\" in r for r in rows) and all(len(r) < 80 for r in rows) else 1)'"

# The plain session above.
check "plain: a title ending in ? takes no period after it" bash -c \
	'grep -qF "Chosen: Prisistatykite: kas jūs ir ko mokotės? Type" <<<"$1" &&
	! grep -qF "mokotės?." <<<"$1"' _ "$out"
check "plain: a chosen post keeps its period" \
	grep -qF "Chosen: post 1 by Moderatorė Aistė. Type" <<<"$out"
