#!/usr/bin/env bash
# The calendar's authoring over the real ssh client: an organiser creates
# a weekly event on the full screen and another in the plain mode; a
# member's event is a proposal that a moderator approves from the queue,
# and then it shows; a time in the spring gap is refused on its field and
# the autumn's repeated hour asks which one is meant; an edit tells those
# who answered, in their inbox; and `tinklas admin event` lists, shows,
# exports (cells a spreadsheet would run are neutralised) and cancels.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 500" || exit 1
add_user biblioteka "knygos-skaitykla-2026" organiser en || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
add_user aiste "moderate-kindly-often-5" moderator en || exit 1
printf '%s\n' "formula-cell-sheet-9" | admin user add eve --display "=SUM(1+1)" \
	--lang en >/dev/null || exit 1

# The main menu: Notifications is 2 and Calendar 5 for members (after the
# house's lines); the moderation queue is a moderator's 3.

# Dates to come, whenever this runs: the café's first Thursday two weeks or
# more ahead (in the site zone), a Friday and a Saturday after it.
day() { TZ=Europe/Vilnius date -d "$1" +%F; }
CAFE=$(day "thursday + 14 days")
FRI=$(day "$CAFE + 1 day")
SAT=$(day "$CAFE + 2 days")
LATER=$(day "$CAFE + 10 days")
Z="EES?T"	# the zone's abbreviation, winter or summer

# --- The organiser on the full screen: a weekly language café.
tm_menu o biblioteka "knygos-skaitykla-2026"
tm_keys o 5
tm_wait o "n New event"
tm_keys o n
check "the event form opens" tm_wait o "New event"
check "an organiser's form is open at its title" tm_wait o "> Title"
check "an organiser's form says nothing of a moderator" \
	not screen_has o "wait for a moderator"
tm_type o "Language café"
tm_keys o Tab
tm_type o "Conversation in many languages, tea included."
tm_keys o Tab Tab
check "the start's hint names the site zone" tm_wait o "Europe/Vilnius"
tm_type o "$CAFE"
tm_keys o Tab
tm_type o "18:00"
tm_keys o Tab Tab
tm_type o "19:30"
tm_keys o Tab Tab
tm_type o "Kaunas County Library"
tm_keys o Tab
tm_type o "Radastų g. 2"
tm_keys o Tab Right Right Tab
tm_type o ", lt"
tm_keys o Tab
tm_type o "languages, conversation"
tm_keys o Tab Right Tab Tab Tab Tab Tab BSpace
tm_type o "12"
tm_keys o Tab Tab Right
check "the long form scrolls to its focused field" tm_wait o "> Repeats"
check "a choice moves with the arrows" screen_has o "< Weekly >"
tm_keys o Tab Tab
tm_type o "4"
# Weekly: the weekday of the month (monthly only) is not asked.
check "a weekly rule's form leaves out the monthly question" \
	not screen_has o "Which weekday of the month"
check "but has the weekdays" screen_has o "> On which weekdays"
tm_keys o Tab Tab BSpace
tm_type o "8"
tm_keys o C-x
check "the organiser's weekly event is published" tm_wait o "The event is published."
out=$(admin event list)
check "admin event list shows it published and repeating" \
	grep -qE "^[0-9]+ +published +$CAFE 18:00 $Z +yes +0 +biblioteka +Language café$" <<<"$out"
cafe=$(sed -n 's/^\([0-9]*\) .*Language café$/\1/p' <<<"$out")
out=$(admin event show "$cafe")
check "admin event show has its rule (Thursdays, 8 times)" grep -q "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;WKST=MO;COUNT=8" <<<"$out"
check "admin event show has its place, languages, access and places" bash -c '
	grep -q "Kaunas County Library" <<<"$1" && grep -q "languages     lt, en" <<<"$1" &&
	grep -q "access        step-free" <<<"$1" && grep -q "places        12" <<<"$1"' _ "$out"

