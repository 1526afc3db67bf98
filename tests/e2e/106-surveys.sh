#!/usr/bin/env bash
# Surveys (issue 10) over the real ssh client. The demo's moderator, in
# the full screen, builds an anonymous survey for the people who answered
# "going" to the demo's festival that has ended (ruta, jonas and olena; no
# command or screen makes an event in the past): a 0-10 scale, a single
# choice, a follow-up shown only after "no" and a short text, and
# publishes it. ruta is told in her notifications, and answers in the full
# screen ("yes": the follow-up appears while "no" is chosen and goes
# again); jonas in the plain mode ("no": he is asked it, and writes a text
# a spreadsheet would run). Each one's menu counts the survey before and
# no longer after, and the hub stops listing it. The moderator's results
# (full screen, plain mode, and a terminal that is not UTF-8: ASCII bars,
# no other byte) show 2 responses and the counts per value; `ssh
# moderatore@host survey-ID.csv` parses with Python's csv module (RFC
# 4180, tests/e2e/py/survey-csv.py) to the same counts, the text made
# harmless, and is the same file as `tinklas admin survey results ID
# --csv`; the same request by a member or a guest is refused with no CSV,
# and only the moderator's help lists it. Catalog texts come from
# i18n/po/lt.po (tests/e2e/py/po-format.py fills in their arguments).
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py

e2e_start "public_host = tinklas.example.lt:2222" || exit 1
admin demo >"$E2E_TMP/demo.txt" 2>/dev/null || exit 1
pw() { awk -v u="$1" '$1 == u { print $2 }' "$E2E_TMP/demo.txt"; }
MOD=$(pw moderatore)
RUTA=$(pw ruta)
JONAS=$(pw jonas)
T=$E2E_TMP
# fmt KEY ARG...: the Lithuanian catalog's text with its arguments in
# (plurals too), as the demo's accounts read it.
fmt() { /usr/bin/python3 "$PY/po-format.py" "$PO/lt.po" "$@"; }
lt() { po_text lt "$1"; }
# pick NAME TEXT: the list item holding TEXT (its number chooses it).
pick() {
	local n
	n=$(tm_screen "$1" | grep -F -- "$2" | grep -o "[0-9][0-9]*\." | head -1 |
		cut -d. -f1)
	[ -n "$n" ] && tm_keys "$1" "$n"
}
# focused NAME: the line under the focused field's label (its value).
focused() { tm_screen "$1" | awk 'hit { print; exit } /^ > / { hit = 1 }'; }
# turn_to NAME KEY TEXT: presses KEY (Left or Right) on the focused
# choice until its value holds TEXT.
turn_to() {
	local i
	for ((i = 0; i < 20; i++)); do
		focused "$1" | grep -qF -- "$3" && return 0
		tm_press "$1" "$2" || return 1
	done
	echo "# no \"$3\" in the field: $(focused "$1")"
	return 1
}
# field NAME LABEL: Tab until the field LABEL has the focus.
field() {
	local i
	for ((i = 0; i < 12; i++)); do
		screen_has "$1" "> $2" && return 0
		tm_press "$1" Tab || return 1
	done
	return 1
}
TITLE="Festivalio atgarsiai"
FEST="Mokymosi festivalis"
Q1="Ar rekomenduotumėte festivalį?"
Q2="Ar ateisite kitais metais?"
Q3="Kodėl ne?"
Q4="Ką dar norėtumėte pasakyti?"
# A free text a spreadsheet would run, with a comma and quotes.
NOTE='=SUM(1,2) "daugiau"'
ANSWER=$(lt survey.review.answer | sed 's/.*\\n//; s/{1}.*//')
LINE_WAITING="$TITLE  ($(lt surveys.waiting))"

ev=$(admin event list | grep -F "$FEST")
check "the demo's festival is published" grep -Eq "^[0-9]+ +published .*$FEST$" <<<"$ev"
start=$(awk '{ print $3 }' <<<"$ev")
check "it has ended (it began on $start, before today)" test "$start" \< "$(date -u +%F)"
admin event export "$(awk '{ print $1 }' <<<"$ev")" --date "$start" >"$T/going.csv"
check "ruta is going" grep -q "^ruta,.*,going," "$T/going.csv"
check "and jonas" grep -q "^jonas,.*,going," "$T/going.csv"

