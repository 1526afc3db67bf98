#!/usr/bin/env bash
# The admin command for the forums: boards (add, list, edit, move, remove,
# refused while a board holds threads), a board's own moderators, and the
# report queue (list, resolve), with clear errors, exit codes 0/1/2, help
# for the groups and each command, harmless titles, and the audit log.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

# has PATTERN ARGS...: the admin command's output matches (grep -E).
has() { local pat=$1; shift; admin "$@" | grep -qE -- "$pat"; }
# lacks PATTERN TEXT: the text holds no match (bytes, grep -E).
lacks() { ! LC_ALL=C grep -qE -- "$1" <<<"$2"; }

# The demo content: accounts (ruta and jonas are used below) and boards
# with threads, which are not removed.
out=$(admin demo); rc=$?
check "demo content fills the fresh database" test "$rc" -eq 0
out=$(admin board list); rc=$?
check "board list succeeds" test "$rc" -eq 0
check "board list has its header" grep -q "^ID  *POS  *LANG  *THREADS  *TITLE" <<<"$out"
full=$(awk 'NR > 1 && $4 > 0 { print $1; exit }' <<<"$out")
check "a demo board holds threads" test -n "$full"
err=$(admin board remove "${full:-0}" 2>&1); rc=$?
check "removing a demo board with threads fails with status 1" test "$rc" -eq 1
check "that refusal says the board still has threads" grep -q "board $full not removed: .*still has threads" <<<"$err"

# add, list, edit
out=$(admin board add "Mokymosi ratai" --description "Kas, kur ir kada susitinka" --lang lt); rc=$?
check "board add succeeds" test "$rc" -eq 0
b1=$(sed -n 's/^added board \([0-9]*\) .*/\1/p' <<<"$out")
check "board add tells the new board's id" test -n "$b1"
check "board add shows the title and language" grep -q "language lt: Mokymosi ratai" <<<"$out"
out=$(admin board add "Newcomers' corner"); rc=$?
b2=$(sed -n 's/^added board \([0-9]*\) .*/\1/p' <<<"$out")
check "a board without --lang is for any language" grep -q "language any: Newcomers' corner" <<<"$out"
n=$(admin board list | tail -n +2 | wc -l)
check "a new board goes last" grep -q "at position $n," <<<"$out"
out=$(admin board list)
check "board list shows the new board with no threads" grep -qE "^$b1 +[0-9]+ +lt +0 +Mokymosi ratai$" <<<"$out"
check "board list shows 'any' for a board without a language" grep -qE "^$b2 +$n +any +0 +Newcomers' corner$" <<<"$out"

out=$(admin board edit "$b1" --title "Study circles" --description "Who meets where and when" --lang en); rc=$?
check "board edit succeeds" test "$rc" -eq 0
check "board edit shows the new description" grep -q "Who meets where and when" <<<"$out"
check "board list shows the new title and language" has "^$b1 +[0-9]+ +en +0 +Study circles$" board list
check "board edit --any-lang clears the language" has "language any: Study circles" board edit "$b1" --any-lang
admin board edit "$b1" --lang xx >/dev/null 2>&1; rc=$?
check "an unknown language is refused with status 1" test "$rc" -eq 1
long=$(printf 'a%.0s' $(seq 1 121))
err=$(admin board edit "$b1" --title "$long" 2>&1); rc=$?
check "a 121-character title is refused with status 1" test "$rc" -eq 1
check "the refusal says what was not done" grep -q "board not changed" <<<"$err"
admin board edit "$b1" >/dev/null 2>&1; rc=$?
check "board edit without a change is a usage error (status 2)" test "$rc" -eq 2
admin board edit "$b1" --lang lt --any-lang >/dev/null 2>&1; rc=$?
check "--lang with --any-lang is a usage error" test "$rc" -eq 2
admin board edit 999999 --title "Nothing" >/dev/null 2>&1; rc=$?
check "editing a missing board fails with status 1" test "$rc" -eq 1

