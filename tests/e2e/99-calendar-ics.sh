#!/usr/bin/env bash
# The calendar's iCalendar (issue 8) over the real ssh client and over the
# feeds: `ssh host calendar.ics` prints the public upcoming events, my.ics
# the member's own (going and maybe), event-N.ics one event, and
# event-N-attendees.csv the attendees for the organiser only. Two readers
# that are not ours take the files: calcurse imports them without losing
# title, times, place or recurrence, and python3-icalendar parses them
# (RRULE, VTIMEZONE, DTSTART in Europe/Vilnius). With feeds_listen the
# public feed serves the same bytes as ssh, the member's secret address
# (from `ssh host feeds`) serves my.ics, and after a renewal in Settings
# the old address is 404 and the new one works. The events are the demo
# month's (`tinklas admin demo`), whose members answered "going" through
# the model; answering through the screens is tested with them
# (97-calendar-views.sh), and my.ics after an answer also in
# tests/unit/test_calendar_outputs.c.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-ical.sh"

e2e_start "feeds_listen = 127.0.0.1:0" \
	"feeds_url = https://tinklas.example.lt/feeds/" \
	"public_host = tinklas.example.lt:2222" || exit 1
check "serve starts the feeds" file_has "$E2E_TMP/server.out" "Feeds listening on 127.0.0.1:"
FPORT=$(feeds_port)
admin demo >"$E2E_TMP/demo.txt" 2>/dev/null || exit 1
check "the demo month is there" grep -q "^calendar: 8 events" "$E2E_TMP/demo.txt"
# pw USER: a demo login's password.
pw() { awk -v u="$1" '$1 == u { print $2 }' "$E2E_TMP/demo.txt"; }
add_user ru_user "linden-river-kaunas-42" member ru || exit 1
add_user pl_user "linden-river-kaunas-42" member pl || exit 1

# run USER CMD OUT: `ssh USER@host CMD` (guest: no password), its stdout
# in OUT, stderr beside it, the status in $rc.
run() {
	local user=$1 cmd=$2 out=$3 pass
	case $user in
	guest) pass= ;;
	*_user) pass=linden-river-kaunas-42 ;;
	*) pass=$(pw "$user") ;;
	esac
	ssh_run "$user" "$pass" "$cmd" "$out"
}
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qF -- "$2" "$1"; }
vevents() { grep -c "^BEGIN:VEVENT" "$1"; }
T=$E2E_TMP
CAFE="Lietuvių kalbos kavinė / Литовське кафе"
LECTURE="Open lecture: the Baltic Sea in a warmer climate"
ONLINE="Online: using e-government services"
PROPOSAL="Mainų turgelis: knygos ir žaidimai"

# --- calendar.ics over ssh, for anyone
run guest help "$T/help.guest"
check "a guest's help lists calendar.ics" grep -q "^  calendar.ics upcoming public events" "$T/help.guest"
check "and event-*.ics" grep -q "^  event-\*\.ics " "$T/help.guest"
check "but not my.ics (members only)" not grep -q "my\.ics" "$T/help.guest"
run emma help "$T/help.emma"
check "a member's help lists my.ics" grep -q "^  my\.ics  *your events (going and maybe)" "$T/help.emma"
check "and feeds" grep -q "^  feeds  *your secret feed addresses" "$T/help.emma"
check "and the attendees' CSV, its text on a line of its own" \
	grep -A1 -q "^  event-\*-attendees\.csv$" "$T/help.emma"
check "no line of help is wider than 80" not grep -q '.\{81\}' "$T/help.emma"

