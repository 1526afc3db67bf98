#!/usr/bin/env bash
# The calendar's views over the real ssh client, with the demo's month of
# events (core/calendar-demo.c: the seniors' programming course on day 3
# has 2 places, taken by jonas and ruta, and olena waiting first; the open
# lecture on day 6 has no limit). A member finds events in the month grid
# and in the agenda and answers going; on the full course going is a
# place on the waitlist, and the screen says so; members withdrawing
# promote the first waiting, in both modes; two sessions answering the
# last place at once never both get it. The same walk in the plain
# mode, where the month is the list of the days that have events. The
# grid at 80x24 in lt, uk and ru: the language's month name and first day
# of the week, the hardware cursor on the focused day's number. A guest
# reads the calendar without the answers.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
admin demo >"$E2E_TMP/demo.txt" 2>&1 || { cat "$E2E_TMP/demo.txt"; exit 1; }
pw() { awk -v u="$1" '$1 == u { print $2 }' "$E2E_TMP/demo.txt"; }
add_user vida "linden-river-kaunas-42" member en || exit 1
add_user tomas "pienas-duona-sviestas-7" member en || exit 1
add_user lina "linden-river-kaunas-42" member en || exit 1
for lang in en lt uk ru pl; do
	add_user "m_$lang" "moderate-kindly-often-5" member "$lang" || exit 1
done

# The site's days (Europe/Vilnius, the default zone), as the demo counts.
day() { TZ=Europe/Vilnius date -d "12:00 today + $1 day" +%-d; }
mon() { TZ=Europe/Vilnius date -d "12:00 today + $1 day" +%-m; }
TODAY=$(day 0)
# cursor_at NAME DAY: the hardware cursor stands on DAY's number;
# cursor_on waits for it (the keys sent may not all be handled yet).
cursor_at() {
	local y x row
	read -r y x <<<"$(tm_cursor "$1")"
	row=$(tm_screen "$1" | sed -n "$((y + 1))p")
	[ "${row:$x:${#2}}" = "$2" ]
}
cursor_on() {
	eventually cursor_at "$1" "$2" && return 0
	echo "# cursor $(tm_cursor "$1") wanted on $2:"
	tm_screen "$1"
	return 1
}
# The plain month's way to a day N days ahead: the month after first when
# it is in the next one.
plain_day() {
	if [ "$(mon "$1")" != "$(mon 0)" ]; then printf '>\\n%s' "$(day "$1")"
	else printf '%s' "$(day "$1")"; fi
}
# said KEY TEXT: TEXT holds the catalog's KEY in one of the five languages
# (the demo's members speak lt, uk and en).
said() {
	local lang
	for lang in en lt uk ru pl; do
		grep -qF -- "$(po_text "$lang" "$1")" <<<"$2" && return 0
	done
	return 1
}
keybar_ok() {
	tm_screen "$1" | tail -1 | grep -q "q $(po_text "$2" key.back)  ? $(po_text "$2" key.help) *$"
}

# --- Full screen: vida, in English.
tm_menu v vida "linden-river-kaunas-42" || exit 1
check "the main menu has the calendar" tm_wait v "5. Calendar"
tm_keys v 5
tm_wait v "Calendar: " >/dev/null
check "the grid starts its week on Monday (the en catalog's locale)" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -p -t v | sed -n 4p | grep -q '^ *Mon  '"
check "today is marked in brackets" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t v | grep -qE '\[ ?$TODAY\]'"
check "the cursor stands on today's number" cursor_on v "$TODAY"
check "days with events are marked with a character" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t v | grep -qE '[0-9] \*[0-9]'"
# Three days on with l: the course, its title under the grid.
tm_keys v l l l
check "l moves the focus by days; the day's events show under the grid" \
	tm_wait v "Programavimo pradmenys senjorams"
check "the cursor follows the focused day" cursor_on v "$(day 3)"
tm_keys v h k j
check "h, k and j move by day and week" cursor_on v "$(day 2)"
tm_keys v t
check "t comes back to today" cursor_on v "$TODAY"
tm_keys v Right Right Right Right Right Right Down Up
check "the arrows move by day and week" cursor_on v "$(day 6)"
tm_keys v Enter
check "Enter opens the day" tm_wait v "Open lecture: the Baltic Sea"
tm_keys v n
check "n goes to the day after" \
	tm_wait v "$(TZ=Europe/Vilnius date -d '12:00 today + 7 day' '+%A, %-d %B %Y')"
