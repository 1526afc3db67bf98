#!/usr/bin/env bash
# A member deletes their account in the plain line mode (ssh -T, as a
# screen reader follows it), choosing to remove their posts: the
# explanation, the numbered choice, a wrong password (said, nothing
# deleted, asked again), the right one, the last question, a goodbye.
# Afterwards the posts keep their places in the thread without their text,
# which is in no file of the database, and the other member's reply stays;
# in the private conversation his message is an erased marker and the
# other member keeps his own answer. Guessing the password is throttled
# (here and on Change password): the fifth wrong one ends the session.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-erase.sh"
e2e_start "posts_per_minute = 50" || exit 1
PW="linden-river-kaunas-42"
add_user gus "$PW" member en || exit 1
add_user bob "$PW" member en || exit 1
admin board add "Repair cafe" --description "Fix it together" >/dev/null
first="My kettle whistles like a quokkaberry train"
second="Also the toaster hums in wombatine tones"

out=$(plain_session gus "$PW" "\n1\n1\nn\nKettle noise\n$first\n.\n\nq\nq\nq\nq\n" 2>&1)
check "gus's thread is published" grep -q "Your post is published." <<<"$out"
out=$(plain_session bob "$PW" "\n1\n1\n1\nr\nTry descaling it with vinegar.\n.\n\nq\nq\nq\nq\n" 2>&1)
check "bob's reply is published" grep -q "^2\. bob" <<<"$out"
out=$(plain_session gus "$PW" "\n1\n1\n1\nr\n$second\n.\n\nq\nq\nq\nq\n" 2>&1)
check "gus's second post is published" grep -q "^3\. gus" <<<"$out"
# A private conversation: gus writes, bob answers.
out=$(plain_session gus "$PW" "\n6\n1\nn\nbob\nHello Bob, the platypusine kettle again.\n.\nq\nq\nq\nq\n" 2>&1)
check "gus's private message is sent" grep -qF "Message sent." <<<"$out"
out=$(plain_session bob "$PW" "\n6\n1\n1\nr\nBring it on Saturday.\n.\nq\nq\nq\nq\n" 2>&1)
check "bob reads it" grep -qF "platypusine" <<<"$out"
check "and answers" grep -qF "Message sent." <<<"$out"
out=$(plain_session bob "$PW" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1)
check "before: bob reads gus's first post" grep -qF "$first" <<<"$out"
check "and his second" grep -qF "$second" <<<"$out"
files=$(cat "$DATA"/tinklas.db "$DATA"/tinklas.db-wal 2>/dev/null | LC_ALL=C tr -c '[:print:]' '\n')
check "before: his words are in the database's files" grep -qF "quokkaberry" <<<"$files"

# Guessing the password in a session is throttled as at the SSH login:
# each wrong one is said and costs a pause, the fifth ends the session
# with the reason and a log line, and nothing is deleted; what was typed
# after it (more guesses, even the right password) is never read.
add_user ivy "$PW" member en || exit 1
guesses="" ; for i in 1 2 3 4 5 6; do guesses+="ivy-guess-$i\n"; done
out=$(plain_session ivy "$PW" "\n3\n9\n1\n1\n$guesses$PW\n2\n" 2>&1)
check "wrong passwords are said before the limit" \
	test "$(grep -cF "$(po_text en erase.wrong_password)" <<<"$out")" -eq 4
check "the fifth ends the session, saying why" grep -qF "$(po_text en password.too_many)" <<<"$out"
check "so the right password after it is not taken" lacks "$(po_text en erase.confirm_keep)" "$out"
check "and there is no goodbye" lacks "$(po_text en erase.goodbye)" "$out"
admin user show ivy >/dev/null 2>&1; rc=$?
check "ivy's account is still there" test "$rc" -eq 0
check "the server logs the end of the guessing" \
	grep -q "Too many wrong passwords in the session of ivy" "$E2E_TMP/server.log"