# --- the moderator builds the survey in the full screen.
tm_login m moderatore "$MOD"
tm_wait m "$(lt mode.full)" 15 >/dev/null && tm_keys m Enter
tm_wait m "$(lt welcome.continue)" >/dev/null && tm_keys m Enter
tm_wait m "$(lt menu.title)" >/dev/null
pick m "$(lt menu.surveys)"
tm_wait m "$(lt survey.manage.title)" >/dev/null
pick m "$(lt survey.manage.title)"
check "Manage surveys offers a new one" tm_wait m "n $(lt survey.manage.new)"
tm_keys m n
tm_wait m "$(lt survey.manage.blank)" >/dev/null
pick m "$(lt survey.manage.blank)"
tm_wait m "$(lt survey.build.settings)" >/dev/null
pick m "$(lt survey.build.settings)"
tm_wait m "> $(lt survey.settings.title_in | sed 's/ *(.*//')" >/dev/null
tm_type m "$TITLE"
field m "$(lt survey.settings.anonymous)"
turn_to m Right "< $(lt survey.settings.yes) >"
field m "$(lt survey.settings.audience)"
turn_to m Right "< $(lt survey.audience.event) >"
field m "$(lt survey.settings.event)"
check "the settings offer the ended festival among the events" \
	turn_to m Right "< $FEST ("
tm_keys m C-x
check "the settings are kept" tm_wait m "$(lt survey.settings.kept)"
check "the page says who is asked" tm_wait m "$(lt survey.audience.event): $FEST"

tm_keys m u
tm_wait m "$(lt survey.questions.none)" >/dev/null
# question KEY KIND REQUIRED TEXT [OPTIONS [SHOW]]: adds one question.
question() {
	tm_keys m a
	tm_wait m "> $(lt survey.question.key)" >/dev/null || return 1
	tm_type m "$1"
	field m "$(lt survey.question.kind)" && turn_to m Right "< $(lt "$2") >" &&
	field m "$(lt survey.question.required)" &&
	turn_to m Right "< $(lt "survey.settings.$3") >" &&
	field m "$(lt survey.question.text_in | sed 's/ *(.*//')" || return 1
	tm_type m "$4"
	if [ -n "${5:-}" ]; then
		field m "$(lt survey.question.options_in | sed 's/ *(.*//')" || return 1
		local line first=1
		while IFS= read -r line; do
			[ "$first" = 1 ] || tm_keys m Enter
			tm_type m "$line"
			first=0
		done <<<"$5"
	fi
	if [ -n "${6:-}" ]; then
		field m "$(lt survey.question.show)" && turn_to m Right "< $6 >" ||
			return 1
	fi
	tm_keys m C-x
	tm_wait m "$(lt survey.question.kept)" >/dev/null
}
check "a 0-10 question is added" question score survey.kind.scale10 yes "$Q1"
check "a single choice" question again survey.kind.single yes "$Q2" \
	$'yes: Taip\nno: Ne\nmaybe: Galbūt'
check "the follow-up offers the choice's \"no\" to be shown after" \
	question why survey.kind.single no "$Q3" $'time: Neturiu laiko\nfar: Per toli' \
	"$(fmt survey.question.show_choice 2 again Ne)"
check "and an optional short text" question note survey.kind.short no "$Q4"
check "the list says when the follow-up is shown" \
	tm_wait m "$(fmt survey.questions.shown_if again no)"
tm_keys m q
tm_wait m "p $(lt survey.build.publish)" >/dev/null
tm_keys m p
tm_wait m "$(lt confirm.yes)" >/dev/null
pick m "$(lt confirm.yes)"
check "the survey is published" tm_wait m "$(lt survey.build.published)"
row=$(admin survey list | grep -F "$TITLE")
ID=$(awk '{ print $1 }' <<<"$row")
check "it is open to an event's attendees (survey $ID: $row)" \
	grep -Eq "^[0-9]+ +open +event +0 +$TITLE$" <<<"$row"

# --- ruta in the full screen: the menu counts it; "yes" skips the
# follow-up.
tm_login r ruta "$RUTA"
tm_wait r "$(lt mode.full)" 15 >/dev/null && tm_keys r Enter
tm_wait r "$(lt welcome.continue)" >/dev/null && tm_keys r Enter
tm_wait r "$(lt menu.title)" >/dev/null
check "ruta's menu counts two surveys waiting (the demo's and this)" \
	screen_has r "$(lt menu.surveys)  ($(fmt surveys.menu_waiting 2))"
