#!/usr/bin/env bash
# The forums on the full screen: unread marks, a live notification count,
# moderators locking and hiding, a report resolved from the moderation
# queue, and a post full of escape codes drawn harmlessly.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
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
check "the thread opens in the pager" tm_wait j "Posts 1-1 of 1"
tm_keys j '?'
check "help lists every letter of the screen" tm_wait j "Letters on this screen: r Reply, c Quote"
tm_keys j q
tm_wait j "Posts 1-1 of 1"
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
tm_wait j "Posts 1-2 of 2"
tm_keys j k
tm_keys j x
tm_wait j "Reason"
tm_type j "Off topic"
tm_keys j Tab Enter
check "the report is taken" tm_wait j "The moderators will look at it"

# The moderator: the queue holds the report; dismiss it with a reason.
tm_menu m aiste "moderate-kindly-often-5"
check "the moderator's menu counts the open report" tm_wait m "1 open report"
tm_keys m 3
check "the queue shows the reported post and the reason" tm_wait m "Off topic"
tm_keys m d
tm_wait m "Reason"
tm_type m "Not off topic: it is about the club"
tm_keys m Tab Enter
check "resolving a report says so" tm_wait m "The audit log records it"
check "the audit log has it" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep -q 'Not off topic'"
tm_keys m q 1 Enter Enter
tm_wait m "Posts 1-2 of 2"
tm_keys m l
check "a moderator locks the thread" tm_wait m "The thread is locked."
tm_keys m j h
check "a moderator hides a post" tm_wait m "only moderators see it now."
tm_keys j q Enter
tm_wait j "This thread is locked"
check "members no longer see the hidden post" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t j | grep -q '#2 jonas'"
tm_keys j r
tm_wait j "Text"
tm_type j "one more"
tm_keys j C-x
check "a locked thread refuses replies, keeping the text" tm_wait j "This thread is locked: no new replies."
check "the text is still there" tm_wait j "one more"

# The moderator moves the thread to another forum.
tm_keys m q
tm_wait m "Žalgiris evening"
tm_keys m v
check "moving asks for the forum" tm_wait m "Coffee corner"
tm_keys m 2
check "the thread is moved" tm_wait m "The thread is moved."
check "the old forum is empty now" tm_wait m "No threads here yet"