tm_keys v p
check "p goes back to the day before" tm_wait v "Open lecture: the Baltic Sea"
tm_keys v Enter
check "the event shows its answer counts" tm_wait v "Going: 1, maybe: 0, not going: 0."
check "the event says the user has not answered" tm_wait v "You have not answered yet."
tm_keys v g
check "going is answered" tm_wait v "You are going. See you there!"
check "the page shows the new answer" tm_wait v "You are going."
tm_keys v q q
tm_wait v "Calendar: " >/dev/null
tm_keys v PageDown
check "PgDn shows the month after" eventually bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t v | sed -n 2p | grep -qF '$(date -d "$(TZ=Europe/Vilnius date +%Y-%m-15) + 1 month" +%B)'"
tm_keys v PageUp a
check "a opens the agenda" tm_wait v "Calendar: upcoming events"
row=$(tm_screen v | grep -m1 "Programavimo" | sed 's/^ *>* *\([0-9]*\)\..*/\1/')
check "the course is in the agenda" test -n "$row"
tm_keys v "$row"
check "the course is full" tm_wait v "Places: 2, free: 0, on the waitlist: 1."
tm_keys v g
check "going on a full event is a place on the waitlist, and it says so" \
	tm_wait v "The event is full: you are on the waitlist, place 2."
check "the page shows the place" tm_wait v "You are on the waitlist, place 2."
check "the event page fits 80x24 with its keys" keybar_ok v en

# --- Plain mode: tomas finds the lecture in the month's list of days and
# the course in the agenda.
out=$(plain_session tomas "pienas-duona-sviestas-7" \
	"\n5\n$(plain_day 6)\n1\ng\nq\nq\na\nq\nq\nq\n" 2>&1)
tomas_first=$out
check "plain: the month lists the days with events, numbered by day" \
	grep -qE "^$(day 1)\. .*\(1 event" <<<"$out"
check "plain: a day number opens the day" grep -q "Open lecture: the Baltic Sea" <<<"$out"
check "plain: the event page prints whole" bash -c 'grep -q "Going: 2, maybe: 0, not going: 0." <<<"$0" && grep -q "A public lecture in English" <<<"$0"' "$out"
check "plain: going is answered" grep -q "You are going. See you there!" <<<"$out"
check "plain: the agenda lists the course" grep -q "Programavimo pradmenys senjorams" <<<"$out"
n=$(grep -m1 "^[0-9]*\. .*Programavimo" <<<"$out" | cut -d. -f1)
out=$(plain_session tomas "pienas-duona-sviestas-7" \
	"\n5\na\n$n\ng\nq\nq\nq\nq\n" 2>&1)
check "plain: going on the full course is a place on the waitlist, said" \
	grep -q "The event is full: you are on the waitlist, place 3." <<<"$out"

# Withdrawals: ruta's promotes olena, jonas's promotes vida.
for who in ruta jonas; do
	out=$(plain_session "$who" "$(pw "$who")" "\n5\na\n$n\nw\nq\nq\nq\nq\n" 2>&1)
	check "plain: $who takes the answer back" said calendar.answered.withdrawn "$out"
	[ "$who" = ruta ] && ruta_out=$out
done
# Ruta goes to tomorrow's language café: the welcome reminds her of it
# and the menu's line counts it; tomas has nothing today or tomorrow.
check "the welcome reminds of the member's event tomorrow" \
	grep -q "^  .* 18:00–19:30  Lietuvių kalbos kavinė" <<<"$ruta_out"
check "the menu's calendar line counts it" grep -q "^5\. .* (1 " <<<"$ruta_out"
check "no reminder for a member without events soon" bash -c \
	'! grep -q "Lietuvių kalbos kavinė" <<<"$0" && grep -q "^5\. Calendar$" <<<"$0"' \
	"$(sed -n '1,/^\[Main menu\]/p' <<<"$tomas_first")"
