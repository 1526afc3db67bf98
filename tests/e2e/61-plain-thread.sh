#!/usr/bin/env bash
# A thread in the plain line mode (ssh -T), as a screen-reader user reads
# it: the page is printed once and after that only what changed; a post is
# chosen by its own number, also on page 2; every action names its post;
# a quote or an edit keeps the text and adds to it; help and hints give the
# plain keys only, the full screen keeps its own.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
admin board add "Language club" --description "We learn" >/dev/null
db() { sqlite3 -cmd ".timeout 5000" "$DATA/tinklas.db" "$@"; }
# count TEXT: how many lines of $out hold TEXT.
count() { grep -cF -- "$1" <<<"$out"; }

plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\nFirst thread\nHello all.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
replies=""
for i in $(seq 2 12); do replies+="r\nReply number $i\n.\n\n"; done
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n1\n1\n$replies""q\nq\nq\nq\n" 2>&1)
check "the thread has 12 posts" test "$(db "SELECT count(*) FROM posts")" = 12
check "posting prints the new post, not the page again" test "$(count "Reply number 2")" -le 2

# Ruta reads page 1 (her first unread is #2), chooses post 5, reports
# post 7 by typing x 7, replies, and asks for the page again with l.
out=$(plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\n1\n5\nx 7\nspam here\nr\nA plain reply.\n.\n\nl\nq\nq\nq\nq\n" 2>&1)
check "the page is listed with the posts' numbers" grep -q "^6\. jonas, .*\[new\]" <<<"$out"
check "choosing a post prints it and names it" bash -c \
	"grep -q 'Post 5 by jonas is chosen' <<<\"\$0\" && test \$(grep -c 'Reply number 5' <<<\"\$0\") -eq 2" "$out"
check "the prompt names the chosen post and where it is" \
	grep -qF "[First thread, Posts 1–10 of 12] Chosen: post 5 by jonas." <<<"$out"
check "the prompt names l for listing again" grep -qF "l lists again, q goes back, ? is help:" <<<"$out"
check "a letter with a number acts on that post and names it" grep -q "^Report post 7 by jonas to the moderators" <<<"$out"
check "the report is on post 7" test "$(db "SELECT p.seq FROM queue q JOIN posts p ON p.id = q.subject_id WHERE q.kind = 'forum.post'")" = 7
check "the form prompt says where it is" grep -qF "[Report post 7 by jonas to the moderators] Your answer" <<<"$out"
check "the reply is published" grep -q "Your post is published." <<<"$out"
check "the new post is on page 2, printed with it" grep -q "^13\. ruta, " <<<"$out"
check "choosing, reporting and replying do not print page 1 again" test "$(count "Reply number 6")" -eq 1
check "l prints the page again" test "$(count "Reply number 11")" -eq 2

# Page 2: post 11 is chosen with 11 (1 is not a post there); c quotes it
# and the typed line comes after the quote.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\n>\n11\n1\nc\nCould you say more?\n.\n\nq\nq\nq\nq\n" 2>&1)
check "on page 2, 11 chooses post 11" grep -q "Post 11 by jonas is chosen" <<<"$out"
check "on page 2, 1 is not a post there" grep -q "There is no number 1 on this page" <<<"$out"
check "the quote names its post" grep -q "^Reply quoting post 11 by jonas" <<<"$out"
body=$(db "SELECT body FROM posts WHERE seq = 14")
check "the published reply keeps the quote" grep -q "^> jonas wrote:" <<<"$body"
check "the typed line follows the quote" bash -c \
	"grep -q '^> Reply number 11' <<<\"\$0\" && tail -1 <<<\"\$0\" | grep -qx 'Could you say more?'" "$body"

# Editing keeps the text and adds the typed lines after it.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\n>\n12\ne\nAnd one more line.\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the edit says how to keep, add or write anew" grep -q "Lines you type now are added after this text" <<<"$out"
check "the edit keeps the text and adds the line" \
	test "$(db "SELECT body FROM posts WHERE seq = 12")" = $'Reply number 12\nAnd one more line.'
check "the saved post is printed" grep -q "^12\. jonas, .*, edited" <<<"$out"

# Help and the editor hint in plain mode: the plain keys only.
out=$(plain_session ruta "linden-river-kaunas-42" "\n1\n1\n1\n?\nq\nr\n!\nq\nq\nq\nq\n" 2>&1)
check "plain help names > and < and l" bash -c \
	"grep -q '^> <: turn pages' <<<\"\$0\" && grep -q '^l: list the page again' <<<\"\$0\"" "$out"
check "plain help does not speak of PgDn or j and k" bash -c "! grep -q 'PgDn\|j k' <<<\"\$0\"" "$out"
check "the plain editor hint is there" grep -q "Lines starting with > are quotes." <<<"$out"
check "the plain editor hint has no full-screen keys" bash -c "! grep -q 'Ctrl-X' <<<\"\$0\"" "$out"
check "the main menu prompt says q logs out" \
	grep -qF "[Main menu] Type a number and press Enter. l lists again, q logs out" <<<"$out"
check "no escape code reaches the plain client" bash -c "! grep -q $'\x1b' <<<\"\$0\"" "$out"
out=$(plain_session ruta "linden-river-kaunas-42" "\n1\n1\n1\nr\nHi.\n.\n?\nq\n.\n!\n2\nq\nq\nq\nq\n" 2>&1)
check "plain help of the editor gives the plain way only" bash -c \
	"grep -q 'your lines are added after it' <<<\"\$0\" && ! grep -q 'Ctrl-X' <<<\"\$0\"" "$out"

# The full screen keeps its own keys: PgDn in help, Ctrl-X in the editor,
# and its key bar says q logs out on the main menu, q goes back elsewhere.
tm_menu f ruta "linden-river-kaunas-42"
check "the full-screen main menu key bar says q logs out" tm_wait f "q Log out"
tm_keys f Enter; tm_wait f "Language club"; tm_keys f Enter
tm_wait f "First thread"; tm_keys f Enter
tm_wait f "Posts "
tm_resize f 160 24	# the whole key bar
check "the full-screen thread key bar says q goes back" tm_wait f "q Back"
tm_keys f '?'
check "full-screen help keeps PgDn" tm_wait f "PgDn"
tm_keys f q
tm_wait f "Posts "
tm_keys f r
check "the full-screen editor hint gives Ctrl-X" tm_wait f "Ctrl-X sends, Esc leaves."
check "the full-screen editor hint leaves out the plain dot" bash -c \
	"! tmux -L $TMUX_SOCK capture-pane -p -t f | grep -q 'only a dot'"
tm_keys f F1
check "full-screen help of the editor gives Ctrl-X" tm_wait f "Ctrl-X: send"
check "full-screen help of the editor leaves out the plain way" bash -c \
	"! tmux -L $TMUX_SOCK capture-pane -p -t f | grep -q 'Plain lines\\|only a dot'"