pick r "$(lt menu.notices)"
WAITS=$(fmt survey.notice.waiting "")
check "her notifications say a survey waits" tm_wait r "1. $WAITS"
pick r "1. $WAITS"
check "the newest one opens this survey" tm_wait r "$(lt survey.take.begin)"
check "(its title on top)" eval 'tm_screen r | sed -n 2p | grep -qF "$TITLE"'
tm_keys r q
tm_wait r "1. $WAITS" >/dev/null
tm_keys r q
tm_wait r "$(lt menu.title)" >/dev/null
pick r "$(lt menu.surveys)"
check "her hub lists it as waiting" tm_wait r "$LINE_WAITING"
pick r "$LINE_WAITING"
tm_wait r "$(lt survey.take.begin)" >/dev/null
pick r "$(lt survey.take.begin)"
tm_wait r "> $Q1" >/dev/null
check "the 0-10 scale turns to 9" turn_to r Left "[9]"
field r "$Q2"
turn_to r Right "< Ne >"
check "with \"no\" chosen the follow-up is shown (the control)" tm_wait r "$Q3"
turn_to r Left "< Taip >"
check "with \"yes\" it is not" eventually not screen_has r "$Q3"
tm_keys r C-x
tm_wait r "$(lt survey.review.submit)" >/dev/null
check "the review says 9" screen_has r "${ANSWER}9"
check "and yes" screen_has r "${ANSWER}Taip"
check "and not the follow-up" not screen_has r "$Q3"
check "(but the questions around it: the control)" eval 'screen_has r "$Q2" && screen_has r "$Q4"'
check "three questions, not four" eval 'screen_has r "$(fmt survey.review.item 3)" &&
	! screen_has r "$(fmt survey.review.item 4)"'
tm_keys r s
check "s sends it, not linked to her" tm_wait r "$(lt survey.review.thanks_anonymous)"
check "the hub still lists the demo's survey (the control)" \
	screen_has r "Mokymasis Kaune  ($(lt surveys.waiting)"
check "but no longer this one" not screen_has r "$TITLE"
tm_keys r q
tm_wait r "$(lt menu.title)" >/dev/null
check "her menu counts one survey waiting" \
	tm_wait r "$(lt menu.surveys)  ($(fmt surveys.menu_waiting 1))"
check "(not two)" not screen_has r "$(lt menu.surveys)  ($(fmt surveys.menu_waiting 2))"
tm_keys r q
tm_wait_dead r

# --- jonas in the plain mode: "no" asks the follow-up.
J=$T/jonas.out
# number_of TEXT: the number of the last listed line holding TEXT.
number_of() { grep -aF -- "$1" "$J" | grep -o "^[0-9][0-9]*\." | tail -1 | cut -d. -f1; }
plain_start jonas "$JONAS" "$J"
plain_send "\n"
check "plain: jonas's menu counts two surveys waiting" \
	file_has "$J" ". $(lt menu.surveys) ($(fmt surveys.menu_waiting 2))"
