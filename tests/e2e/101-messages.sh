#!/usr/bin/env bash
# The private messages' walk (issue 9) over the real ssh client, on the
# full screen and in the plain mode: anna (full screen) writes to bob by
# user name; bob's main menu line and status line show the unread message
# and the plain mode says so; bob reads it (the count goes to 0) and
# replies in the plain mode; anna sees the reply, then blocks bob; bob's
# new message is refused with the words for it and his text stays in the
# form; bob reports anna's first message; a moderator opens it from the
# queue (that message and the three after it, nothing more) and removes
# it, and both members then see it as removed; a third member sees no
# conversation of theirs. Last, the hub and a conversation fit 80x24 in
# lt, uk, ru, pl and en with q and ? on the key bar.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 500" "posts_per_minute = 50" || exit 1
PASS="linden-river-kaunas-42"
for who in anna bob cora dana; do add_user "$who" "$PASS" member en || exit 1; done
add_user aiste "$PASS" moderator en || exit 1
for lang in en lt uk ru pl; do add_user "p_$lang" "$PASS" member "$lang" || exit 1; done
T=$E2E_TMP
status_has() { tm_screen "$1" | head -1 | grep -qF -- "$2"; }
# plain USER INPUT: a plain session's whole output.
plain() { plain_session "$1" "$PASS" "$2" 2>&1; }

# --- anna writes to bob by user name, on the full screen, then four more
# lines (the moderator's context is bounded: the fifth stays out of it).
tm_menu a anna "$PASS" || exit 1
tm_keys a 6
check "the main menu's People opens the hub" tm_wait a "1. Messages"
tm_keys a Enter
tm_wait a "n Write" >/dev/null
check "the conversations start empty" screen_has a "$(po_text en pm.list.empty)"
tm_keys a n
tm_wait a "To (user name)" >/dev/null
tm_type a "bob"
tm_keys a Tab
tm_type a "Hello Bob, this is Anna."
tm_keys a C-x
check "the message to bob is sent" tm_wait a "Message sent."
check "the conversation opens after it" tm_wait a "Conversation with bob"
for i in 2 3 4 5; do
	tm_keys a r
	tm_wait a "Message to bob" >/dev/null
	tm_type a "Anna line $i"
	tm_keys a C-x
	tm_wait a "Messages 1–$i of $i" >/dev/null || break
done
check "anna's five messages are in the conversation" screen_has a "Messages 1–5 of 5"

# --- bob: the menu line and the status line count 5 unread.
tm_menu b bob "$PASS" || exit 1
check "bob's menu line counts the unread messages" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -p -t b | grep -q '6\. People  (5 unread messages)  \[new\]'"
check "bob's status line counts them" status_has b "5 new messages"
tm_keys b q
tm_wait_dead b

# --- bob in the plain mode: told, reads (the count goes to 0), replies.
out=$(plain bob "\n6\n1\n1\nr\nHi Anna, Bob here.\n.\nq\nq\nq\nq\n")
check "the plain welcome says bob has unread messages" \
	grep -qF "You have 5 unread private messages." <<<"$out"
check "the plain hub counts them" grep -qF "1. Messages (5 unread messages) [new]" <<<"$out"
check "the plain conversation list marks it" grep -q "^1\. anna (.*, 5 unread) \[new\]" <<<"$out"
check "bob reads anna's first message" grep -qF "Hello Bob, this is Anna." <<<"$out"
check "bob's reply is sent" grep -qF "Message sent." <<<"$out"
out=$(plain bob "\n6\nq\nq\n")
check "bob's hub shows Messages (control)" grep -q "^1\. Messages" <<<"$out"
check "read, the count is gone" not grep -q "^1\. Messages (" <<<"$out"
check "and the welcome says nothing of it" not grep -qF "unread private message" <<<"$out"

# --- anna sees the reply: her status line first, then the conversation.
check "anna's status line counts bob's reply" tm_wait a "1 new message"
tm_keys a q
tm_wait a "1 unread" >/dev/null
tm_keys a Enter
check "anna reads bob's reply" tm_wait a "Hi Anna, Bob here."

