#!/usr/bin/env bash
# Drafts: what a member writes in the editor (a reply, a new thread, an
# edit) survives a dropped connection (the ssh client killed) and is
# offered back the next time the editor opens at the same place, on the
# full screen and in plain mode; a pause in typing keeps it too; sending or
# discarding deletes it.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
PW="linden-river-kaunas-42"
add_user ruta "$PW" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
admin board add "Language club" >/dev/null
plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\nn\nŽalgiris evening\nWho comes on Friday?\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1

# ui_gone: waits until ruta's newest UI process has ended (and so has
# kept its draft); the server logs each UI's pid as it starts.
ui_gone() {
	local pid i
	pid=$(grep "UI for ruta " "$E2E_TMP/server.log" | tail -1 | sed 's/.*: pid \([0-9]*\),.*/\1/')
	[ -n "$pid" ] || return 1
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	return 1
}
# kill_client NAME: the ssh client in the pane dies at once, as when a
# laptop loses its connection.
kill_client() {
	kill -9 "$(tmux -L "$TMUX_SOCK" display -p -t "$1" '#{pane_pid}')"
	tm_wait_dead "$1" 10
	tmux -L "$TMUX_SOCK" kill-session -t "$1"
}
# again NAME: ruta logs in again and reaches the main menu.
again() {
	tm_login "$1" ruta "$PW" && tm_wait "$1" "Continue to the main menu" 15 &&
	tm_keys "$1" Enter && tm_wait "$1" "Main menu"
}
# to_thread NAME: from the main menu into the thread.
to_thread() {
	tm_keys "$1" 1 && tm_wait "$1" "Language club" && tm_keys "$1" Enter &&
	tm_wait "$1" "Žalgiris evening" && tm_keys "$1" Enter &&
	tm_wait "$1" "Posts 1–"
}

# A reply, with the connection dropped in the middle.
tm_menu a ruta "$PW"
to_thread a
tm_keys a r
tm_wait a "Language of the post"
tm_type a "Šį atsakymą rašiau ilgai, o tada dingo ryšys."
tm_wait a "dingo ryšys."
kill_client a
check "the UI of the killed client ends" ui_gone
again b
to_thread b
tm_keys b r
check "the reply editor offers the unsent draft" tm_wait b "You have an unsent draft here, saved"
check "to continue or discard it" tm_wait b "Discard it and start again"
tm_keys b Enter
check "continuing brings the text back" tm_wait b "Šį atsakymą rašiau ilgai, o tada dingo ryšys."
tm_keys b C-x
check "the draft is sent" tm_wait b "#2 ruta"
tm_keys b r
tm_wait b "Language of the post"
check "sending deleted the draft: the editor opens empty" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t b | grep -q 'unsent draft\|dingo ryšys'"
tm_keys b Escape
tm_wait b "Posts 1–2 of 2"

# A pause in typing keeps the draft while the session is still open: a
# second session sees it.
tm_keys b e
tm_wait b "Language of the post"
tm_keys b End
tm_type b " Pataisyta vėliau."
tm_wait b "Pataisyta vėliau."
# After a pause in typing the editor keeps the text: wait until it is in
# the database.
draft_kept() { sqlite3 "$DATA/tinklas.db" "SELECT body FROM drafts" 2>/dev/null | grep -q "Pataisyta vėliau"; }
check "the pause keeps the draft in the database" eventually draft_kept
again c
to_thread c
tm_keys c j e
check "an edit's draft is kept after a pause, before any hang-up" tm_wait c "You have an unsent draft here, saved"
tm_keys c Down Enter
check "discarding says so" tm_wait c "The draft is discarded."
check "discarding leaves the post's own text" tm_wait c "dingo ryšys."
check "and not the draft's" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t c | grep -q 'Pataisyta'"
tm_keys c Escape
tm_wait c "Posts 1–2 of 2"
tm_keys c j e
tm_wait c "Language of the post"
check "a discarded draft is not offered again" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t c | grep -q 'unsent draft'"
tm_keys c Escape
tmux -L "$TMUX_SOCK" kill-session -t c
tm_keys b Escape
tm_wait b "Leave without sending"
tm_keys b Down Enter
tm_wait b "Posts 1–2 of 2"

