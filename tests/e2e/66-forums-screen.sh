#!/usr/bin/env bash
# The forums on the full screen: unread marks, a live notification count,
# moderators locking and hiding, a report resolved from the moderation
# queue, and a post full of escape codes drawn harmlessly. A waiting screen
# looks for new notifications every 500 ms here (notice_poll_ms).
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" "notice_poll_ms = 500" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
add_user aiste "moderate-kindly-often-5" moderator en || exit 1
admin board add "Language club" >/dev/null
admin board add "Coffee corner" >/dev/null

evil=$'Hello \e]0;pwned-title\a\e]52;c;ZXZpbA==\a\e[2J\e[1;1Hmoved \u202eevil\u202c end'
plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\nŽalgiris evening\n$evil\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1

# Ruta waits at the main menu; Jonas reads and replies on the full screen.
tm_menu r ruta "linden-river-kaunas-42"
tm_menu j jonas "pienas-duona-sviestas-7"
tm_keys j 1
check "the board shows an unread thread" tm_wait j "1 thread, 1 unread"
tm_keys j Enter
check "the thread is marked new" tm_wait j "[new]"
tm_keys j Enter
check "the thread opens in the pager" tm_wait j "Posts 1–1 of 1"
tm_keys j '?'
check "help lists every letter of the screen" tm_wait j "Letters on this screen: r Reply, c Quote"
tm_keys j q
tm_wait j "Posts 1–1 of 1"
check "escape codes are not obeyed: the pane title is unchanged" \
	bash -c "! tmux -L $TMUX_SOCK display -p -t j '#{pane_title}' | grep -q pwned"
check "the text around the escapes is shown" tm_wait j "moved evil end"
tm_keys j c
check "quoting opens the editor with the quote" tm_wait j "> ruta wrote:"
tm_type j "See you there, @ruta"
tm_keys j C-x
check "the reply appears" tm_wait j "#2 jonas"
check "ruta's status line counts the notification without a key press" tm_wait r "1 notification" 15
tm_keys j e
tm_wait j "See you there"
tm_keys j End
tm_type j " (at 19:00)"
tm_keys j C-x
check "the edit shows the mark" tm_wait j "edited"
tm_keys j y
check "the edit history keeps the earlier version" tm_wait j "Before that it said:"
tm_keys j q
tm_wait j "Posts 1–2 of 2"
tm_keys j k
tm_keys j x
tm_wait j "Reason"
check "the report form names the post" tm_wait j "Post #1 by ruta in “Žalgiris evening”"
tm_type j "Off topic"
tm_keys j Tab Enter
check "the report is taken" tm_wait j "The moderators will look at it"

# The moderator: the queue holds the report; dismiss it with a reason.
tm_menu m aiste "moderate-kindly-often-5"
check "the moderator's menu counts the open report" tm_wait m "1 open report"
tm_keys m 3
check "the queue shows the reported post and the reason" tm_wait m "Off topic"
tm_keys m d
check "the dismiss form names the action and the post" tm_wait m "Post #1 by ruta in “Žalgiris evening”"
tm_wait m "Dismiss the reports"
tm_type m "Not off topic: it is about the club"
tm_keys m Tab Enter
check "resolving a report says so" tm_wait m "The audit log records it"
check "the audit log has it" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep -q 'Not off topic'"
tm_keys m q 1 Enter Enter
tm_wait m "Posts 1–2 of 2"
tm_keys m l
check "locking asks why, naming the thread" tm_wait m "Thread “Žalgiris evening”"
tm_wait m "Lock the thread"
tm_type m "Heated enough"
tm_keys m Tab Enter
check "a moderator locks the thread" tm_wait m "The thread is locked."
tm_keys m j h
check "hiding asks why, naming the post" tm_wait m "Hide the post"
tm_wait m "Post #2 by jonas"
tm_type m "Rude remark"
tm_keys m Tab Enter
check "a moderator hides a post" tm_wait m "Hidden: only moderators see it now."
check "the audit log keeps the reasons" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep 'thread.lock' | grep -q 'Heated enough'"
check "the audit log names the thread beside its id" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep 'thread.lock' | grep -q '(\"Žalgiris evening\")'"
tm_keys j q Enter
tm_wait j "This thread is locked"
check "members see a placeholder where the hidden post was" tm_wait j "(This post is hidden by the moderators.)"
check "the count matches what members see" tm_wait j "Posts 1–2 of 2"
check "the hidden text itself is not shown" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'See you there'"
check "a locked thread offers no reply" bash -c "tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'x Report' && ! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'r Reply'"
tm_keys j k r
check "a locked thread refuses the reply editor at once" tm_wait j "This thread is locked: no new replies."
check "no editor opened" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'Language of the post'"
tm_keys j d
check "deleting another's post refuses at once" tm_wait j "You can only delete your own posts."
check "without asking first" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q 'Delete post #1?'"
tm_keys j e
check "editing another's post refuses at once" tm_wait j "You can only edit your own posts."

# The moderator moves the thread to another forum.
tm_keys m q
tm_wait m "Žalgiris evening"
tm_keys m v
check "moving asks for the forum" tm_wait m "Coffee corner"
check "the thread's own forum is marked current" tm_wait m "Language club  (the thread is here)"
tm_keys m Enter
check "Enter on the current forum moves nothing" tm_wait m "The thread is already in this forum"
tm_keys m v
tm_wait m "Coffee corner"
tm_keys m 2
check "moving asks why, naming the thread and both forums" tm_wait m "Thread “Žalgiris evening”: from “Language club” to “Coffee corner”"
tm_type m "Belongs to the corner"
tm_keys m Tab Enter
check "the thread is moved" tm_wait m "The thread is moved."
check "the old forum is empty now" tm_wait m "No threads here yet"

# The author of the hidden post is told, with the thread and the reason.
tm_keys j q
tm_wait j "Language club"
tm_keys j q
tm_wait j "Coffee corner  (1 thread"
tm_keys j q
tm_wait j "Main menu"
tm_keys j 2
check "the author of a hidden post is told the thread and why" tm_wait j "Moderators hid your post in “Žalgiris evening”: Rude rema"