# --- anna blocks bob, after being told what a block does.
tm_keys a b
check "the block's question says what it does" \
	tm_wait a "They can no longer write to you, find you or be suggested to"
tm_keys a Down Enter
check "bob is blocked" tm_wait a "Blocked. They can no longer write to you."
check "the conversation says so and offers unblocking" screen_has a "u Unblock"

# --- dana, in the plain mode at the main menu, is told of a message
# anna writes to her meanwhile, at her next prompt.
plain_start dana "$PASS" "$T/dana.out"
plain_send "\n"
file_has "$T/dana.out" "$(po_text en menu.title)" || not_ok "dana's menu"
tm_keys a q
tm_wait a "n Write" >/dev/null
tm_keys a n
tm_wait a "To (user name)" >/dev/null
tm_type a "dana"
tm_keys a Tab
tm_type a "Hello Dana!"
tm_keys a C-x
tm_wait a "Conversation with dana" >/dev/null
plain_send "l\n"
check "the plain mode tells dana of the new message" \
	file_has "$T/dana.out" "You have 1 unread private message."
plain_send "q\n"
plain_end
wait "$PLAIN_PID"
PLAIN_PID=

# --- bob tries to write: refused in words, and his text stays.
tm_again b2 bob "$PASS" || exit 1
tm_keys b2 6
tm_wait b2 "1. Messages" >/dev/null
tm_keys b2 Enter
tm_wait b2 "anna" >/dev/null
tm_keys b2 Enter
tm_wait b2 "Conversation with anna" >/dev/null
tm_keys b2 r
tm_wait b2 "Message to anna" >/dev/null
tm_type b2 "Are you still there, Anna?"
tm_keys b2 C-x
check "bob's message is refused with the blocked words" \
	tm_wait b2 "$(po_text en error.messages.blocked)"
check "the text bob typed is still in the form" screen_has b2 "Are you still there, Anna?"
check "and it was not sent" not screen_has b2 "Message sent."
tm_keys b2 Escape
tm_wait b2 "Leave without sending?" >/dev/null
tm_keys b2 Down Enter
tm_wait b2 "Nothing was sent." >/dev/null
tm_keys b2 q q q q
tm_wait_dead b2

# --- bob reports anna's first message (plain: its number, then x).
out=$(plain bob "\n6\n1\n1\n1\nx\nLooks like spam to me\nq\nq\nq\nq\n")
check "message 1 is chosen" grep -qF "Message 1 by anna." <<<"$out"
check "bob's report is taken" grep -qF "$(po_text en pm.reported)" <<<"$out"

# --- the moderator: the queue, the message's bounded context, removed.
tm_menu m aiste "$PASS" || exit 1
tm_keys m 3
tm_wait m "Hello Bob, this is Anna." >/dev/null
tm_keys m o
check "the moderator opens the reported message" tm_wait m "Reported message"
check "with the reason given" screen_has m "bob: Looks like spam to me"
check "and the reported message, marked" screen_has m "[reported]"
check "the context's last message shows (control)" screen_has m "Anna line 4"
check "nothing past three after it" not screen_has m "Anna line 5"
check "nor bob's later reply" not screen_has m "Hi Anna, Bob here."
tm_keys m r
tm_wait m "Remove the message" >/dev/null
tm_type m "spam, as reported"
tm_keys m Enter Enter
check "the report is resolved" tm_wait m "$(po_text en reports.resolved)"
check "the page says it is decided" tm_wait m "$(po_text en pm.report.decided)"

# --- from the console: bob reports anna's second message; `tinklas admin
# report --kind message` lists it (that message only) and dismisses it.
plain bob "\n6\n1\n1\n2\nx\nRude words\nq\nq\nq\nq\n" >/dev/null
out=$(admin report list --kind message)
check "admin report list --kind message shows it, its author and start" \
	grep -qE '^[0-9]+ +1 +no +anna +[0-9]+ +Anna line 2$' <<<"$out"
