#!/usr/bin/env bash
# The calendar's whole walk (issue 8) over the real ssh client, once on the
# full screen and once in the plain mode: an organiser creates a weekly
# event with one place; a member finds it in the month and in the agenda
# and answers going; a second member's going is a place on the waitlist;
# the first withdrawing promotes the second, who is told in the inbox;
# `ssh host my.ics` then holds the date for the promoted member, calcurse
# imports it and python3-icalendar reads it; the member's secret feed
# address serves the same bytes over HTTP, and after a renewal the old
# address is refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-ical.sh"
e2e_start "notice_poll_ms = 500" "feeds_listen = 127.0.0.1:0" \
	"feeds_url = https://tinklas.example.lt/feeds/" || exit 1
# The feeds say where they listen after the SSH side does.
file_has "$E2E_TMP/server.out" "Feeds listening on 127.0.0.1:" || exit 1
FPORT=$(feeds_port)
PASS="linden-river-kaunas-42"
add_user biblioteka "$PASS" organiser en || exit 1
for who in ona petras greta marius; do add_user "$who" "$PASS" member en || exit 1; done
T=$E2E_TMP

# The site's days: the chess club's first Tuesday one or two weeks ahead,
# the sewing workshop's Wednesday after it.
vday() { TZ=Europe/Vilnius date -d "12:00 $1" "${2:-+%F}"; }
CHESS=$(vday "tuesday + 7 days")
SEW=$(vday "$CHESS + 1 day")
ahead=$(( ($(date -d "$CHESS 12:00" +%s) - $(date -d "12:00 today" +%s)) / 86400 ))
next_month() { [ "$(vday "$1" +%m)" != "$(vday today +%m)" ]; }
# run USER CMD OUT: ssh_run with the members' password.
run() { ssh_run "$1" "$PASS" "$2" "$3"; }
promoted() { po_text en calendar.notice.promoted | sed "s/{0}/$1/"; }

# --- Full screen: the organiser's weekly chess club, one place, 4 times.
tm_menu o biblioteka "$PASS" || exit 1
tm_keys o 5
tm_wait o "n New event" >/dev/null
tm_keys o n
tm_wait o "New event" >/dev/null
tm_type o "Šachmatų būrelis"
tm_keys o Tab
tm_type o "Chess for beginners; boards provided."
tm_keys o Tab Tab
tm_type o "$CHESS"
tm_keys o Tab
tm_type o "17:00"
tm_keys o Tab Tab
tm_type o "18:30"
tm_keys o Tab Tab
tm_type o "Vilijampolės bendruomenės centras"
tm_keys o Tab
tm_type o "Tilžės g. 1"
# Eldership kept, languages "en" and then lt, the topic, four access
# choices and their note passed, the places.
tm_keys o Tab Tab
tm_type o ", lt"
tm_keys o Tab
tm_type o "chess"
tm_keys o Tab Tab Tab Tab Tab Tab BSpace
tm_type o "1"
check "the places field holds 1" tm_wait o "> Places"
tm_keys o Tab Tab Right
check "weekly is chosen" tm_wait o "< Weekly >"
tm_keys o Tab Tab Tab Tab BSpace
tm_type o "4"
check "the count is the last field" tm_wait o "> How many times"
tm_keys o C-x
check "the organiser's weekly event is published" tm_wait o "The event is published."
out=$(admin event list)
chess=$(sed -n 's/^\([0-9]*\) .*Šachmatų būrelis$/\1/p' <<<"$out")
check "it is listed as repeating" grep -qE "^$chess +published +$CHESS 17:00 EES?T +yes " <<<"$out"
out=$(admin event show "$chess")
check "four Tuesdays, one place" bash -c \
	'grep -q "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO;COUNT=4" <<<"$1" && grep -q "places        1$" <<<"$1"' _ "$out"