run guest calendar.ics "$T/cal.ics"
check "ssh host calendar.ics exits 0 (rc $rc)" test "$rc" -eq 0
check "it is an iCalendar" test "$(head -n 1 "$T/cal.ics")" = $'BEGIN:VCALENDAR\r'
check "every line ends in CR LF" not grep -qv $'\r$' "$T/cal.ics"
check "it holds the 7 published events (got $(vevents "$T/cal.ics"))" test "$(vevents "$T/cal.ics")" -eq 7
check "the weekly café with its rule" has "$T/cal.ics" "RRULE:FREQ=WEEKLY"
check "and the lecture" has "$T/cal.ics" "SUMMARY:$LECTURE"
check "not a member's proposal" hasnt "$T/cal.ics" "$PROPOSAL"
check "no escape code in it" not grep -q $'\x1b' "$T/cal.ics"

# A second reader: python3-icalendar. It prints, for each event, the
# title, start and end in Vilnius, the place and the rule, for calcurse.
ical_read "$T/cal.ics" >"$T/cal.read" 2>"$T/cal.read.err"
check "python3-icalendar parses calendar.ics: one VTIMEZONE Europe/Vilnius, DTSTART in it" \
	test -s "$T/cal.read" -a ! -s "$T/cal.read.err"
check "it reads 7 events" test "$(wc -l <"$T/cal.read")" -eq 7
check "it reads the café's rule as weekly" grep -q "^$CAFE|.*|WEEKLY$" "$T/cal.read"
check "and the lecture's place" grep -q "^$LECTURE|.*|Vytauto Didžiojo universitetas, K. Donelaičio g. 58, Kaunas|$" "$T/cal.read"

check "calcurse -i imports calendar.ics: titles, times, places and the rule kept" \
	calcurse_same "$T/cal.ics" "$T/cal.read" "$T/cc"
check "calcurse says 7 appointments, none skipped" grep -q "^7 apps / 0 events / 0 todos / 0 skipped" "$T/cc/import.out"
TZ=Europe/Vilnius calcurse -D "$T/cc" -d 30 >"$T/cc.30" 2>&1
cafes=$(grep -c "$CAFE" "$T/cc.30")
check "calcurse's next 30 days have the café every week ($cafes times)" test "$cafes" -ge 4
check "and the lecture once" test "$(grep -c "$LECTURE" "$T/cc.30")" -eq 1

# --- my.ics: emma answered "going" to the lecture and the online event.
run guest my.ics "$T/my.guest"
check "a guest may not ask for my.ics (rc $rc)" test "$rc" -eq 1
check "and is told so (the server says it before any output)" \
	grep -q "You may not run my.ics here" "$T/my.guest.err"
run emma my.ics "$T/my.ics"
check "ssh host my.ics exits 0 for a member (rc $rc)" test "$rc" -eq 0
check "it holds emma's two events (got $(vevents "$T/my.ics"))" test "$(vevents "$T/my.ics")" -eq 2
check "the lecture" has "$T/my.ics" "SUMMARY:$LECTURE"
check "and the online one" has "$T/my.ics" "SUMMARY:$ONLINE"
check "not the café she did not answer (which calendar.ics has)" \
	bash -c "! grep -qF -- 'SUMMARY:$CAFE' '$T/my.ics' && grep -qF -- 'SUMMARY:$CAFE' '$T/cal.ics'"
ical_read "$T/my.ics" >"$T/my.read" 2>"$T/my.read.err"
check "python3-icalendar parses my.ics" test "$(wc -l <"$T/my.read")" -eq 2 -a ! -s "$T/my.read.err"
check "calcurse -i imports my.ics without loss" calcurse_same "$T/my.ics" "$T/my.read" "$T/cc-my"

# --- one event, and who may see it
run guest event-1.ics "$T/e1.ics"
check "ssh host event-1.ics exits 0 (rc $rc)" test "$rc" -eq 0
check "it is the café, alone, with its rule" \
	bash -c "[ \$(grep -c '^BEGIN:VEVENT' '$T/e1.ics') -eq 1 ] && grep -qF -- 'SUMMARY:$CAFE' '$T/e1.ics' && grep -q '^RRULE:FREQ=WEEKLY' '$T/e1.ics'"