# A new thread's title and text, dropped; then offered in plain mode.
tm_keys b q
tm_wait b "Žalgiris evening"
tm_keys b n
tm_wait b "Title"
tm_type b "Knygų mainai"
tm_keys b Tab
tm_type b "Atneškite knygų, kurias jau perskaitėte."
tm_wait b "perskaitėte."
kill_client b
check "the UI of the second killed client ends" ui_gone
out=$(plain_session ruta "$PW" "\n1\n1\nn\n1\n\n.\n\nq\nq\nq\nq\n" 2>&1)
check "plain mode offers the new thread's draft" grep -q "You have an unsent draft here, saved" <<<"$out"
check "plain mode lists continue and discard" grep -q "^2\. Discard it and start again" <<<"$out"
check "the draft's thread is posted with its title and text" grep -q "^Knygų mainai$" <<<"$out"
check "with its text" grep -q "Atneškite knygų, kurias jau perskaitėte." <<<"$out"

# Plain mode: lines typed before the connection ends are kept.
plain_session ruta "$PW" "\n1\n1\n1\nr\nPirma eilutė\nAntra eilutė\n" >/dev/null 2>&1
out=$(plain_session ruta "$PW" "\n1\n1\n1\nr\n1\n.\n\nq\nq\nq\nq\n" 2>&1)
check "plain mode keeps the lines typed before the end" grep -q "You have an unsent draft here, saved" <<<"$out"
check "and sends them" grep -q "^Pirma eilutė$" <<<"$out"
out=$(plain_session ruta "$PW" "\n1\n1\n1\nr\n!\nq\nq\nq\nq\n" 2>&1)
check "after sending, plain mode offers no draft" bash -c "grep -q 'Type the text' <<<\"\$0\" && ! grep -q 'unsent draft' <<<\"\$0\"" "$out"

# Plain mode keeps a long text every few lines, while the session is
# still open: a second session sees the draft before the first one ends.
plain_start ruta "$PW" /dev/null
plain_send '\n1\n1\n1\nr\nVienas\nDu\nTrys\nKeturi\nPenki\n'
first=$PLAIN_PID
seen=
for _ in $(seq 1 20); do
	# "!" leaves the editor when no draft is offered yet (writing
	# nothing), and is a wrong answer at the offer, which q then leaves.
	out=$(plain_session ruta "$PW" "\n1\n1\n1\nr\n!\nq\nq\nq\nq\nq\n" 2>&1)
	if grep -q "unsent draft" <<<"$out"; then seen=1; break; fi
	sleep 0.5
done
check "plain mode keeps the text every few lines" test -n "$seen"
check "while the first session is still open" kill -0 "$first"
out=$(plain_session ruta "$PW" "\n1\n1\n1\nr\n1\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the kept lines are all there" bash -c "grep -q '^Vienas$' <<<\"\$0\" && grep -q '^Penki$' <<<\"\$0\" || { tail -40 <<<\"\$0\" >&2; false; }" "$out"
plain_end
kill "$first" 2>/dev/null
wait "$first" 2>/dev/null || :	# it was killed: not a failure
PLAIN_PID=

# A private message (People, 6 on the menu; Messages; n): the connection
# drops while ruta writes to jonas; the name and the text come back.
again p
tm_keys p 6
tm_wait p "1. Messages" >/dev/null
tm_keys p Enter
tm_wait p "n Write" >/dev/null
tm_keys p n
tm_wait p "To (user name)" >/dev/null
tm_type p "jonas"
tm_keys p Tab
tm_type p "Laiškas, kurį rašiau, kai dingo ryšys."
tm_wait p "kai dingo ryšys."
# The form keeps what was typed after a pause, or when the session ends.
kill_client p
check "the UI of the killed client ends (message)" ui_gone
again q
tm_keys q 6
tm_wait q "1. Messages" >/dev/null
tm_keys q Enter
tm_wait q "n Write" >/dev/null
tm_keys q n
check "writing a message offers the unsent draft" tm_wait q "You have an unsent draft here, saved"
tm_keys q Enter
name_and_text() {
	tm_screen q | grep -q 'jonas' &&
	    tm_screen q | grep -q 'Laiškas, kurį rašiau, kai dingo ryšys.'
}
check "continuing brings the name and the text back" eventually name_and_text
tm_keys q C-x
check "the message goes" tm_wait q "Message sent."
check "and no draft is left" test "$(sqlite3 "$DATA/tinklas.db" "SELECT count(*) FROM drafts WHERE kind = 3")" = 0