check "with bob's reason" grep -q "^ *bob: Rude words$" <<<"$out"
check "and nothing else of the conversation" not grep -q "Anna line 3" <<<"$out"
check "the default list (posts) does not show it" \
	grep -qx "no open reports" <<<"$(admin report list)"
mid=$(awk 'NR == 2 { print $1 }' <<<"$out")
out=$(admin report resolve "$mid" dismiss --kind message --reason "not rude")
check "admin report resolve --kind message dismisses it" \
	grep -qx "reports on message $mid dismissed" <<<"$out"
check "and the queue is empty again" \
	grep -qx "no open reports" <<<"$(admin report list --kind message)"

# --- both see the message as removed (bob's conversation is anna's
# second now, after dana's).
tm_keys a q
tm_wait a "n Write" >/dev/null
tm_keys a j Enter
check "anna sees her message as removed" tm_wait a "[This message was removed by a moderator.]"
check "its text is gone for anna" not screen_has a "Hello Bob, this is Anna."
out=$(plain bob "\n6\n1\n1\nq\nq\nq\nq\n")
check "bob sees it as removed" grep -qF "[This message was removed by a moderator.]" <<<"$out"
check "its text is gone for bob" not grep -qF "Hello Bob, this is Anna." <<<"$out"
check "bob still reads the rest (control)" grep -qF "Anna line 2" <<<"$out"

# --- a third member sees no conversation of theirs.
out=$(plain cora "\n6\n1\nq\nq\nq\n")
check "cora's conversations are empty" grep -qF "$(po_text en pm.list.empty)" <<<"$out"
check "nothing of anna and bob's shows to cora" \
	not grep -qE "anna|bob|Anna line" <<<"$out"

# --- 80x24 in five languages: cora writes to each p_LANG; each sees
# the hub and the conversation whole, q and ? on the key bar.
input="\n6\n1\n"
for lang in en lt uk ru pl; do input+="n\np_$lang\nLabas, p_$lang!\n.\nq\n"; done
out=$(plain cora "${input}q\nq\nq\n")
check "cora wrote to the five" test "$(grep -c "Message sent." <<<"$out")" -eq 5
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"q $(po_text "$2" key.back)  ? $(po_text "$2" key.help)" ]] ||
		{ echo "# bar: $bar"; return 1; }
}
for lang in en lt uk ru pl; do
	s=p$lang
	tm_login "$s" "p_$lang" "$PASS"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	check "$lang: the menu has People" screen_has "$s" "6. $(po_text "$lang" menu.people)"
	tm_keys "$s" 6
	tm_wait "$s" "1. $(po_text "$lang" people.messages)" >/dev/null
	case $lang in en) one="1 unread message" ;; lt) one="1 neskaityta žinutė" ;;
		uk) one="1 непрочитане повідомлення" ;; ru) one="1 непрочитанное сообщение" ;;
		pl) one="1 nieprzeczytana wiadomość" ;; esac
	check "$lang: the hub's line keeps its count whole" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | grep -qF '($one)  [$(po_text "$lang" list.unread.board)]'"
	check "$lang: the hub's key bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" Enter
	tm_wait "$s" "cora" >/dev/null
	check "$lang: the list's key bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" Enter
	tm_wait "$s" "Labas, p_$lang!" >/dev/null
	check "$lang: the conversation's key bar keeps q and ?" bar_ends "$s" "$lang"
	# (The bar may take two rows; each entry stays on one.)
	for k in "r forum.reply" "b pm.block" "x forum.report"; do
		check "$lang: the bar has ${k% *} whole" bash -c "tmux -L $TMUX_SOCK capture-pane -p -t $s |
			tail -2 | grep -qF '${k% *} $(po_text "$lang" "${k#* }")'"
	done
	tm_keys "$s" b
	tm_wait "$s" "$(po_text "$lang" confirm.no)" >/dev/null
	check "$lang: the block's question shows whole" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d ' \n' | grep -qF \"\$(printf %s \"\$0\" | tr -d ' ')\"" \
		"$(po_text "$lang" pm.block.question | sed 's/{0}/cora/')"
	tm_keys "$s" Escape
	tm_keys "$s" q q q q
	tm_wait_dead "$s"
done