ical_read "$T/e1.ics" >"$T/e1.read" 2>/dev/null
check "calcurse -i imports event-1.ics as a weekly appointment" calcurse_same "$T/e1.ics" "$T/e1.read" "$T/cc-e1"
run guest event-8.ics "$T/e8.guest"
check "a member's proposal is no event for a guest (rc $rc)" test "$rc" -eq 1
check "who is told there is no such event" grep -qx "There is no such event." "$T/e8.guest"
run ruta event-8.ics "$T/e8.ruta"
check "but its author gets it (rc $rc)" bash -c "[ $rc -eq 0 ] && grep -qF -- 'SUMMARY:$PROPOSAL' '$T/e8.ruta'"
for name in event-99999.ics event-01.ics event-99999999999999999999.ics; do
	run guest "$name" "$T/bad"
	check "$name: no such event, status 1 (rc $rc)" \
		bash -c "[ $rc -eq 1 ] && grep -qx 'There is no such event.' '$T/bad'"
done

# --- the attendees, for the organiser only (moderatore organises event 2,
# capacity 2: jonas and ruta going, olena waiting).
run moderatore event-2-attendees.csv "$T/att.csv"
check "the organiser gets event-2-attendees.csv (rc $rc)" test "$rc" -eq 0
check "as CSV with its header" test "$(head -n 1 "$T/att.csv")" = $'name,display_name,answer,waitlist,answered_utc\r'
check "naming the two going" bash -c "grep -q '^jonas,Jonas Kazlauskas,going,0,' '$T/att.csv' && grep -q '^ruta,Rūta Petraitienė,going,0,' '$T/att.csv'"
check "and the one waiting" grep -q "^olena,Олена Коваленко,going,1," "$T/att.csv"
run emma event-2-attendees.csv "$T/att.emma"
check "a member who does not organise it is refused, status 1 (rc $rc)" test "$rc" -eq 1
check "in her language, naming no one" bash -c "grep -qx \"Only the event's organiser or a moderator may do that.\" '$T/att.emma' && ! grep -q jonas '$T/att.emma'"
run guest event-2-attendees.csv "$T/att.guest"
check "a guest may not ask at all (rc $rc)" bash -c "[ $rc -eq 1 ] && grep -q 'You may not run' '$T/att.guest.err' && ! [ -s '$T/att.guest' ]"

# --- the feeds over HTTP serve the same bytes
out=$(http /calendar.ics "$T/cal.http")
check "GET /calendar.ics is 200 text/calendar (got $out)" test "${out%|*}" = "200|text/calendar; charset=utf-8"
check "with the same bytes as ssh host calendar.ics" cmp -s "$T/cal.ics" "$T/cal.http"
out=$(http /event-1.ics "$T/e1.http")
check "GET /event-1.ics is 200 (got $out)" test "${out%%|*}" = 200
check "the same bytes as ssh host event-1.ics" cmp -s "$T/e1.ics" "$T/e1.http"
out=$(http /event-99999.ics "$T/x")
check "an event that is not there is 404, like an unknown name (got $out)" test "${out%%|*}" = 404
out=$(http /event-8.ics "$T/x")
check "so is a member's proposal (got $out)" test "${out%%|*}" = 404
check "and neither is logged as a failure" not grep -q "the output failed" "$E2E_TMP/server.log"
check "but as a 404 (the log's positive control)" grep -q "Feed GET /event-8.ics: 404" "$E2E_TMP/server.log"
out=$(http /event-2-attendees.csv "$T/x")
check "the attendees are no feed: 404 (got $out)" test "${out%%|*}" = 404
out=$(http /my.ics "$T/x")
check "my.ics has no public address: 404 (got $out)" test "${out%%|*}" = 404

run emma feeds "$T/feeds.1"
check "ssh host feeds gives the member's address (rc $rc)" test "$rc" -eq 0
url1=$(cat "$T/feeds.1")
check "one line, under feeds_url: $url1" \
	bash -c "[ \$(wc -l <'$T/feeds.1') -eq 1 ] && [[ '$url1' =~ ^https://tinklas\.example\.lt/feeds/u/[A-Za-z0-9_-]{43}/my\.ics$ ]]"