# --- Ona finds it in the month (its day marked, the title under the
# grid) and in the agenda, and answers going.
tm_menu a ona "$PASS" || exit 1
tm_keys a 5
tm_wait a "Calendar: " >/dev/null
for ((i = 0; i < ahead; i++)); do tm_keys a l; done
check "full: the month shows the club under the grid on its day" tm_wait a "Šachmatų būrelis"
check "full: its day is marked with a character and its count" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t a | grep -qE ' $(vday "$CHESS" +%-d) \*1( |$)'"
tm_keys a a
tm_wait a "Calendar: upcoming events" >/dev/null
row=$(tm_screen a | grep -m1 "Šachmatų" | sed 's/^ *>* *\([0-9]*\)\..*/\1/')
check "full: the agenda lists the club" test -n "$row"
tm_keys a "$row"
check "full: one place, free" tm_wait a "Places: 1, free: 1, on the waitlist: 0."
tm_keys a g
check "full: ona is going" tm_wait a "You are going. See you there!"

# --- Petras (plain): going is the first place on the waitlist.
out=$(plain_session petras "$PASS" "\n5\na\nq\nq\nq\n" 2>&1)
n=$(grep -m1 "^[0-9]*\. .*Šachmatų" <<<"$out" | cut -d. -f1)
check "plain: petras finds it in the agenda" test -n "$n"
out=$(plain_session petras "$PASS" "\n5\na\n$n\ng\nq\nq\nq\nq\n" 2>&1)
check "plain: the place is taken: petras waits first" \
	grep -q "The event is full: you are on the waitlist, place 1." <<<"$out"

# --- Ona withdraws on the full screen; petras gets the place, told.
tm_keys a w
check "full: ona takes her answer back" tm_wait a "Your answer is taken back."
out=$(plain_session petras "$PASS" "\n2\nq\nq\n" 2>&1)
check "petras is told in Notifications that a place freed up" \
	grep -qF "$(promoted "Šachmatų būrelis")" <<<"$out"
out=$(plain_session petras "$PASS" "\n5\na\n$n\nq\nq\nq\nq\n" 2>&1)
check "and the event says he is going" grep -q "You are going." <<<"$out"

# --- my.ics, calcurse, python3-icalendar; the feed, renewed.
run petras my.ics "$T/p.ics"
check "ssh host my.ics exits 0 (rc $rc)" test "$rc" -eq 0
# Answers are per date: my.ics holds the date he goes to, not the rule.
check "it holds the club's date he answered, without the rule" bash -c \
	"grep -q '^SUMMARY:Šachmatų būrelis' '$T/p.ics' && ! grep -q '^RRULE:FREQ=WEEKLY' '$T/p.ics'"
ical_read "$T/p.ics" >"$T/p.read" 2>"$T/p.read.err"
check "python3-icalendar reads it: title, times and place" grep -qx \
	"Šachmatų būrelis|$(date -d "$CHESS" +%m/%d/%Y) @ 17:00|$(date -d "$CHESS" +%m/%d/%Y) @ 18:30|Vilijampolės bendruomenės centras, Tilžės g. 1|" "$T/p.read"
check "calcurse -i imports it, title, times and place kept" \
	calcurse_same "$T/p.ics" "$T/p.read" "$T/cc-p"
run ona my.ics "$T/o.ics"
check "ona's my.ics no longer has it (she withdrew)" \
	bash -c "[ $rc -eq 0 ] && ! grep -q 'Šachmatų' '$T/o.ics' && grep -q '^BEGIN:VCALENDAR' '$T/o.ics'"
run petras feeds "$T/feeds.1"
url1=$(cat "$T/feeds.1")
out=$(http "${url1#https://tinklas.example.lt/feeds}" "$T/p.http")
check "the secret address serves my.ics (got ${out%%|*})" test "${out%%|*}" = 200
check "with the same bytes as ssh host my.ics" cmp -s "$T/p.ics" "$T/p.http"
out=$(plain_session petras "$PASS" "\nq\n" 2>&1)
s=$(grep -o "^[0-9]*\. Settings" <<<"$out" | cut -d. -f1)
out=$(plain_session petras "$PASS" "\n$s\nq\nq\n" 2>&1)
f=$(grep -o "^[0-9]*\. Secret feed addresses" <<<"$out" | cut -d. -f1)
out=$(plain_session petras "$PASS" "\n$s\n$f\nr\n2\nq\nq\nq\n" 2>&1)
check "renewing in Settings says the old addresses stop" \
	grep -qF "New addresses made. The old ones no longer work." <<<"$out"