# A title with terminal escapes and a bidi override is stored and printed
# harmlessly.
out=$(admin board add $'Evil\e]0;pwned\a\e[2J title \xe2\x80\xae!' 2>&1); rc=$?
check "a title with escapes is accepted" test "$rc" -eq 0
b3=$(sed -n 's/^added board \([0-9]*\) .*/\1/p' <<<"$out")
out=$(admin board list)
check "board list prints no ESC or BEL byte" lacks $'[\e\a]' "$out"
check "board list prints no U+202E" lacks $'\xe2\x80\xae' "$out"
check "the visible words of the title remain" grep -q "^$b3 .*Evil.*title" <<<"$out"

# move
out=$(admin board move "$b2" 1); rc=$?
check "board move succeeds" test "$rc" -eq 0
check "board move tells the new position" grep -q "moved board $b2 at position 1," <<<"$out"
check "the moved board is listed first" test "$(admin board list | sed -n 2p | awk '{ print $1, $2 }')" = "$b2 1"
n=$(admin board list | tail -n +2 | wc -l)
check "a position past the end moves the board last" has "at position $n," board move "$b2" 999
positions=$(admin board list | awk 'NR > 1 { print $2 }' | tr '\n' ' ')
check "positions stay 1..n without gaps" test "$positions" = "$(seq -s ' ' 1 "$n") "
admin board move "$b2" 0 >/dev/null 2>&1; rc=$?
check "position 0 is a usage error" test "$rc" -eq 2

# moderators
out=$(admin board moderators "$b1"); rc=$?
check "a board has no moderators of its own at first" grep -q "no moderators of its own" <<<"$out"
check "moderators add ruta" has "ruta now moderates board $b1" board moderators "$b1" add ruta
check "moderators add jonas" has "jonas now moderates board $b1" board moderators "$b1" add jonas
out=$(admin board moderators "$b1")
check "the moderators are listed by name" test "$(awk '{ print $2 }' <<<"$out" | tr '\n' ' ')" = "jonas ruta "
check "adding twice is not an error" has "ruta already moderates" board moderators "$b1" add ruta
check "moderators remove ruta" has "ruta no longer moderates board $b1" board moderators "$b1" remove ruta
out=$(admin board moderators "$b1")
check "ruta is no longer listed" lacks ruta "$out"
err=$(admin board moderators "$b1" remove ruta 2>&1); rc=$?
check "removing someone who does not moderate fails with status 1" test "$rc" -eq 1
check "that refusal says so" grep -q "ruta does not moderate board $b1" <<<"$err"
admin board moderators "$b1" add nobody >/dev/null 2>&1; rc=$?
check "an unknown account fails with status 1" test "$rc" -eq 1
admin board moderators "$b1" promote ruta >/dev/null 2>&1; rc=$?
check "an unknown moderators action is a usage error" test "$rc" -eq 2

# remove
out=$(admin board remove "$b2"); rc=$?
check "an empty board is removed" test "$rc" -eq 0
check "remove tells the title" grep -q "removed board $b2: Newcomers' corner" <<<"$out"
check "the removed board is gone from the list" lacks "^$b2 " "$(admin board list)"
err=$(admin board remove "$b2" 2>&1); rc=$?
check "removing a missing board fails with status 1" test "$rc" -eq 1
check "that failure says there is no such board" grep -q "no board $b2" <<<"$err"
admin board remove abc >/dev/null 2>&1; rc=$?
check "a board id that is not a number is a usage error" test "$rc" -eq 2
admin board add >/dev/null 2>&1; rc=$?
check "board add without a title is a usage error" test "$rc" -eq 2
admin board frobnicate >/dev/null 2>&1; rc=$?
check "an unknown board command is a usage error" test "$rc" -eq 2