path1=${url1#https://tinklas.example.lt/feeds}
out=$(http "$path1" "$T/my.http")
check "the secret address serves my.ics, kept by no cache (got $out)" \
	test "$out" = "200|text/calendar; charset=utf-8|private, no-store"
check "with the same bytes as ssh host my.ics" cmp -s "$T/my.ics" "$T/my.http"

# --- the address in Settings, full screen, in each language: wrapped
# whole, with the command that prints it for copying.
for u in emma:en ruta:lt olena:uk ru_user:ru pl_user:pl; do
	user=${u%:*} lang=${u#*:} s=f${u#*:}
	case $user in *_user) pass=linden-river-kaunas-42 ;; *) pass=$(pw "$user") ;; esac
	run "$user" feeds "$T/feeds.$lang"
	url=$(cat "$T/feeds.$lang")
	tm_login "$s" "$user" "$pass"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	n=$(tm_screen "$s" | grep -o "[0-9]*\. $(po_text "$lang" menu.settings)" | cut -d. -f1)
	tm_keys "$s" "$n"
	tm_wait "$s" "$(po_text "$lang" settings.feeds)" >/dev/null
	n=$(tm_screen "$s" | grep -o "[0-9]*\. $(po_text "$lang" settings.feeds)" | cut -d. -f1)
	tm_keys "$s" "$n"
	tm_wait "$s" "$(po_text "$lang" feeds.renew)" >/dev/null
	check "$lang: Settings shows the secret address whole, wrapped" \
		bash -c "tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d ' \n' | grep -qF -- '$url'"
	check "$lang: and the command that prints it for copying" \
		bash -c "tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d '\n' | tr -s ' ' | grep -qF -- 'ssh -p 2222 $user@tinklas.example.lt feeds'"
	check "$lang: the key bar keeps renewal, q and ?" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | tail -1 | grep -qF -- 'r $(po_text "$lang" feeds.renew)  q $(po_text "$lang" key.back)  ? $(po_text "$lang" key.help)'"
	tmux -L "$TMUX_SOCK" kill-session -t "$s"
done

# --- renewal in Settings, plain mode: the old address stops at once.
pass=$(pw emma)
out=$(plain_session emma "$pass" "\nq\n" 2>&1)
n=$(grep -o "^[0-9]*\. Settings" <<<"$out" | cut -d. -f1)
out=$(plain_session emma "$pass" "\n$n\nq\nq\n" 2>&1)
m=$(grep -o "^[0-9]*\. Secret feed addresses" <<<"$out" | cut -d. -f1)
check "plain Settings offers the feed addresses (entry $m)" test -n "$m"
out=$(plain_session emma "$pass" "\n$n\n$m\nr\n2\nq\nq\nq\n" 2>&1)
check "the plain page prints the address on one line" grep -qxF -- "$url1" <<<"$out"
check "and says how to print it for copying" grep -qF "run: ssh -p 2222 emma@tinklas.example.lt feeds" <<<"$out"
check "renewal asks first" grep -qF "Make new addresses? The old ones stop working at once" <<<"$out"
check "and says it is done" grep -qF "New addresses made. The old ones no longer work." <<<"$out"
run emma feeds "$T/feeds.2"
url2=$(cat "$T/feeds.2")
check "ssh host feeds now gives a new address" test -n "$url2" -a "$url2" != "$url1"
check "which the plain page printed after the renewal" grep -qxF -- "$url2" <<<"$out"
out=$(http "$path1" "$T/x")
check "the old address is 404 at once (got $out)" test "${out%%|*}" = 404
out=$(http "${url2#https://tinklas.example.lt/feeds}" "$T/my.http2")
check "the new one serves my.ics (got ${out%%|*})" test "${out%%|*}" = 200
check "the same bytes as ssh host my.ics" cmp -s "$T/my.ics" "$T/my.http2"
