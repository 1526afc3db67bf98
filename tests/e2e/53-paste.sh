#!/usr/bin/env bash
# A paste costs one edit and one draw (reliability F4): of 40 kB pasted by
# a guest into the one-line search field the field takes its 200
# characters and refuses the rest at once, with one message, instead of one
# redraw per character (which cost over 100 s of CPU); a paste into the
# editor goes in as one edit too.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
admin board add "Language club" >/dev/null

# The UI process of the newest session: the server's grandchild.
ui_pid() {
	local c
	for c in $(ps -o pid= --ppid "$SERVER_PID"); do
		ps -o pid= --ppid "$c"
	done | tail -1 | tr -d ' '
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

tm_start g "env LANG=en_GB.UTF-8 $(ssh_cmd guest -o PubkeyAuthentication=no)"
tm_wait g "Continue to the main menu" 10
tm_keys g Enter
tm_wait g "Main menu"
tm_keys g 1
tm_wait g "Language club"
tm_keys g /
tm_wait g "Words to find"
pid=$(ui_pid)
before=$(cpu_ticks "$pid")
head -c 40000 /dev/zero | tr '\0' 'a' | sed 's/aaaaaaaaa/ bibliotek/g' >"$E2E_TMP/paste"
tmux -L "$TMUX_SOCK" pipe-pane -t g "cat >$E2E_TMP/paste.out"
tmux -L "$TMUX_SOCK" load-buffer -b p "$E2E_TMP/paste"
tmux -L "$TMUX_SOCK" paste-buffer -b p -t g
check "the field takes what fits and says it is full" \
	tm_wait g "This is too long: at most 200 characters." 30
check "what fitted went in" tm_wait g "bibliotek bibliotek bibliotek" 5
tm_keys g C-u		# the field still answers: cleared, then a letter
tm_type g "Ž"
check "the field still takes a letter after it" tm_wait g "    Ž" 10
tmux -L "$TMUX_SOCK" pipe-pane -t g
after=$(cpu_ticks "$pid")
bytes=$(wc -c <"$E2E_TMP/paste.out")
echo "# 40 kB paste into the search field: $bytes bytes to the terminal," \
	"$(( (after - before) * 10 )) ms of UI CPU"
# One redraw per key would write tens of kilobytes (one update per letter).
check "the whole paste was drawn a few times at most ($bytes bytes)" \
	test "$bytes" -lt 6000

# The editor: a paste of 10 kB goes in as one edit.
tm_menu r ruta "linden-river-kaunas-42"
tm_keys r 1
tm_wait r "Language club"
tm_keys r Enter
tm_wait r "No threads here yet"
tm_keys r n
tm_wait r "Title"
tm_type r "Pasted"
tm_keys r Tab
head -c 10000 /dev/zero | tr '\0' 'b' | sed 's/bbbbbbbbb/ zodynas./g' >"$E2E_TMP/paste2"
pid=$(ui_pid)
before=$(cpu_ticks "$pid")
tmux -L "$TMUX_SOCK" load-buffer -b q "$E2E_TMP/paste2"
tmux -L "$TMUX_SOCK" paste-buffer -b q -t r
check "the editor holds the whole 10 kB paste" tm_wait r "10,000 / 20,000" 30
echo "# 10 kB paste into the editor: $(( ($(cpu_ticks "$pid") - before) * 10 )) ms of UI CPU"
