#!/usr/bin/env bash
# Every survey screen (issue 10) fits 80x24 in all five languages, walked
# as a moderator in the full screen over ssh with the demo content: the
# Surveys hub, the waiting "Learning in Kaunas" survey's intro, its form
# (a few questions down), the review page, Manage surveys, a survey's
# page, its settings, its questions, one question, the results of the
# closed post-event survey and their breakdown (b), and Metrics. On each,
# no row of the screen's own texts is cut ("…"; a survey's or a question's
# title in a list row may be, by design) and the key bar ends with the help
# entry; on the results, the indicative mark and the hidden-group notes
# show whole. The results draw their bars in '#' in the plain mode and in
# Unicode blocks on the full screen.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
admin demo >/dev/null 2>&1 || exit 1
PASS="moderate-kindly-often-5"
for lang in lt en uk ru pl; do
	add_user "mod_$lang" "$PASS" moderator "$lang" || exit 1
done
BLOCKS='[█▉▊▋▌▍▎▏]'

# whole_text NAME TEXT: TEXT is on the screen to its last character,
# however it was wrapped (rows joined, blanks dropped).
whole_text() {
	local want
	want=$(tr -d ' ' <<<"$2")
	[ -n "$want" ] || { echo "# no text"; return 1; }
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$want" || {
		echo "# not whole: $2"; tm_screen "$1" | sed 's/^/#   /'; return 1; }
}
whole() { whole_text "$1" "$(po_text "$2" "$3")"; }
# bar_ends NAME LANG [KEYNAME]: the key bar ends with the help entry
# ("? Help" in lists, "F1 Help" in forms), whole.
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"  ${3:-?} $(po_text "$2" key.help)" ]] || { echo "# bar: $bar"; return 1; }
}
# uncut NAME LANG [titles]: no row is cut ("…"). With "titles", a list
# row may end in a cut title ("12. Would you…") or have one before its
# whole status ("1. Would you… (0…  (Scale 0-10 · required)"), and the
# status line may cut the survey's title before its whole help entry:
# the survey's and its questions' own texts, cut by design.
uncut() {
	local bad
	bad=$(tm_screen "$1" | grep -F '…')
	[ "${3:-}" = titles ] && bad=$(grep -Ev -e '^ *>? *[0-9]+\. .*…(  \([^…]*\))?$' \
		-e "^ Tinklas \| mod_$2 \| .*… [^…]*  \? $(po_text "$2" key.help)\$" <<<"$bad")
	[ -z "$bad" ] || { echo "# cut:"; sed 's/^/#   /' <<<"$bad"; return 1; }
}
# wait_text NAME LANG KEY: waits for the first words of a catalog text.
wait_text() { tm_wait "$1" "$(po_text "$2" "$3" | cut -d' ' -f1-2)" 30 >/dev/null; }
# screen_ok NAME LANG WHAT [KEYNAME [titles]]: the two checks of a screen.
screen_ok() {
	check "$2: $3 fits (no row cut)" uncut "$1" "$2" "${5:-}"
	check "$2: $3's key bar ends with help" bar_ends "$1" "$2" "${4:-?}"
}
# settled NAME BEFORE [TRIES]: waits until the screen differs from BEFORE
# and has not changed for 0.3 s (all the keys sent are drawn); gives up
# after TRIES (50) looks 0.3 s apart.
settled() {
	local i now last=
	for ((i = 0; i < ${3:-50}; i++)); do
		now=$(tm_screen "$1")
		[ "$now" != "$2" ] && [ "$now" = "$last" ] && return 0
		last=$now
		sleep 0.3
	done
	return 1
}
row_has() { tm_screen "$1" | grep -qF -- "$2"; }
# The plural of 5 answers in each language (the hidden-group note).
answers5() { case $1 in en) echo answers ;; lt) echo atsakymai ;; uk) echo відповідей ;;
	ru) echo ответов ;; pl) echo odpowiedzi ;; esac; }