plain_send "$(number_of "$(lt menu.surveys) (")\n"
check "plain: his hub lists it" file_has "$J" "$TITLE ($(lt surveys.waiting))"
plain_send "$(number_of "$TITLE (")\n"
file_has "$J" "1. $(lt survey.take.begin)" && plain_send "1\n"
file_has "$J" "$Q1" && plain_send "6\n"
file_has "$J" "$Q2" && plain_send "Ne\n"
check "plain: after \"no\" he is asked the follow-up" file_has "$J" "$Q3"
plain_send "Neturiu laiko\n"
file_has "$J" "$Q4" && plain_send "$NOTE\n"
check "plain: the review lists four questions" \
	file_has "$J" "$(fmt survey.review.item 4)"
check "plain: with his answers" grep -qaF "${ANSWER}Neturiu laiko" "$J"
plain_send "s\n"
check "plain: s sends it" file_has "$J" "$(lt survey.review.thanks_anonymous)"
plain_send "l\n"
# before, after: what came before the thanks, and after them.
THANKS=$(lt survey.review.thanks_anonymous)
before() { awk -v t="$THANKS" 'index($0, t) { exit } { print }' "$J"; }
after() { awk -v t="$THANKS" 'index($0, t) { on = 1 } on' "$J"; }
check "plain: the hub lists the demo's survey after (the control)" \
	eventually grep -qaF "Mokymasis Kaune ($(lt surveys.waiting)" <(after)
check "plain: but no longer this one" not grep -qaF "$TITLE (" <(after)
check "plain: which it listed before (the control)" \
	grep -qaF "$TITLE ($(lt surveys.waiting))" <(before)
plain_send "q\nl\n"
check "plain: his menu then counts one waiting" eventually grep -qaF \
	". $(lt menu.surveys) ($(fmt surveys.menu_waiting 1))" <(after)
check "plain: not two" not grep -qaF "$(fmt surveys.menu_waiting 2)" <(after)
plain_send "q\n"
plain_end
wait "$PLAIN_PID"
PLAIN_PID=

# --- the moderator's results, on a screen tall enough for all of them.
tm_resize m 80 64
tm_wait m "$(lt survey_results.title)" >/dev/null
pick m "$(lt survey_results.title)"
check "the results say 2 responses" tm_wait m "$(fmt survey_results.responses 2)"
tm_screen m >"$T/results.txt"
check "the scale and the choice were answered by both" \
	test "$(grep -cF "$(fmt survey_results.answered 2 2)" "$T/results.txt")" -eq 2
check "the follow-up by the one asked" \
	grep -qF "$(fmt survey_results.answered 1 1)" "$T/results.txt"
check "the other one skipped it" grep -qF "$(fmt survey_results.not_asked 1)" "$T/results.txt"
check "they name the command of their CSV" grep -qF \
	"$(fmt survey_results.csv "ssh -p 2222 moderatore@tinklas.example.lt survey-$ID.csv")" \
	"$T/results.txt"
check "the full screen draws the bars in block characters" \
	grep -q "^ *Taip  .*%  █████" "$T/results.txt"
check "the free text is listed as written" grep -qF -- "- $NOTE" "$T/results.txt"
# shown QUESTION LABEL: the count on the line of LABEL after QUESTION.
shown() {
	awk -v q="$1" -v l="$2" 'index($0, q) { on = 1; next }
		on { s = $0; sub(/^ +/, "", s)
		     if (index(s, l " ") == 1) { s = substr(s, length(l) + 1)
		         split(s, f, " "); if (f[1] ~ /^[0-9]+$/ && f[2] ~ /^[0-9]/) {
		             print f[1]; exit } } }' "$T/results.txt"
}
# Each value: "QUESTION ITEM" as the CSV names it, and its label on the
# screen (of the scale: the number).
VALUES=()
for v in 0 1 2 3 4 5 6 7 8 9 10; do VALUES+=("score|$v|$Q1|$v"); done
VALUES+=("again|yes|$Q2|Taip" "again|no|$Q2|Ne" "again|maybe|$Q2|Galbūt"
	"why|time|$Q3|Neturiu laiko" "why|far|$Q3|Per toli")
: >"$T/screen.fig"
for v in "${VALUES[@]}"; do
	IFS='|' read -r qk item qt label <<<"$v"
	echo "$qk $item $(shown "$qt" "$label")" >>"$T/screen.fig"
done
# has_lines FILE LINE...: FILE holds each LINE whole.
has_lines() {
	local f=$1 l
	shift
	for l; do grep -qxF -- "$l" "$f" || { echo "# no \"$l\" in $f"; return 1; }; done
}
check "the screen shows the counts ($(grep -v ' 0$' "$T/screen.fig" | tr '\n' ';'))" \
	has_lines "$T/screen.fig" "score 6 1" "score 9 1" "score 5 0" "score 10 0" \
	"again yes 1" "again no 1" "again maybe 0" "why time 1" "why far 0"
check "every value has its count on the screen" not grep -q ' $' "$T/screen.fig"

# --- the same results in the plain mode: the same counts, ASCII bars.
J=$T/mod.out
plain_start moderatore "$MOD" "$J"
plain_send "\n"
file_has "$J" ". $(lt menu.surveys)" && plain_send "$(number_of ". $(lt menu.surveys)")\n"
file_has "$J" ". $(lt survey.manage.title)" &&
	plain_send "$(number_of ". $(lt survey.manage.title)")\n"
file_has "$J" ". $TITLE (" && plain_send "$(number_of ". $TITLE (")\n"
file_has "$J" ". $(lt survey_results.title)" &&
	plain_send "$(number_of ". $(lt survey_results.title)")\n"
check "plain: the results say 2 responses" file_has "$J" "$(fmt survey_results.responses 2)"
# (a share's % follows a no-break space, as ICU writes it)
check "plain: with the counts and ASCII bars" \
	eventually grep -qaE "^Taip +1 +50[^0-9]*% +#{10}$" "$J"
check "plain: (the follow-up's count too)" \
	eventually grep -qaE "^Neturiu laiko +1 +100[^0-9]*% +#{20}$" "$J"
check "plain: and not block characters" not grep -qa "█" "$J"
plain_send "q\nq\nq\nq\nq\n"
plain_end
wait "$PLAIN_PID"
PLAIN_PID=

# --- and on a terminal that is not UTF-8 (LANG=C): ASCII bars, and not
# one byte outside ASCII.
ascii() { printf %s "$1" | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT; }
tm_start a "env LANG=C LC_ALL=C $(ssh_cmd moderatore -o PubkeyAuthentication=no \
	-o PreferredAuthentications=password,keyboard-interactive)" 80x64
tm_wait a "assword" 10 >/dev/null && tm_type a "$MOD" && tm_keys a Enter
tmux -L "$TMUX_SOCK" pipe-pane -t a -o "cat >> $T/bytes-a"
tm_wait a "$(ascii "$(lt welcome.continue)")" 15 >/dev/null && tm_keys a Enter
for item in "$(lt menu.surveys)" "$(lt survey.manage.title)" "$TITLE" \
	"$(lt survey_results.title)"; do
	tm_wait a ". $(ascii "$item")" >/dev/null && pick a ". $(ascii "$item")"
done
check "ASCII: the results say 2 responses" \
	tm_wait a "$(ascii "$(fmt survey_results.responses 2)")"
check "ASCII: with ASCII bars" eventually eval \
	'tm_screen a | grep -qE "^ +$(ascii "Neturiu laiko") +1 +100 % +#{20}$"'
check "ASCII: the capture holds the results" file_has "$T/bytes-a" "##########"
check "ASCII: not one byte outside ASCII was sent" \
	not env LC_ALL=C grep -q '[^ -~[:cntrl:]]' "$T/bytes-a"
tm_keys a q q q q q

# --- the CSV over ssh, for the moderator.
ssh_run moderatore "$MOD" "survey-$ID.csv" "$T/mod.csv"
check "ssh moderatore@host survey-$ID.csv exits 0 (rc $rc)" test "$rc" -eq 0
/usr/bin/python3 "$PY/survey-csv.py" "$T/mod.csv" >"$T/csv.fig" 2>"$T/csv.err"
csv_rc=$?
check "Python's csv module reads it as RFC 4180 ($(cat "$T/csv.err"))" test "$csv_rc" -eq 0
check "it says 2 responses" grep -qx "responses 2" "$T/csv.fig"
check "the follow-up: asked 1, not asked 1" \
	grep -qx "why not_asked 1" "$T/csv.fig"
check "the scale's mean 7.5, median 7.5, recommend score 0 (50 % - 50 %)" \
	has_lines "$T/csv.fig" "score mean 7.50" "score median 7.50" "score recommend 0.00"
check "its counts are the screen's" \
	cmp -s <(grep -E '^(score|again|why) [a-z0-9]+ [0-9]+$' "$T/csv.fig" |
		grep -Ev ' (asked|answered) ' | sort) <(sort "$T/screen.fig")
check "(all 16 values)" test "$(wc -l <"$T/screen.fig")" -eq 16
admin survey results "$ID" --csv >"$T/admin.csv"
check "its free text is there, made harmless for a spreadsheet" \
	grep -qxF -- "note text '$NOTE" "$T/csv.fig"
check "the same bytes as tinklas admin survey results $ID --csv" \
	cmp -s "$T/mod.csv" "$T/admin.csv"

# --- and refused to a member and a guest.
ssh_run jonas "$JONAS" "survey-$ID.csv" "$T/member.csv"
check "a member is refused (rc $rc)" test "$rc" -ne 0
check "with no CSV" test ! -s "$T/member.csv"
check "(the moderator's has one: the control)" grep -q "^row,question," "$T/mod.csv"
check "and told why" grep -qF "$(fmt exec.refused "survey-$ID.csv")" "$T/member.csv.err"
ssh_run moderatore "$MOD" help "$T/mod.help"
ssh_run jonas "$JONAS" help "$T/member.help"
ABOUT=$(lt exec.survey_csv.about)
check "help lists survey-*.csv to the moderator" grep -qF "survey-*.csv $ABOUT" "$T/mod.help"
check "but not to a member" not grep -qF "survey-" "$T/member.help"
check "(whose help lists the others: the control)" grep -qF "org-*.ics" "$T/member.help"
LANG=en_GB.UTF-8 timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no \
	guest@127.0.0.1 "survey-$ID.csv" </dev/null >"$T/guest.csv" 2>/dev/null
rc=$?
check "a guest is refused too (rc $rc)" test "$rc" -ne 0
check "with no CSV" test ! -s "$T/guest.csv"
tm_keys m q q q q q
tm_wait_dead m