# --- The DST changes on the full screen: the gap is refused on the time
# field; the repeated hour asks, with no answer chosen, and then it goes.
tm_keys o n
tm_wait o "New event"
tm_type o "Night walk"
tm_keys o Tab Tab Tab
tm_type o "2026-03-29"
tm_keys o Tab
tm_type o "03:30"
tm_keys o Tab Tab
tm_type o "05:00"
tm_keys o Tab Tab
tm_type o "Old Town"
tm_keys o C-x
check "a time in the spring gap is refused" tm_wait o "This time does not exist on that day"
under() { tm_screen o | grep -A3 -- "$1" | grep -q -- "$2"; }
check "the refusal stands under the start time" under "> Start time" "does not exist"
tm_keys o Escape
tm_wait o "n New event"
tm_keys o n
tm_wait o "New event"
tm_type o "Night walk"
tm_keys o Tab Tab Tab
tm_type o "2026-10-25"
tm_keys o Tab
tm_type o "03:30"
tm_keys o Tab Tab
tm_type o "05:00"
tm_keys o Tab Tab
tm_type o "Old Town"
tm_keys o C-x
check "the repeated autumn hour asks which one" tm_wait o "Which one?"
check "no answer is chosen for it" tm_wait o "< Not chosen >"
check "the question says why" tm_wait o "happens twice that night"
tm_keys o Right
check "the earlier is summer time, UTC+03:00" tm_wait o "summer time (UTC+03:00)"
tm_keys o Right
check "the later is winter time, UTC+02:00" tm_wait o "winter time (UTC+02:00)"
tm_keys o C-x
check "with the later chosen, the event is published" tm_wait o "The event is published."
check "it starts at 03:30 winter time (01:30 UTC)" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event list | grep -q 'published  *2026-10-25 03:30 EET .*Night walk'"

# --- The organiser in the plain mode: a one-off online reading, and a
# time in the gap refused again, asked again alone.
out=$(plain_session biblioteka "knygos-skaitykla-2026" "\n5\nn\nReading evening\nPoems by the river.\n.\n\n2026-03-29\n03:30\n\n12:00\n2\n\n\n\nen, lt\npoetry\n\n\n\n\n\n0\n\n\n10:00\nq\nq\nq\n" 2>&1)
check "plain: the form asks for the start time" grep -q "Start time" <<<"$out"
check "plain: the form asks whether it repeats" grep -q ": Repeats$" <<<"$out"
check "plain: but not how, for a one-off event" not grep -q "Every how many" <<<"$out"
check "plain: a time in the gap is refused with its reason" grep -q "This time does not exist on that day" <<<"$out"
check "plain: asked again, the event is published" grep -q "The event is published." <<<"$out"
check "plain: the reading is listed, online" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event list | grep -q 'published  *2026-03-29 10:00 EEST  *no .*Reading evening'"

# --- A member proposes (plain mode); a moderator approves from the queue.
out=$(plain_session ruta "linden-river-kaunas-42" "\n5\nn\nKnitting circle\nBring your own yarn.\n.\n\n$SAT\n11:00\n\n13:00\n\nŠilainiai library\nPrancūzų g. 69\n10\nen\nknitting\n2\n\n\n\n\n0\n\n\nq\nq\nq\n" 2>&1)
check "plain: a member's form says it will wait for a moderator" grep -q "will wait for a moderator’s approval" <<<"$out"
check "plain: the member's event is sent as a proposal" grep -q "The event waits for a moderator’s approval." <<<"$out"
out=$(admin event list)
check "the proposal is listed as proposed" grep -qE "^[0-9]+ +proposed +$SAT 11:00 $Z .* ruta +Knitting circle$" <<<"$out"
knit=$(sed -n 's/^\([0-9]*\) .*Knitting circle$/\1/p' <<<"$out")
out=$(admin report list --limit 1)
check "admin report list keeps to reports on posts while a proposal waits" grep -q "^no open reports$" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n5\na\nq\nq\nq\n" 2>&1)
check "before approval another member's agenda has the café" grep -q "Language café" <<<"$out"
check "before approval the proposal is not in it" not grep -q "Knitting circle" <<<"$out"