# reports
out=$(admin report list); rc=$?
check "report list succeeds on an empty queue" test "$rc" -eq 0
check "report list says there are no open reports" grep -q "no open reports" <<<"$out"
admin report list --limit 0 >/dev/null 2>&1; rc=$?
check "report list --limit 0 is a usage error" test "$rc" -eq 2
err=$(admin report resolve 999999 hide --reason "spam" 2>&1); rc=$?
check "resolving a missing post fails with status 1" test "$rc" -eq 1
check "that failure names the post" grep -q "no post 999999" <<<"$err"
admin report resolve 1 hide >/dev/null 2>&1; rc=$?
check "resolve without --reason is a usage error" test "$rc" -eq 2
admin report resolve 1 frown --reason x >/dev/null 2>&1; rc=$?
check "an unknown resolution is a usage error" test "$rc" -eq 2
admin report resolve 1 hide --days 3 --reason x >/dev/null 2>&1; rc=$?
check "--days without suspend is a usage error" test "$rc" -eq 2
admin report resolve 1 suspend --days 0 --reason x >/dev/null 2>&1; rc=$?
check "--days 0 is refused with status 1" test "$rc" -eq 1

# Reports made through the product: a member posts in plain mode, three
# members report the post (which hides it), the admin command lists and
# resolves the reports: dismiss, hide, and suspend the author.
PW="linden-river-kaunas-42"
for u in vytas aiste birute darius; do add_user "$u" "$PW" member en; done
admin board move "$b1" 1 >/dev/null
# post_thread TITLE BODY: vytas starts a thread in the first board.
post_thread() {
	plain_session vytas "$PW" "\n1\n1\nn\n$1\n$2\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
}
# report_newest USER REASON: reports the first post of the newest thread.
report_newest() {
	plain_session "$1" "$PW" "\n1\n1\n1\nx\n$2\nq\nq\nq\nq\n" >/dev/null 2>&1
}
# read_newest USER: the plain session of USER opening the newest thread.
read_newest() { plain_session "$1" "$PW" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1; }

post_thread "Cheap watches" 'Buy watches at spam.example \e]0;pwned\a\e[2J now \xe2\x80\xae!'
report_newest aiste "spam links"
report_newest birute "advertising"
check "before three reports the post is shown to members" grep -q "spam.example" <<<"$(read_newest darius)"
report_newest darius "spam again"
out=$(admin report list); rc=$?
check "report list succeeds with open reports" test "$rc" -eq 0
p1=$(awk 'NR == 2 { print $1 }' <<<"$out")
check "report list shows the post with three reports, hidden by them, and its author" grep -qE "^$p1 +3 +reports +vytas +[0-9]+ +Cheap watches$" <<<"$out"
check "report list shows the post's start" grep -qF 'post #1: "Buy watches at spam.example' <<<"$out"
check "report list shows each reporter's reason" bash -c 'grep -q "^ *aiste: spam links$" <<<"$1" && grep -q "^ *birute: advertising$" <<<"$1" && grep -q "^ *darius: spam again$" <<<"$1"' _ "$out"
check "report list prints no ESC or BEL byte from the post" lacks $'[\e\a]' "$out"
check "report list prints no U+202E from the post" lacks $'\xe2\x80\xae' "$out"
out=$(read_newest aiste)
check "a member still opens the thread" grep -qF "[Cheap watches, " <<<"$out"
check "three reports hide the post from members" lacks "spam.example" "$out"
check "report list --limit 1 shows one report" test "$(admin report list --limit 1 | grep -c '^[0-9]')" -eq 1

out=$(admin report resolve "$p1" dismiss --reason "an ordinary offer"); rc=$?
check "resolve dismiss succeeds" test "$rc" -eq 0
check "resolve dismiss says so" grep -q "reports on post $p1 dismissed" <<<"$out"
check "the queue is empty again" has "no open reports" report list
check "dismissing shows the post to members again" grep -q "spam.example" <<<"$(read_newest aiste)"
err=$(admin report resolve "$p1" dismiss --reason "again" 2>&1); rc=$?
check "resolving a post without open reports fails with status 1" test "$rc" -eq 1
check "that failure says it was not resolved" grep -q "reports on post $p1 not resolved" <<<"$err"

post_thread "More watches" "Second offer at spam.example"
report_newest aiste "still spam"
p2=$(admin report list | awk 'NR == 2 { print $1 }')
check "one report does not hide the post" has "^$p2 +1 +no +vytas" report list
check "resolve hide succeeds" has "post $p2 hidden" report resolve "$p2" hide --reason "spam"
out=$(read_newest birute)
check "a member opens the thread of the hidden post" grep -qF "[More watches, " <<<"$out"
check "a hidden post is gone for members" lacks "Second offer" "$out"