out=$(http "${url1#https://tinklas.example.lt/feeds}" "$T/x")
check "the old address is refused: 404 (got ${out%%|*})" test "${out%%|*}" = 404
run petras feeds "$T/feeds.2"
url2=$(cat "$T/feeds.2")
out=$(http "${url2#https://tinklas.example.lt/feeds}" "$T/p.http2")
check "the new one serves the same (got ${out%%|*})" \
	bash -c "[ '${out%%|*}' = 200 ] && cmp -s '$T/p.ics' '$T/p.http2'"
tmux -L "$TMUX_SOCK" kill-server

# --- The same walk in the plain mode: a weekly sewing workshop, one place.
# The form's questions in order; how it repeats is asked after "Weekly".
form="Siuvimo dirbtuvės\nBring fabric; machines provided.\n.\n\n$SEW\n11:00\n\n13:00\n\n"
form+="Šilainių biblioteka\nPrancūzų g. 69\n\nlt\nsewing\n\n\n\n\n\n1\n\n2\n\n\n\n4\n"
out=$(plain_session biblioteka "$PASS" "\n5\nn\n$form\nq\nq\nq\n" 2>&1)
check "plain: the organiser's weekly event is published" grep -q "The event is published." <<<"$out"
check "plain: it asked for the weekdays after Weekly" grep -q ": On which weekdays" <<<"$out"
sew=$(admin event list | sed -n 's/^\([0-9]*\) .*Siuvimo dirbtuvės$/\1/p')
check "plain: four Wednesdays, one place" bash -c \
	'grep -q "FREQ=WEEKLY;INTERVAL=1;BYDAY=WE;WKST=MO;COUNT=4" <<<"$1" && grep -q "places        1$" <<<"$1"' \
	_ "$(admin event show "$sew")"
# Greta: the month's list of days, the day, the event; going.
month=""
next_month "$SEW" && month=">\n"
d=$(vday "$SEW" +%-d)
out=$(plain_session greta "$PASS" "\n5\n$month$d\n1\ng\nq\nq\nq\nq\n" 2>&1)
check "plain: the month lists the workshop's day" grep -qE "^$d\. .*\(1 event" <<<"$out"
check "plain: the day lists it" grep -q "Siuvimo dirbtuvės" <<<"$out"
check "plain: greta is going" grep -q "You are going. See you there!" <<<"$out"
out=$(plain_session marius "$PASS" "\n5\na\nq\nq\nq\n" 2>&1)
n=$(grep -m1 "^[0-9]*\. .*Siuvimo" <<<"$out" | cut -d. -f1)
check "plain: marius finds it in the agenda" test -n "$n"
out=$(plain_session marius "$PASS" "\n5\na\n$n\ng\nq\nq\nq\nq\n" 2>&1)
check "plain: marius waits first" \
	grep -q "The event is full: you are on the waitlist, place 1." <<<"$out"
out=$(plain_session greta "$PASS" "\n5\na\n$n\nw\nq\nq\nq\nq\n" 2>&1)
check "plain: greta takes her answer back" grep -q "Your answer is taken back." <<<"$out"
out=$(plain_session marius "$PASS" "\n2\nq\nq\n" 2>&1)
check "plain: marius is told a place freed up" \
	grep -qF "$(promoted "Siuvimo dirbtuvės")" <<<"$out"
run marius my.ics "$T/m.ics"
ical_read "$T/m.ics" >"$T/m.read" 2>"$T/m.read.err"
check "plain: marius's my.ics holds the workshop's date" grep -qx \
	"Siuvimo dirbtuvės|$(date -d "$SEW" +%m/%d/%Y) @ 11:00|$(date -d "$SEW" +%m/%d/%Y) @ 13:00|Šilainių biblioteka, Prancūzų g. 69|" "$T/m.read"
check "plain: calcurse imports it" calcurse_same "$T/m.ics" "$T/m.read" "$T/cc-m"
# The organiser edits it in the plain mode, keeping every answer: the
# description stays (a dot keeps the text) and so does the rule.
edit="\n.\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
out=$(plain_session biblioteka "$PASS" "\n5\na\n$n\ne\n$edit\nq\nq\nq\nq\n" 2>&1)
check "plain: the edit is saved" grep -q "Saved; everyone who answered is told." <<<"$out"
check "plain: the edit kept the description and the rule" bash -c \
	'grep -q "description   Bring fabric; machines provided." <<<"$1" && grep -q "COUNT=4" <<<"$1"' \
	_ "$(admin event show "$sew")"