tm_menu m aiste "moderate-kindly-often-5"
check "the moderator's menu counts the proposal" tm_wait m "1 open report"
tm_keys m 3
check "the queue shows the proposal" tm_wait m "Knitting circle"
check "the queue says when and where" tm_wait m "$SAT 11:00 Šilainiai library"
check "the queue offers approve and reject" tm_wait m "a Approve  r Reject"
tm_keys m o
check "o opens the proposal's page" tm_wait m "Bring your own yarn."
check "a moderator may edit a proposal there" tm_wait m "e Edit" 10
tm_keys m q
tm_wait m "a Approve"
tm_keys m a
check "approving asks why, naming the proposal" tm_wait m "Event proposal #$knit by ruta: “Knitting circle”"
tm_type m "A fine community event"
tm_keys m Tab Enter
check "approving says so" tm_wait m "The audit log records it"
check "the event is published after approval" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event list | grep -qE '^$knit +published '"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n5\na\nq\nq\nq\n" 2>&1)
check "after approval the event shows in the agenda" grep -q "Knitting circle" <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" "\n2\nq\nq\n" 2>&1)
check "the proposer is told in the inbox" grep -q "Your event “Knitting circle” is approved and published" <<<"$out"

# The shell decides proposals too: a second one rejected with a reason.
plain_session ruta "linden-river-kaunas-42" "\n5\nn\nBuy my bicycle\n.\n\n$LATER\n10:00\n\n11:00\n2\n\n\n\n\n\n\n\n\n\n\n0\n\n\nq\nq\nq\n" >/dev/null 2>&1
bike=$(admin event list | sed -n 's/^\([0-9]*\) .*Buy my bicycle$/\1/p')
check "a second proposal waits" test -n "$bike"
err=$(admin event decide "$bike" reject 2>&1); rc=$?
check "decide without a reason is a usage error" test "$rc" -eq 2
out=$(admin event decide "$bike" reject --reason "Not an event: a sale"); rc=$?
check "admin event decide rejects it" test "$rc" -eq 0
check "it says so" grep -q "rejected event $bike" <<<"$out"
check "the rejected proposal is listed as rejected" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event list | grep -qE '^$bike +rejected '"
err=$(admin event decide "$bike" approve --reason "changed my mind" 2>&1); rc=$?
check "a decided proposal is not decided again" test "$rc" -eq 1
out=$(plain_session ruta "linden-river-kaunas-42" "\n2\nq\nq\n" 2>&1)
check "the proposer is told why it was rejected" grep -q "Your event “Buy my bicycle” was not approved: Not an event: a sale" <<<"$out"

# --- Answers, then an edit tells those who answered.
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n5\na\n1\ng\nq\nq\nq\nq\n" 2>&1)
check "a member answers going to the café" grep -q "You are going. See you there!" <<<"$out"
plain_session eve "formula-cell-sheet-9" "\n\n5\na\n1\ng\nq\nq\nq\nq\n" >/dev/null 2>&1
csv=$(admin event export "$cafe")
check "export writes the CSV header" grep -q "^name,display_name,answer,waitlist,answered_utc" <<<"$csv"
check "export lists the member going" grep -q "^jonas,jonas,going,0," <<<"$csv"
check "a cell starting with = is neutralised" grep -q "^eve,'=SUM(1+1),going,0," <<<"$csv"
check "no cell starts with a bare =" not grep -q ",=" <<<"$csv"
check "the CSV's lines end with CRLF" grep -q $'^name,.*\r$' <<<"$csv"
csv2=$(admin event export "$cafe" --date "$CAFE")
check "export --date of the first Thursday writes the same" test "$csv2" = "$csv"
admin event export "$cafe" --date "$FRI" >/dev/null 2>&1; rc=$?
check "export --date of a day without it fails with status 1" test "$rc" -eq 1

tm_keys o a
tm_wait o "Language café"
tm_keys o Enter
tm_wait o "e Edit" >/dev/null
# At 80 columns the answers and these need the key bar's two rows.
check "the event page offers its organiser edit, this date and cancel" \
	bash -c "tmux -L $TMUX_SOCK capture-pane -p -t o | tail -2 | tr -d '\\n' | grep -q 'e Edit  o This date *x Cancel event  q Back'"