post_thread "Watches again" "Third offer at spam.example"
report_newest birute "spam, third time"
p3=$(admin report list | awk 'NR == 2 { print $1 }')
check "resolve suspend succeeds" has "post $p3 hidden; vytas suspended for 3 days" report resolve "$p3" suspend --days 3 --reason "repeated spam"
check "the author is suspended" has "^status: +suspended until" user show vytas
check "the suspension reason is the resolution's" has "^reason: +repeated spam" user show vytas
out=$(admin audit --limit 200)
# Entries name what their ids stand for: (#seq by author in "thread").
check "the audit log records the dismissal and why" grep -qE "\(admin command\)  report\.dismiss  post $p1 \(#[0-9]+ by vytas in \"[^\"]+\"\)  an ordinary offer" <<<"$out"
check "the audit log records the hiding" grep -qE "\(admin command\)  report\.hide  post $p2 \([^)]*\)  spam" <<<"$out"
check "the audit log records the suspension" grep -qE "\(admin command\)  report\.suspend  post $p3 \([^)]*\)  repeated spam" <<<"$out"
check "the suspension names the account" grep -qE "user\.suspend  account [0-9]+ \(vytas\)  3 days: repeated spam" <<<"$out"
check "the audit log records three reports hiding the post as automatic" grep -qE "\(automatic\)  post\.auto_hide  post $p1 \([^)]*\)  automatic: 3 reports" <<<"$out"
check "no automatic hide is credited to the admin command" bash -c "! grep -q '(admin command)  post.auto_hide' <<<\"\$0\"" "$out"

# A board holding threads is not removed.
check "board list counts the board's threads" has "^$b1 +1 +any +3 +Study circles$" board list
err=$(admin board remove "$b1" 2>&1); rc=$?
check "removing a board that holds threads fails with status 1" test "$rc" -eq 1
check "the refusal names the board" grep -q "board $b1 not removed" <<<"$err"
check "the refusal says why" grep -q "still has threads" <<<"$err"
check "the board is still there" has "^$b1 " board list

# help
out=$(admin board --help); rc=$?
check "board --help exits 0" test "$rc" -eq 0
missing=
for c in add list edit move remove moderators; do
	grep -q "^  board $c" <<<"$out" || missing+=" $c"
done
check "board --help lists every command" test -z "$missing"
check "board add --help shows its options" has "TITLE \[--description TEXT\] \[--lang xx\]" board add --help
check "board moderators --help shows its actions" has "ID \[add NAME \| remove NAME\]" board moderators --help
out=$(admin report --help); rc=$?
check "report --help exits 0" test "$rc" -eq 0
check "report --help lists list" grep -qF "report list [--kind post|message] [--limit N]" <<<"$out"
check "report --help lists resolve" grep -q "report resolve ID ACTION" <<<"$out"
check "report resolve --help names the resolutions" has "dismiss, hide, or suspend" report resolve --help
check "admin --help lists the board group" has "^  board add" --help
check "admin --help lists the report group" has "^  report list" --help
admin board >/dev/null 2>&1; rc=$?
check "board without a command is a usage error" test "$rc" -eq 2

# The audit log holds the board changes, made by the admin command.
out=$(admin audit --limit 200)
ruta=$(admin user show ruta | awk '$1 == "id:" { print $2 }')
check "the audit log records the added board, named by its title now" grep -qF "(admin command)  board.add  board $b1 (\"Study circles\")  Mokymosi ratai" <<<"$out"
check "the audit log records the edit" grep -qF "(admin command)  board.edit  board $b1" <<<"$out"
check "the audit log records the move" grep -qF "(admin command)  board.move  board $b2" <<<"$out"
check "the audit log records the moderator added" grep -qF "(admin command)  board.moderator_add  board $b1 (\"Study circles\")  account $ruta" <<<"$out"
check "the audit log records the moderator removed" grep -qF "(admin command)  board.moderator_remove  board $b1 (\"Study circles\")  account $ruta" <<<"$out"
check "the audit log records the removal" grep -qF "(admin command)  board.remove  board $b2" <<<"$out"