out=$(plain_session olena "$(pw olena)" "\n5\na\n$n\nq\nq\nq\nq\n" 2>&1)
check "the first waiting (olena) was promoted" said calendar.event.mine_going "$out"
# She is told in the one inbox, in her language (uk), newest first.
out=$(plain_session olena "$(pw olena)" "\n2\nq\nq\nq\n" 2>&1)
told=$(po_text uk calendar.notice.promoted)
told=${told//\{0\}/Programavimo pradmenys senjorams}
check "Notifications lists the other entries too (control)" \
	grep -q "^2\. " <<<"$out"
check "and first that a place freed up for her at the course" \
	grep -qF "1. $told" <<<"$out"
# Vida's page, opened again, says she is going now.
tm_keys v q
tm_wait v "Calendar: upcoming events" >/dev/null
tm_keys v "$row"
check "full: the second waiting (vida) was promoted" tm_wait v "You are going."
# Vida withdraws in the full screen: tomas, waiting next, gets the place.
tm_keys v w
check "full: vida takes her answer back" tm_wait v "Your answer is taken back."
out=$(plain_session tomas "pienas-duona-sviestas-7" "\n5\na\n$n\nq\nq\nq\nq\n" 2>&1)
check "plain: tomas was promoted by vida's withdrawal" grep -q "You are going." <<<"$out"

tmux -L "$TMUX_SOCK" kill-session -t v
# --- The last place, answered by two sessions at once: one gets it, the
# other is told she waits. Olena's withdrawal leaves one place free.
out=$(plain_session olena "$(pw olena)" "\n5\na\n$n\nw\nq\nq\nq\nq\n" 2>&1)
check "olena takes her answer back" said calendar.answered.withdrawn "$out"
race_fd=() race_pid=()
for who in vida lina; do
	printf '#!/bin/sh\necho "%s"\n' "linden-river-kaunas-42" >"$E2E_TMP/askpass-$who"
	chmod +x "$E2E_TMP/askpass-$who"
	mkfifo "$E2E_TMP/$who.in"
	SSH_ASKPASS="$E2E_TMP/askpass-$who" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
		timeout 60 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
		-o NumberOfPasswordPrompts=1 "$who@127.0.0.1" <"$E2E_TMP/$who.in" \
		>"$E2E_TMP/$who.out" 2>&1 &
	race_pid+=("$!")
	exec {fd}>"$E2E_TMP/$who.in"
	race_fd+=("$fd")
	printf '\n5\na\n%s\n' "$n" >&"$fd"
done
both_see_one_free() {
	file_has "$E2E_TMP/vida.out" "Places: 2, free: 1" &&
	    file_has "$E2E_TMP/lina.out" "Places: 2, free: 1"
}
check "both sessions see the one place free" both_see_one_free
# Both answers leave together, as near at once as two sessions can.
printf 'g\n' >&"${race_fd[0]}" & w0=$!
printf 'g\n' >&"${race_fd[1]}" & w1=$!
wait "$w0" "$w1"
for who in vida lina; do
	file_has "$E2E_TMP/$who.out" "Your answer\|See you there\|waitlist, place" >/dev/null
done
got=0 waits=0
for i in 0 1; do
	printf 'q\nq\nq\nq\n' >&"${race_fd[$i]}"
	eval "exec ${race_fd[$i]}>&-"
done
wait "${race_pid[@]}"
for who in vida lina; do
	grep -q "You are going. See you there!" "$E2E_TMP/$who.out" && got=$((got + 1))
	grep -q "The event is full: you are on the waitlist, place 1." "$E2E_TMP/$who.out" &&
		waits=$((waits + 1))
done
check "two at once for the last place: exactly one gets it" test "$got" = 1
check "and the other is told she waits first" test "$waits" = 1

# --- A guest reads the calendar and its events, without the answers.
out=$(printf '\n4\n%b\n1\nq\nq\nq\nq\n' "$(plain_day 6)" | timeout 30 ssh "${SSH_OPTS[@]}" -T \
	-p "$PORT" -o PubkeyAuthentication=no -o SetEnv=LANG=en_GB.UTF-8 -o SendEnv=LANG \
	guest@127.0.0.1 2>&1)
check "a guest reads an event" grep -q "Going: 3, maybe: 0, not going: 0." <<<"$out"
check "a guest is offered no answers" not grep -q "^g = Going" <<<"$out"
check "(a member is offered them on the same page)" grep -q "^g = Going" <<<"$tomas_first"

# --- The agenda's filters (plain): tag, accessibility, organiser, free
# only, only mine; an unknown organiser is refused. Each time c clears.
out=$(plain_session tomas "pienas-duona-sviestas-7" "\n5\na\n\
f\nkalbos\n\n\n\n\n\n\nc\n\
f\n\n\n\n3\n\n\n\nc\n\
f\n\n\n\n\nadmin\n\n\nc\n\
f\nfotografija\n\n\n\n\n\n\nc\n\
f\nfotografija\n\n\n\n\n2\n\nc\n\
f\n\n\n\n\n\n\n2\nc\n\
f\n\n\n\n\nnobody.here\n\n\n!\nq\nq\nq\nq\n" 2>&1)
block() { sed -n "/^Filters: $1/,/^\[Calendar: upcoming events/p" <<<"$out"; }
check "the agenda unfiltered lists the café and the lecture" bash -c \
	'grep -q "Lietuvių kalbos kavinė" <<<"$0" && grep -q "Open lecture" <<<"$0"' "$out"
b=$(block "#kalbos")
check "filter by tag" bash -c 'grep -q "Lietuvių kalbos kavinė" <<<"$0" &&
	grep -q "Розмовний клуб" <<<"$0" && ! grep -q "Open lecture" <<<"$0"' "$b"
b=$(block "hearing loop")
check "filter by accessibility" bash -c 'grep -q "Skaitymai lengvai" <<<"$0" &&
	! grep -q "Open lecture" <<<"$0"' "$b"
b=$(block "@admin")
check "filter by organiser" bash -c 'grep -q "Open lecture" <<<"$0" &&
	! grep -q "Lietuvių kalbos kavinė" <<<"$0"' "$b"
b=$(block "#fotografija$")
check "the paid photo workshop by its tag, marked paid" grep -q "Centras, lt, paid" <<<"$b"
b=$(block "#fotografija, free")
check "free only leaves it out" bash -c 'grep -q "No upcoming events match." <<<"$0" &&
	! grep -q "Fotografijos" <<<"$0"' "$b"
b=$(block "answered by me")
check "only mine: the lecture and the course" bash -c 'grep -q "Open lecture" <<<"$0" &&
	grep -q "Programavimo" <<<"$0" && ! grep -q "Lietuvių kalbos kavinė" <<<"$0"' "$b"
check "an unknown organiser is refused" grep -q "There is no member with that user name." <<<"$out"

# --- The grid, the agenda, an event and the filters at 80x24 in all five
# languages (the issue names lt, uk and ru for the grid).
declare -A MONTHS=(
	[lt]="sausis vasaris kovas balandis gegužė birželis liepa rugpjūtis rugsėjis spalis lapkritis gruodis"
	[uk]="січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"
	[ru]="январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
	[en]="January February March April May June July August September October November December"
	[pl]="styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień")
declare -A MONDAY=([lt]="pr" [uk]="пн" [ru]="пн" [en]="Mon" [pl]="pon")
for lang in en lt uk ru pl; do
	s="g$lang"
	tm_login "$s" "m_$lang" "moderate-kindly-often-5"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "$s" 5
	name=$(cut -d' ' -f"$(mon 0)" <<<"${MONTHS[$lang]}")
	check "$lang: the month's name from ICU" tm_wait "$s" "$name"
	check "$lang: the week starts on Monday" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | sed -n 4p | grep -qi '^ *${MONDAY[$lang]}'"
	tm_keys "$s" l l l
	tm_wait "$s" "Programavimo" >/dev/null
	check "$lang: the cursor on the focused day" cursor_on "$s" "$(day 3)"
	legend=$(po_text "$lang" calendar.grid.legend | tr -d ' ')
	keys=$(po_text "$lang" calendar.grid.keys | tr -d ' ')
	check "$lang: the legend and the keys show whole at 80x24" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d ' \n' | grep -qF -- '$legend' &&
		 tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d ' \n' | grep -qF -- '$keys'"
	check "$lang: the key bar keeps q and ?" keybar_ok "$s" "$lang"
	tm_keys "$s" a
	tm_wait "$s" "$(po_text "$lang" calendar.agenda.title)" >/dev/null
	check "$lang: the agenda's rows show their titles whole" \
		tm_wait "$s" "Programavimo pradmenys senjorams"
	check "$lang: the agenda's key bar keeps q and ?" keybar_ok "$s" "$lang"
	row=$(tm_screen "$s" | grep -m1 "Programavimo" | sed 's/^ *>* *\([0-9]*\)\..*/\1/')
	tm_keys "$s" "$row"
	tm_wait "$s" "$(po_text "$lang" calendar.do.going)" >/dev/null
	check "$lang: the event's key bar keeps q and ?" keybar_ok "$s" "$lang"
	# In lt the answers and the tail need two rows of the bar.
	check "$lang: the event's key bar shows every answer" \
		tm_wait "$s" "n $(po_text "$lang" calendar.do.not_going)"
	tm_keys "$s" q f
	tm_wait "$s" "$(po_text "$lang" calendar.filter.title)" >/dev/null
	for key in tag lang eldership access organiser free mine; do
		want=$(po_text "$lang" "calendar.filter.$key" | tr -d ' ')
		tm_screen "$s" | tr -d ' \n' | grep -qF -- "$want" || break
	done
	check "$lang: the filter form's labels show whole" \
		bash -c "tmux -L $TMUX_SOCK capture-pane -p -t $s | tr -d ' \n' | grep -qF -- '$want'"
	tmux -L "$TMUX_SOCK" kill-session -t "$s"
done
