#!/usr/bin/env bash
# The forums in the plain line mode (ssh -T), as a screen-reader user meets
# them: start a thread, reply with a quote, notifications, edit, report,
# search, and text full of escape codes shown harmlessly.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
add_user aiste "moderate-kindly-often-5" moderator en || exit 1
admin board add "Language club" --description "We learn Lithuanian together" >/dev/null

# Welcome, Forums, the board, n: title, text ended by ".", language kept.
out=$(plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\nn\nŽalgiris evening\nWho comes to watch Žalgiris with us?\nBring friends.\n.\n\nq\nq\nq\nq\n" 2>&1)
check "a thread is started in plain mode" grep -q "Your post is published." <<<"$out"
check "the new thread is shown as numbered posts" grep -q "^1\. ruta" <<<"$out"
check "the text came through line by line" grep -q "Bring friends." <<<"$out"

out=$(plain_session jonas "pienas-duona-sviestas-7" "\nq\n" 2>&1)
check "the welcome screen counts the new post" grep -q "1 new post waits in the forums you follow" <<<"$out"

# Jonas opens the thread (marked new), quotes post 1 with c and a mention.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\nc\nI come too, @ruta!\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the unread thread is marked new" grep -q "Žalgiris evening (.*) \[new\]" <<<"$out"
check "the reply quotes the post" grep -q "> ruta wrote:" <<<"$out"
check "the reply is published" grep -q "^2\. jonas" <<<"$out"

out=$(plain_session ruta "linden-river-kaunas-42" "\n2\n1\nq\nq\nq\nq\n" 2>&1)
check "ruta is notified of the reply" grep -q "jonas replied in “Žalgiris evening”\|jonas mentioned you in “Žalgiris evening”" <<<"$out"
check "the notification opens the post" grep -q "I come too, @ruta!" <<<"$out"

# Jonas chooses his post by its number and edits it, writing it anew (a
# dash first clears the old text): the post says so.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\n2\ne\n-\nI come too, @ruta! With my sister.\n.\n\n2\nq\nq\nq\nq\n" 2>&1)
check "a post is chosen by its number" grep -q "Post 2 by jonas is chosen" <<<"$out"
check "an edited post shows the mark" grep -q "^2\. jonas, .*, edited" <<<"$out"
check "the edit is saved" grep -q "With my sister." <<<"$out"

out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\nx\nspam and nonsense\nq\nq\nq\nq\n" 2>&1)
check "a post can be reported with a reason" grep -q "Thank you. The moderators will look at it." <<<"$out"

# Search is accent- and case-blind.
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n/\nZALGIRIS\n\n\n\nq\nq\nq\nq\n" 2>&1)
check "zalgiris finds Žalgiris" grep -q "Žalgiris evening (ruta" <<<"$out"

# A post full of terminal escapes and a bidi override.
evil=$'\e]0;pwned-title\a\e]52;c;ZXZpbA==\a\e[2J\e[Hmoved \u202eevil\u202c end'
out=$(plain_session ruta "linden-river-kaunas-42" "\n1\n1\n1\nr\n$evil\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the escape-laden post is published" grep -q "^3\. ruta" <<<"$out"
check "no escape code reaches the plain client" bash -c "! grep -q $'\x1b' <<<\"\$0\"" "$out"
check "no bidi override reaches the client" bash -c "! grep -q $'\u202e' <<<\"\$0\"" "$out"
check "guests read but cannot post" bash -c "printf '\n1\n1\n1\nr\nq\nq\nq\nq\n' | timeout 30 ssh ${SSH_OPTS[*]} -T -p $PORT -o SetEnv=LANG=en_GB.UTF-8 guest@127.0.0.1 2>&1 | grep -q 'Guests can read but not write'"

# The moderator, in plain mode: the queue (3rd in the menu), dismiss with a
# reason; then lock the thread (k: l lists the page again in plain mode)
# and hide a post, named in the answer.
out=$(plain_session aiste "moderate-kindly-often-5" \
	"\n3\nd\nIt is about the club\nq\nq\n" 2>&1)
check "the moderation queue lists the report" grep -q "spam and nonsense" <<<"$out"
check "the report is dismissed with a reason" grep -q "Done. The audit log records it." <<<"$out"
# Each asks why first, naming the thread or the post.
out=$(plain_session aiste "moderate-kindly-often-5" \
	"\n1\n1\n1\nk\nToo heated\n2\nh\nSpam link\nq\nq\nq\nq\n" 2>&1)
check "locking asks why, naming the thread" grep -q "^Thread “Žalgiris evening”$" <<<"$out"
check "a moderator locks the thread in plain mode" grep -q "The thread is locked." <<<"$out"
check "hiding asks why, naming the post" grep -q "^Post #2 by jonas in “Žalgiris evening”$" <<<"$out"
check "a moderator hides a post in plain mode" grep -q "Hidden: only moderators see it now." <<<"$out"
check "the audit log keeps both reasons" bash -c "admin_out=\$(\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit); grep -q 'thread.lock .*Too heated' <<<\"\$admin_out\" && grep -q 'post.hide .*Spam link' <<<\"\$admin_out\""
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n1\n1\nr\nq\nq\nq\nq\n" 2>&1)
check "members see the thread locked" grep -q "This thread is locked: no new replies." <<<"$out"
check "a locked thread does not list the reply" bash -c "! grep -q '^r = Reply' <<<\"\$0\"" "$out"
check "the reply editor does not open" bash -c "! grep -q '^Language of the post' <<<\"\$0\"" "$out"
check "members see a placeholder where the hidden post was" bash -c "grep -A1 '^2\. jonas' <<<\"\$0\" | grep -qF '(This post is hidden by the moderators.)'" "$out"
check "members do not see the hidden text" bash -c "! grep -q 'With my sister' <<<\"\$0\"" "$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n2\nq\nq\nq\n" 2>&1)
check "the author of the hidden post is told the thread and why" grep -q "Moderators hid your post in “Žalgiris evening”: Spam link" <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" "\n1\n1\n1\n2\nd\nq\nq\nq\nq\n" 2>&1)
check "deleting another's post refuses at once" grep -q "You can only delete your own posts." <<<"$out"
check "without asking first" bash -c "! grep -q 'Delete post #2?' <<<\"\$0\"" "$out"
