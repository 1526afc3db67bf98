#!/usr/bin/env bash
# Ctrl-C, Ctrl-Z and Ctrl-\ never end a session nor lose text: the pty
# sends no signals, so they arrive as keys. In the editor Ctrl-C and Ctrl-Z
# ask, as Esc does; elsewhere they only say which keys go back. The
# server's console behaves the same.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
admin board add "Language club" >/dev/null

tm_menu r ruta "linden-river-kaunas-42"
for k in C-c C-z 'C-\'; do
	tm_keys r "$k"
	check "$k on the main menu keeps the session" \
		tm_wait r "That key does nothing here. q or Esc goes back" 5
	check "$k: the pane is alive" bash -c \
		"[ \"\$(tmux -L $TMUX_SOCK display -p -t r '#{pane_dead}')\" = 0 ]"
	tm_keys r j		# any other key clears the hint
done
check "the main menu is still there" tm_wait r "Main menu"
tm_keys r z		# a letter that does nothing here says so too (ux.md 36)
check "an unbound letter gets the same word of help" \
	tm_wait r "That key does nothing here. q or Esc goes back" 5
tm_keys r j

tm_keys r 1
tm_wait r "Language club"
tm_keys r Enter
tm_wait r "No threads here yet"
tm_keys r n
tm_wait r "Title"
tm_type r "Evening meeting"
tm_keys r Tab
tm_type r "A long text I wrote for ten minutes."
check "in the editor the key bar says Ctrl-X sends (Enter is a new line)" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -p -t r | tail -1 | grep -q 'Ctrl-X Send  Esc Back  F1 Help'"
for k in C-c C-z; do
	tm_keys r "$k"
	check "$k in the editor asks before leaving" \
		tm_wait r "Leave without sending? What you wrote will be lost." 5
	tm_keys r Enter		# the first answer: No
	check "$k: No goes back to the text, kept whole" \
		tm_wait r "A long text I wrote for ten minutes." 5
done
tm_keys r 'C-\'
check "Ctrl-\\ in the editor only says which keys go back" \
	tm_wait r "That key does nothing here. Esc goes back, F1 shows help." 5
tm_type r " More."
tm_keys r C-Home	# the start of the text (ux.md 37)
tm_type r "Hello. "
tm_keys r C-End
tm_type r " End."
tm_keys r C-x
check "the text is sent whole after all of them" \
	tm_wait r "A long text I wrote for ten minutes. More. End." 10
check "Ctrl-Home went to the start of the text, Ctrl-End to its end" \
	tm_wait r "Hello. A long text I wrote" 5
check "the UI never died of a signal" bash -c "! grep -q 'ended by signal' $E2E_TMP/server.log"

# The console: the same UI on the server's own terminal.
tm_start con "$BIN console --config $E2E_TMP/tinklas.conf --user ruta"
tm_wait con "Continue to the main menu" 10 && tm_keys con Enter && tm_wait con "Main menu" 5
for k in C-c C-z 'C-\'; do
	tm_keys con "$k"
	check "$k on the console keeps it running" \
		tm_wait con "That key does nothing here. q or Esc goes back" 5
	tm_keys con j
done
check "the console is still alive" bash -c \
	"[ \"\$(tmux -L $TMUX_SOCK display -p -t con '#{pane_dead}')\" = 0 ]"