for lang in lt en uk ru pl; do
	s=m$lang
	tm_login "$s" "mod_$lang" "$PASS"
	wait_text "$s" "$lang" mode.full && tm_keys "$s" Enter
	wait_text "$s" "$lang" welcome.continue && tm_keys "$s" Enter
	wait_text "$s" "$lang" menu.title
	# The menu's Surveys line itself (the title may still be in the
	# history of the screen before).
	for ((i = 0; i < 100; i++)); do
		n=$(tm_screen "$s" | grep -o "[0-9]\. $(po_text "$lang" menu.surveys)" |
			head -1 | cut -c1)
		[ -n "$n" ] && break
		sleep 0.1
	done
	tm_keys "$s" "$n"

	# The hub, the waiting survey's intro, its form, the review.
	wait_text "$s" "$lang" survey.manage.title
	screen_ok "$s" "$lang" "the Surveys hub"
	check "$lang: the hub has Metrics" row_has "$s" "3. $(po_text "$lang" metrics.title)"
	tm_keys "$s" 1
	wait_text "$s" "$lang" survey.take.begin
	screen_ok "$s" "$lang" "the survey's intro"
	check "$lang: the intro says it is anonymous" whole "$s" "$lang" survey.take.anonymous
	tm_keys "$s" Enter
	eventually bar_ends "$s" "$lang" F1 >/dev/null
	screen_ok "$s" "$lang" "the form's top" F1
	before=$(tm_screen "$s")
	tm_keys "$s" Right Tab Tab Tab Tab Tab
	settled "$s" "$before"
	check "$lang: the form has scrolled down" not row_has "$s" \
		"$(sed -n '4s/^[ >]*//p' <<<"$before")"
	screen_ok "$s" "$lang" "the form, a few questions down" F1
	tm_keys "$s" C-x
	wait_text "$s" "$lang" survey.review.intro
	screen_ok "$s" "$lang" "the review page"
	check "$lang: the review's introduction shows whole" whole "$s" "$lang" survey.review.intro
	tm_keys "$s" q
	eventually bar_ends "$s" "$lang" F1 >/dev/null
	tm_keys "$s" Escape

	# Manage surveys, the closed survey's page, settings, questions.
	wait_text "$s" "$lang" survey.manage.title
	tm_keys "$s" 2
	wait_text "$s" "$lang" survey.manage.new
	screen_ok "$s" "$lang" "Manage surveys" "?" titles
	tm_keys "$s" Enter
	wait_text "$s" "$lang" survey.build.locked
	screen_ok "$s" "$lang" "the survey's page" "?" titles
	check "$lang: the page says what can change" whole "$s" "$lang" survey.build.locked
	tm_keys "$s" 1
	wait_text "$s" "$lang" survey.settings.locked
	screen_ok "$s" "$lang" "the survey's settings" F1
	tm_keys "$s" Escape
	wait_text "$s" "$lang" survey.build.locked
	tm_keys "$s" 2
	wait_text "$s" "$lang" survey.questions.locked
	screen_ok "$s" "$lang" "the questions" "?" titles
	tm_keys "$s" Enter
	wait_text "$s" "$lang" survey.question.locked
	screen_ok "$s" "$lang" "a question" F1
	check "$lang: the question says what stays" whole "$s" "$lang" survey.question.locked
	tm_keys "$s" Escape
	wait_text "$s" "$lang" survey.questions.locked
	tm_keys "$s" q
	wait_text "$s" "$lang" survey.build.locked

	# The results, all together and by language.
	tm_keys "$s" 3
	wait_text "$s" "$lang" survey_results.summary
	screen_ok "$s" "$lang" "the results" "?" titles
	check "$lang: the indicative mark shows whole" whole_text "$s" \
		"$(/usr/bin/python3 "$(dirname "$0")/py/po-format.py" \
		"$(dirname "$0")/../../i18n/po/$lang.po" survey_results.indicative 30)"
	check "$lang: the results draw Unicode bars" bash -c \
		"tmux -L $TMUX_SOCK capture-pane -p -t $s | grep -Eq '%  $BLOCKS+\$'"
	tm_keys "$s" b
	wait_text "$s" "$lang" survey_results.by.language
	screen_ok "$s" "$lang" "the results by language" "?" titles
	check "$lang: a small group's note shows whole" whole_text "$s" "$(po_text "$lang" \
		survey_results.hidden_small | sed 's/^{0}: //; s/ {1,.*//') 5 $(answers5 "$lang")."
	check "$lang: the complement's note shows whole" whole_text "$s" \
		"$(po_text "$lang" survey_results.hidden_complement | sed 's/^{0}: //')"
	check "$lang: the indicative mark stays" whole_text "$s" \
		"$(/usr/bin/python3 "$(dirname "$0")/py/po-format.py" \
		"$(dirname "$0")/../../i18n/po/$lang.po" survey_results.indicative 30)"

	# Metrics.
	tm_keys "$s" q
	wait_text "$s" "$lang" survey.build.locked
	tm_keys "$s" q
	wait_text "$s" "$lang" survey.manage.new
	tm_keys "$s" q
	wait_text "$s" "$lang" survey.manage.title
	tm_keys "$s" 3
	wait_text "$s" "$lang" metrics.csv
	screen_ok "$s" "$lang" "Metrics"
	check "$lang: Metrics' CSV line shows whole" whole "$s" "$lang" metrics.csv
	# Page by page through the six sections, to the last one's end.
	last=$(po_text "$lang" metrics.position | sed 's/{0, number}/6/; s/{1, number}/6/')
	cut=0 bar=0 pages=0
	for ((i = 0; i < 30; i++)); do
		before=$(tm_screen "$s")
		tm_keys "$s" NPage
		# At the end PgDn changes nothing: 1.5 s tell.
		settled "$s" "$before" 5 || break
		pages=$((pages + 1))
		uncut "$s" "$lang" titles >/dev/null || { cut=1; uncut "$s" "$lang" titles; }
		bar_ends "$s" "$lang" >/dev/null || bar=1
	done
	check "$lang: Metrics went to its last section" row_has "$s" "$last"
	check "$lang: (page by page: $pages)" test "$pages" -ge 6
	check "$lang: no row of any section is cut" test "$cut" = 0
	check "$lang: every section's key bar ends with help" test "$bar" = 0
	check "$lang: the last is the surveys' response rates" whole_text "$s" \
		"$(po_text "$lang" metrics.title_section | sed "s/{0}/$(po_text "$lang" metrics.s.surveys)/")"
	tmux -L "$TMUX_SOCK" kill-session -t "$s"
done

# The results in the plain mode: ASCII bars, no block characters; the
# full screen above drew blocks (the control).
out=$(plain_session mod_en "$PASS" "\n8\n2\n1\n3\nq\nq\nq\nq\nq\n" 2>&1)
check "plain: the results are listed" grep -qF "$(po_text en survey_results.indicative |
	sed 's/{0, number}/30/')" <<<"$out"
check "plain: the results draw '#' bars" grep -Eq '^9 +8 +33%  #######$' <<<"$out"
check "plain: and no block characters" not grep -q "$BLOCKS" <<<"$out"