check "and each wrong password" grep -q "Wrong password in the session of ivy (4 of 5)" "$E2E_TMP/server.log"
check "but not what was typed" bash -c '! grep -q "ivy-guess" "$0"' "$E2E_TMP/server.log"
out=$(plain_session ivy "$PW" "\nq\n" 2>&1)
check "ivy logs in again with her password" grep -q "Main menu" <<<"$out"
# The same rule on Change password (Settings, 6): the current password.
add_user kim "$PW" member en || exit 1
guesses="" ; for i in 1 2 3 4 5; do guesses+="kim-guess-$i\n"; done
out=$(plain_session kim "$PW" "\n3\n6\nkim-guess-0\nbirch-meadow-vilnius-77\nbirch-meadow-vilnius-77\n$guesses" 2>&1)
check "change password says a wrong current password" grep -qF "$(po_text en password.wrong_current)" <<<"$out"
check "and the fifth ends the session there too" grep -qF "$(po_text en password.too_many)" <<<"$out"
out=$(plain_session kim "$PW" "\nq\n" 2>&1)
check "kim's password is unchanged" grep -q "Main menu" <<<"$out"

# Welcome, Settings (3), Delete my account (9), Continue (1); posts: 2
# (remove), a wrong password; asked again: 2, the right one; Yes (2).
out=$(plain_session gus "$PW" "\n3\n9\n1\n2\nnot-my-password-9\n2\n$PW\n2\n" 2>&1)
check "the plain mode lists Delete my account in Settings" grep -q "^9\. $(po_text en settings.erase)$" <<<"$out"
check "the explanation says what goes" grep -q "^Deleting your account cannot be undone." <<<"$out"
check "the choice is numbered" grep -q "^2\. $(po_text en erase.posts.remove)$" <<<"$out"
check "a wrong password is said" grep -qF "$(po_text en erase.wrong_password)" <<<"$out"
check "the last question names the posts' text" grep -qF "$(po_text en erase.confirm_remove)" <<<"$out"
check "the session ends with a goodbye" grep -qF "$(po_text en erase.goodbye)" <<<"$out"
check "no escape code reaches the plain client" bash -c "! grep -q $'\x1b' <<<\"\$0\"" "$out"

admin user show gus >/dev/null 2>&1; rc=$?
check "the account is gone" test "$rc" -eq 1
out=$(plain_session gus "$PW" "\nq\n" 2>&1)
check "gus cannot log in any more" lacks "Main menu" "$out"
out=$(plain_session bob "$PW" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1)
check "his posts keep their places as deleted" grep -q "^1\. $(po_text en person.deleted_member), .*, $(po_text en forum.post.deleted)" <<<"$out"
check "without their text" lacks "$first" "$out"
check "neither of them" lacks "$second" "$out"
check "bob's reply stays, between them" grep -q "Try descaling it with vinegar." <<<"$out"
check "and the third place is kept" grep -q "^3\. $(po_text en person.deleted_member)," <<<"$out"
files=$(cat "$DATA"/tinklas.db "$DATA"/tinklas.db-wal 2>/dev/null | LC_ALL=C tr -c '[:print:]' '\n')
check "bob's words are still in the database's files" grep -qF "descaling" <<<"$files"
check "gus's words are in none of them" lacks "quokkaberry" "$files"
check "nor his second post's" lacks "wombatine" "$files"
check "nor his private message's" lacks "platypusine" "$files"
check "while bob's answer is (control)" grep -qF "Bring it on Saturday." <<<"$files"
out=$(plain_session bob "$PW" "\n6\n1\n1\nq\nq\nq\nq\n" 2>&1)
check "bob's conversation is with a \"deleted member\"" grep -q "^1\. $(po_text en person.deleted_member) (" <<<"$out"
check "gus's message is an erased marker" grep -qF "$(po_text en pm.erased_text)" <<<"$out"
check "without its text" lacks "platypusine" "$out"
check "bob keeps his own answer" grep -qF "Bring it on Saturday." <<<"$out"
out=$(plain_session bob "$PW" "\n1\n/\nquokkaberry\n\n\n\nq\nq\nq\nq\n" 2>&1)
check "search finds nothing of his" lacks "Kettle noise (" "$out"
out=$(plain_session bob "$PW" "\n1\n/\nvinegar\n\n\n\nq\nq\nq\nq\n" 2>&1)
check "search still finds bob's reply (control)" grep -q "Kettle noise (" <<<"$out"
