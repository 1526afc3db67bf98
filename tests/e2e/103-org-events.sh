#!/usr/bin/env bash
# Organisations as event organisers (issue 9) over the real ssh client.
# The demo's site admin is made an organiser (no longer site staff) with
# three events of their own: while they belong to no organisation the
# county library's page offers them no "add" letter; once the library
# takes them as a member it does (the control on the same page). They add
# their open lecture from the page (full screen); the event's page names
# the library as organiser; `ssh host org-ID.ics` holds it (parsed by
# python3-icalendar) beside the library's own demo events, and the feed
# serves the same bytes at /org-ID.ics; removing it takes it off both.
# The same in the plain mode. Last, the page at 80x24 in five languages
# keeps its calendar's address whole and q and ? on the key bar.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-ical.sh"

e2e_start "feeds_listen = 127.0.0.1:0" \
	"feeds_url = https://tinklas.example.lt/feeds/" \
	"public_host = tinklas.example.lt:2222" || exit 1
check "serve starts the feeds" file_has "$E2E_TMP/server.out" "Feeds listening on 127.0.0.1:"
FPORT=$(feeds_port)
admin demo >"$E2E_TMP/demo.txt" 2>/dev/null || exit 1
check "the demo's library organises two events" \
	grep -q "^directory: .*(the library organises 2 events)" "$E2E_TMP/demo.txt"
pw() { awk -v u="$1" '$1 == u { print $2 }' "$E2E_TMP/demo.txt"; }
PASS=$(pw admin)
admin user set-role admin organiser >/dev/null || exit 1
org=$(admin org list | awk '/Kauno apskrities/ { print $1; exit }')
PASS5="linden-river-kaunas-42"
for lang in en lt uk ru pl; do add_user "p_$lang" "$PASS5" member "$lang" || exit 1; done
T=$E2E_TMP
LECTURE="Open lecture: the Baltic Sea in a warmer climate"
CAFE="Lietuvių kalbos kavinė / Литовське кафе"
LIB="Kauno apskrities viešoji biblioteka"
ADD="a $(po_text lt directory.org.do_add_event)"
REMOVE="r $(po_text lt directory.org.do_remove_event)"
# whole NAME TEXT: the text is on the screen, wrapped or not.
whole() { tm_screen "$1" | tr -d ' \n' | grep -qF -- "$(printf %s "$2" | tr -d ' ')"; }
# ics OUT: `ssh guest@host org-ID.ics` into OUT, its status in $rc.
ics() {
	LANG=en_GB.UTF-8 timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" \
		-o PubkeyAuthentication=no "guest@127.0.0.1" "org-$org.ics" \
		</dev/null >"$1" 2>"$1.err"
	rc=$?
}
# open_org NAME LANG: from the main menu to the library's page.
open_org() {
	local n
	tm_keys "$1" 6
	tm_wait "$1" "6. $(po_text "$2" people.orgs)" >/dev/null
	tm_keys "$1" 6
	tm_wait "$1" "$LIB" >/dev/null
	n=$(tm_screen "$1" | grep -o "[0-9]*\. $LIB" | head -1 | cut -d. -f1)
	tm_keys "$1" "$n"
	tm_wait "$1" "$(po_text "$2" directory.org.ics | sed 's/{0}.*//')"
}
# pick NAME TEXT: in a choice, the option holding TEXT (its number
# chooses it).
pick() {
	local n
	n=$(tm_screen "$1" | grep -F -- "$2" | grep -o "[0-9]*\." | head -1 | cut -d. -f1)
	tm_keys "$1" "$n"
}

# --- full screen: no letter while in no organisation, then the letter.
tm_login a admin "$PASS"
tm_wait a "$(po_text lt mode.full)" 15 >/dev/null && tm_keys a Enter
tm_wait a "$(po_text lt welcome.continue)" >/dev/null && tm_keys a Enter
tm_wait a "$(po_text lt menu.title)" >/dev/null
check "the library's page opens" open_org a lt
check "it lists the library's café" screen_has a "$CAFE"
check "its calendar's ssh address is on it" whole a \
	"ssh -p 2222 guest@tinklas.example.lt org-$org.ics"
check "and its feed's" whole a "https://tinklas.example.lt/feeds/org-$org.ics"
check "a member of no organisation gets no add letter" not screen_has a "$ADD"
check "nor a remove letter" not screen_has a "$REMOVE"
admin org members "$org" admin member >/dev/null || exit 1
tm_keys a q
tm_wait a "$LIB" >/dev/null
n=$(tm_screen a | grep -o "[0-9]*\. $LIB" | head -1 | cut -d. -f1)
tm_keys a "$n"
check "once a member, the page offers the add letter" tm_wait a "$ADD"
tm_keys a a
check "the choice holds their own event" tm_wait a "$LECTURE"
check "and not the library's café, which is not theirs" not screen_has a "$CAFE"
pick a "$LECTURE"
check "the event is added" tm_wait a "$(po_text lt directory.org.event_added)"
check "the page lists it" tm_wait a "$LECTURE"
check "and now offers to remove one" screen_has a "$REMOVE"
n=$(tm_screen a | grep -F -- "$LECTURE" | grep -o "[0-9]*\." | head -1 | cut -d. -f1)
tm_keys a "$n"
check "Enter on it opens the event, naming the library as organiser" tm_wait a \
	"$(po_text lt calendar.event.organiser_org | sed "s|{0}|$LIB|; s|{1}.*||")"
