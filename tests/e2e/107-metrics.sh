#!/usr/bin/env bash
# The learning network's metrics (issue 10) on a demo site:
# `tinklas admin metrics --csv` parses with Python's csv module as RFC
# 4180 (every row ends in CRLF) with its sections and measures, a row per
# month and the total; the text form prints the per-month tables and the
# trends; --from/--to choose the months, and a bad month or a period the
# wrong way round is refused in words with exit status 1. Over ssh, a
# moderator opens Surveys -> Metrics and sees the CSV's member count and,
# in its last section, the open survey's response rate; a
# member's Surveys hub has no Metrics line (the moderator's has).
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
admin demo >/dev/null 2>&1 || exit 1
PASS="moderate-kindly-often-5"
add_user mod_en "$PASS" moderator en || exit 1
add_user mem_en "$PASS" member en || exit 1
T=$E2E_TMP
PY=/usr/bin/python3

# --- The CSV.
admin metrics --csv >"$T/m.csv" 2>"$T/m.err"
check "metrics --csv succeeds" test $? -eq 0 -a ! -s "$T/m.err"
# csvcheck: reads the CSV with the csv module, section by section (a
# blank row between), and prints "NAME VALUE" facts for the checks.
cat >"$T/csvcheck.py" <<'EOF'
import csv, sys
raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\r\n")
print("crlf", int(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")))
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
sections, cur = [], []
for r in rows:
    if r == []:
        sections.append(cur); cur = []
    else:
        cur.append(r)
sections.append(cur)
print("sections", " ".join(s[0][0] for s in sections))
months = sections[0]
head = months[0]
print("columns", " ".join(head))
print("widths", int(all(len(r) == len(head) for r in months)))
body = [dict(zip(head, r)) for r in months[1:]]
per = [b for b in body if b["month"] != "total"]
total = [b for b in body if b["month"] == "total"]
print("months", len(per))
print("last_total", int(len(total) == 1 and body[-1]["month"] == "total"))
t = total[0]
print("members", t["members"])
print("members_last_month", int(t["members"] == per[-1]["members"]))
for k in ("posts", "threads", "registrations", "messages", "events_held", "mentorships_started"):
    print("sum_" + k, int(sum(int(b[k]) for b in per) == int(t[k])))
ym = [tuple(map(int, b["month"].split("-"))) for b in per]
print("consecutive", int(all((b[0] * 12 + b[1]) - (a[0] * 12 + a[1]) == 1 for a, b in zip(ym, ym[1:]))))
surveys = [s for s in sections if s[0][0] == "survey"][0]
print("survey_head", " ".join(surveys[0]))
print("survey_titles", "|".join(sorted(r[1] for r in surveys[1:])))
print("rates", int(all(float(r[4]) >= 0 for r in surveys[1:])))
lk = [r for r in surveys[1:] if r[1] == "Learning in Kaunas"][0]
print("lk", lk[2], lk[3])
EOF
facts=$($PY "$T/csvcheck.py" "$T/m.csv" 2>&1)
fact() { sed -n "s/^$1 //p" <<<"$facts"; }
check "the CSV parses (csv module, strict)" grep -q "^months " <<<"$facts"
grep -q "^months " <<<"$facts" || sed 's/^/#   /' <<<"$facts"
check "every row ends in CRLF, no bare LF" test "$(fact crlf)" = 1
check "its sections, in order" test "$(fact sections)" = \
	"month eldership accessibility organisation survey language eldership role"
for col in members active registrations posts threads threads_answered_pct \
	first_reply_median_s events_held event_answers event_going mentorship_requests \
	match_rate_pct mentorships_started mentorships_active mentorships_ended messages; do
	check "the months hold $col" grep -qw -- "$col" <<<"$(fact columns)"
done
check "every month row has every column" test "$(fact widths)" = 1
check "12 months by default, one after another" \
	test "$(fact months)" = 12 -a "$(fact consecutive)" = 1
check "the period's total is the last row" test "$(fact last_total)" = 1
# The demo's six accounts and the two added here.
check "members: 8 at the period's end" test "$(fact members)" = 8
check "(the last month's count)" test "$(fact members_last_month)" = 1
for k in posts threads registrations messages events_held mentorships_started; do
	check "the total's $k is the months' sum" test "$(fact "sum_$k")" = 1
done
check "the demo has posts, threads and messages" bash -c \
	"awk -F, '\$1 == \"total\" { exit !(\$5 > 0 && \$6 > 0 && \$20 > 0) }' '$T/m.csv'"
check "survey response rates: the header" test "$(fact survey_head)" = \
	"survey title responses audience response_rate_pct"
check "both demo surveys are listed" bash -c \
	'[[ "$1" == "Event feedback: "*"|Learning in Kaunas" ]]' _ "$(fact survey_titles)"
check "with a rate each" test "$(fact rates)" = 1
check "the open survey asks all 8 members, none answered yet" test "$(fact lk)" = "0 8"

# --- The text form: the two per-month tables, the trends, the rest.
out=$(admin metrics 2>&1)
check "the text form has its title" grep -q "^Learning-network metrics, [0-9-]* to [0-9-]*$" <<<"$out"
check "the members' table's header" grep -Eq \
	"^MONTH +MEMBERS +ACTIVE +NEW +POSTS +THREADS +ANSWERED +FIRST REPLY$" <<<"$out"
check "the events' and mentoring table's header" grep -Eq \
	"^MONTH +EVENTS +ANSWERS +GOING +REQ +MATCH +TO ANSWER +START +ACT +END +MESSAGES$" <<<"$out"
check "a row per month in each table" test "$(grep -Ec '^[0-9]{4}-[0-9]{2}  ' <<<"$out")" -eq 24
check "the total's members match the CSV" grep -Eq "^total +8 " <<<"$out"
check "a trend in '#'" grep -Eq "^  [0-9]{4}-[0-9]{2} #+ +[0-9]+$" <<<"$out"
check "the surveys' response rates" grep -q "^Surveys open in the period:" <<<"$out"
check "the small-group rule is said" grep -q "^Groups of fewer than 5 members are hidden.$" <<<"$out"

# --- --from/--to.
out=$(admin metrics --from 2026-01 --to 2026-03 --csv 2>&1)
check "--from/--to choose the months" test "$(grep -c '^2026-0[1-3],' <<<"$out")" -eq 3 -a \
	"$(grep -Ec '^[0-9]{4}-[0-9]{2},' <<<"$out")" -eq 3
out=$(admin metrics --from 2026-13 2>&1); rc=$?
check "a month 13 is refused in words" grep -qxF "tinklas admin: not a month: 2026-13 (YYYY-MM)" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1
out=$(admin metrics --to "March" --csv 2>&1); rc=$?
check "a --to that is no month is refused" grep -qxF "tinklas admin: not a month: March (YYYY-MM)" <<<"$out"
check "(exit status 1, and no CSV)" test "$rc" -eq 1 -a "$(grep -c month, <<<"$out")" -eq 0
out=$(admin metrics --from 2026-06 --to 2026-01 2>&1); rc=$?
check "a period the wrong way round is refused" grep -qxF "tinklas admin: --from is after --to" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1
out=$(admin metrics --from 2000-01 --to 2026-01 2>&1); rc=$?
check "more than 120 months are refused in words" \
	grep -qxF "tinklas admin: no metrics: $(po_text en error.metrics.period)" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1

# --- Over ssh: the moderator's Metrics screen, the member's hub.
menu_pick() {
	local n
	n=$(tm_screen "$1" | grep -o "[0-9]\. $(po_text en "$2")" | head -1 | cut -c1)
	[ -n "$n" ] && tm_keys "$1" "$n"
}
tm_menu m mod_en "$PASS" || exit 1
menu_pick m menu.surveys
tm_wait m "Learning in Kaunas" >/dev/null
check "the moderator's hub has the Metrics line (control)" screen_has m "3. Metrics"
tm_keys m 3
check "Metrics opens on the members" tm_wait m "Metrics: members"
check "with the CSV's member count" screen_has m "$(po_text en metrics.m.members | sed 's/{0.*}/8/')"
check "and a bar for the month that has them" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t m | grep -Eq '^ +[0-9]{4}-[0-9]{2} +8  █+$'"
# The surveys' section, the last: the same rate as the CSV.
for ((i = 0; i < 15; i++)); do
	screen_has m "section 6 of 6" && break
	tm_keys m NPage
	sleep 0.3
done
check "the surveys' section is reached" tm_wait m "Metrics: surveys"
check "with the CSV's response rate" bash -c \
	"tmux -L $TMUX_SOCK capture-pane -p -t m | grep -Eq '^ +Learning in Kaunas +0 of 8  0%$'"

tm_menu u mem_en "$PASS" || exit 1
menu_pick u menu.surveys
check "the member's hub lists the waiting survey" tm_wait u "1. Learning in Kaunas"
check "but no Metrics line" not screen_has u "Metrics"
check "nor Manage surveys" not screen_has u "$(po_text en survey.manage.title)"