tm_keys o e
check "the edit form opens" tm_wait o "Edit the event"
check "the edit form holds the stored event" screen_has o "Language café"
tm_keys o End
tm_type o " (new room)"
tm_keys o C-x
check "saving says those who answered are told" tm_wait o "Saved; everyone who answered is told."
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n2\nq\nq\n" 2>&1)
check "the member who answered is told of the change" grep -q "biblioteka changed “Language café (new room)”" <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" "\n2\nq\nq\n" 2>&1)
check "ruta's inbox is read (her approval is in it)" grep -q "is approved and published" <<<"$out"
check "someone who did not answer is not told" not grep -q "changed “Language café" <<<"$out"

# --- One date moved, then cancelled on its own (the event page again).
tm_wait o "x Cancel event"
tm_keys o o
check "this date's form names the event and its date" tm_wait o "“Language café (new room)” on $CAFE 18:00"
tm_keys o Tab
tm_type o "$FRI"
tm_keys o Tab
tm_type o "18:30"
tm_keys o C-x
check "moving one date says those who answered are told" tm_wait o "Moved; those who answered are told."
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n2\nq\nq\n" 2>&1)
check "the member is told which date moved" grep -q "biblioteka moved “Language café (new room)” of $CAFE 18:00 to another time" <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n5\na\nq\nq\nq\n" 2>&1)
check "the moved date is in the agenda at its new time" grep -q "18:30.*Language café (new room)" <<<"$out"
tm_wait o "x Cancel event"
tm_keys o o
tm_wait o "One date of the event"
tm_keys o Right
check "the date can be cancelled alone" tm_wait o "< Cancel this date only >"
tm_keys o Escape
# In the plain mode: the agenda's first is the moved date; cancel it alone.
out=$(plain_session biblioteka "knygos-skaitykla-2026" "\n5\na\n1\no\n2\n\n\nq\nq\nq\nq\n" 2>&1)
check "plain: this date's form asks what to do" grep -q "What to do" <<<"$out"
check "plain: cancelling one date says so" grep -q "This date is cancelled; those who answered are told." <<<"$out"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n2\nq\nq\n" 2>&1)
check "the member is told which date is cancelled" grep -q "biblioteka cancelled “Language café (new room)” on $CAFE 18:00" <<<"$out"

# --- The organiser cancels the café from its page; the shell cancels
# the (past) reading, which nobody answered.
tm_wait o "x Cancel event"
tm_keys o x
check "cancelling asks why, naming the event" tm_wait o "Cancel “Language café (new room)” for everyone who answered"
tm_type o "The library is closed for repairs"
tm_keys o Tab Enter
check "cancelling says everyone who answered is told" tm_wait o "The event is cancelled; everyone who answered is told."
check "admin event show says cancelled" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event show $cafe | grep -q '^event $cafe, cancelled'"
out=$(plain_session jonas "pienas-duona-sviestas-7" "\n2\nq\nq\n" 2>&1)
check "the member is told of the cancellation and why" grep -q "biblioteka cancelled “Language café (new room)”. The library is closed for repairs" <<<"$out"
reading=$(admin event list | sed -n 's/^\([0-9]*\) .*Reading evening$/\1/p')
err=$(admin event cancel "$reading" 2>&1); rc=$?
check "cancel without a reason is a usage error" test "$rc" -eq 2
out=$(admin event cancel "$reading" --reason "Moved to the spring fair"); rc=$?
check "admin event cancel succeeds" test "$rc" -eq 0
check "it says how many were told (nobody answered)" grep -q "cancelled event $reading; 0 told" <<<"$out"
check "the list shows it cancelled" bash -c \
	"\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" event list | grep -qE '^$reading +cancelled '"
admin event show 999999 >/dev/null 2>&1; rc=$?
check "show of a missing event fails with status 1" test "$rc" -eq 1