tm_keys a q
ics "$T/org1.ics"
check "ssh host org-$org.ics exits 0 (rc $rc)" test "$rc" -eq 0
ical_read "$T/org1.ics" >"$T/org1.txt"
check "python3-icalendar reads the lecture from it" grep -qF "$LECTURE|" "$T/org1.txt"
check "beside the library's café" grep -qF "$CAFE|" "$T/org1.txt"
check "with the café's weekly rule" grep -qF "|WEEKLY" "$T/org1.txt"
check "but not the admin's other events" not grep -qF "Online: using e-government" "$T/org1.txt"
out=$(http "/org-$org.ics" "$T/org1.http")
check "the feed serves /org-$org.ics (got $out)" test "${out%%|*}" = 200
check "with the same bytes as ssh" cmp -s "$T/org1.ics" "$T/org1.http"
tm_keys a r
# The page listed the lecture too: wait for the remove list's own title
# before looking for what it leaves out.
check "remove opens its list" tm_wait a "$(po_text lt directory.org.remove_event_title)"
check "remove offers the lecture" tm_wait a "$LECTURE"
check "and not the café, which they may not edit" not screen_has a "$CAFE"
pick a "$LECTURE"
check "the event is removed" tm_wait a "$(po_text lt directory.org.event_removed)"
check "the page no longer lists it" eventually not screen_has a "$LECTURE"
ics "$T/org2.ics"
check "nor does org-$org.ics" not grep -qF "Baltic Sea" "$T/org2.ics"
check "which still has the café (control)" grep -qF "SUMMARY:Lietuvių kalbos kavinė" "$T/org2.ics"
tm_keys a q q q q q
tmux -L "$TMUX_SOCK" kill-session -t a 2>/dev/null

# --- the plain mode: the page, add (its list names the lecture), and in
# a second session remove.
plain() { plain_session admin "$PASS" "$1" 2>&1; }
out=$(plain "\n6\n6\n$n\na\n1\nl\nq\nq\nq\nq\n")
printf '%s\n' "$out" >"$T/plain1.txt"
check "plain: the page offers the add letter" grep -qF "a = $(po_text lt directory.org.do_add_event)" "$T/plain1.txt"
check "plain: the choice lists the lecture" grep -qE "^1\. .*$LECTURE" "$T/plain1.txt"
check "plain: the event is added" grep -qF "$(po_text lt directory.org.event_added)" "$T/plain1.txt"
check "plain: the page lists it after" grep -qE "^[0-9]+\. .*$LECTURE" "$T/plain1.txt"
check "plain: and the remove letter" grep -qF "r = $(po_text lt directory.org.do_remove_event)" "$T/plain1.txt"
ics "$T/org3.ics"
check "plain: org-$org.ics holds the lecture" grep -qF "SUMMARY:$LECTURE" "$T/org3.ics"
out=$(plain "\n6\n6\n$n\nr\n1\nq\nq\nq\nq\n")
printf '%s\n' "$out" >"$T/plain2.txt"
check "plain: remove offers the lecture" grep -qE "^1\. .*$LECTURE" "$T/plain2.txt"
check "plain: the event is removed" grep -qF "$(po_text lt directory.org.event_removed)" "$T/plain2.txt"
ics "$T/org4.ics"
check "plain: org-$org.ics no longer holds it" not grep -qF "Baltic Sea" "$T/org4.ics"
check "plain: but the café (control)" grep -qF "SUMMARY:Lietuvių kalbos kavinė" "$T/org4.ics"

# --- 80x24 in five languages: the library's page whole, its calendar's
# address whole, an admin's remove letter and q and ? on the key bar.
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"q $(po_text "$2" key.back)  ? $(po_text "$2" key.help)" ]] ||
		{ echo "# bar: $bar"; return 1; }
}
for lang in en lt uk ru pl; do
	# The library's admins may take any of its events off: the letter.
	admin org members "$org" "p_$lang" admin >/dev/null || exit 1
	s=p$lang
	tm_login "$s" "p_$lang" "$PASS5"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	check "$lang: the library's page opens" open_org "$s" "$lang"
	check "$lang: its calendar's address is whole" whole "$s" \
		"$(po_text "$lang" directory.org.ics | sed "s|{0}|ssh -p 2222 guest@tinklas.example.lt org-$org.ics|")"
	check "$lang: the events' heading is whole" screen_has "$s" \
		"$(po_text "$lang" directory.org.events_members)"
	check "$lang: the café is listed" screen_has "$s" "$CAFE"
	check "$lang: its admin gets the remove letter whole" screen_has "$s" \
		"r $(po_text "$lang" directory.org.do_remove_event)"
	check "$lang: the page's bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q q q q q
	tm_wait_dead "$s"
done
