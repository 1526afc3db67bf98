#!/usr/bin/env bash
# The directory's walk (issue 9) over the real ssh client: mira fills her
# profile on the full screen (languages shown to everyone, skills to
# members) and lists it; tomas fills his in the plain mode (a bad
# language entry first: its words under the field, nothing lost); tomas
# finds mira by skill and by language and sees her in Suggested with the
# reasons in words, and asks her for mentorship; mira opens the request
# from her notification and accepts it; they exchange messages; a guest
# sees mira's public fields and not the members' ones; mira blocks tomas,
# who can then neither find her nor write to her; a moderator hides
# mira's profile and nobody finds it any more. Last, the new screens fit
# 80x24 in en, lt, uk, ru and pl with q and ? on the key bar.
. "$(dirname "$0")/lib.sh"
e2e_start "notice_poll_ms = 500" "posts_per_minute = 50" || exit 1
PASS="linden-river-kaunas-42"
for who in mira tomas vika; do add_user "$who" "$PASS" member en || exit 1; done
add_user aiste "$PASS" moderator en || exit 1
for lang in en lt uk ru pl; do add_user "p_$lang" "$PASS" member "$lang" || exit 1; done
admin org add --kind library --name "Kaunas County Library" \
	--description "Books, Lithuanian courses and computer classes." \
	--eldership centras --contact "Radastu g. 2, Kaunas" >/dev/null || exit 1
org=$(admin org list | awk '/Kaunas County Library/ { print $1; exit }')
admin org members "$org" vika admin >/dev/null || exit 1
T=$E2E_TMP
plain() { plain_session "$1" "$PASS" "$2" 2>&1; }
guest() { printf '%b' "$1" | LANG=en_GB.UTF-8 timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no guest@127.0.0.1 2>&1; }
# menu_pick NAME KEY: the main menu's line of that label, by its number.
menu_pick() {
	local n
	n=$(tm_screen "$1" | grep -o "[0-9]\. $(po_text en "$2")" | head -1 | cut -c1)
	tm_keys "$1" "$n"
}

# --- mira fills her profile on the full screen and lists it.
tm_menu m mira "$PASS" || exit 1
tm_keys m 6
check "the hub offers My profile" tm_wait m "4. My profile"
tm_keys m 4
tm_wait m "Listed in the directory" >/dev/null
check "listing is off until turned on" screen_has m "< No >"
check "and the form says so" screen_has m "$(po_text en directory.edit.listed_hint)"
tm_keys m Space Enter
tm_type m "Lithuanian teacher in Aleksotas; I speak Ukrainian too."
tm_keys m Enter Enter		# the bio, shown to members
tm_keys m Space Enter Enter	# Aleksotas, shown to members
tm_type m "lt native, uk good"
tm_keys m Enter Left Enter	# languages, shown to everyone
tm_type m "Lithuanian lessons, Guitar"
tm_keys m Enter Enter		# skills offered, shown to members
tm_keys m Enter Enter Enter Enter	# wants, interests: none
tm_keys m Enter Space Enter Enter Enter Enter Enter	# evenings
tm_keys m Space Enter		# she mentors
check "at most N mentees is asked once she mentors" tm_wait m "Mentees at most"
tm_keys m BSpace
tm_type m "2"
tm_keys m Enter Enter
check "mira's profile is saved" tm_wait m "Profile saved."
tm_keys m 4
tm_wait m "Listed in the directory" >/dev/null
check "the form comes back with what she saved" screen_has m "lt native, uk good"
tm_keys m Escape

# --- tomas fills his in the plain mode: every field asked in turn; a
# language typed wrong is said under it and asked alone again.
tomas_form="2\nFrom Kharkiv, learning Lithuanian.\n\n10\n\nuk perfect\n\nUkrainian\n\n"
tomas_form+="Lithuanian lessons\n\n\n\n\n2\n\n\n\n\n\n"
out=$(plain tomas "\n6\n4\n${tomas_form}uk native, lt basic\nq\nq\nq\n")
check "the plain form asks whether to list" grep -qF "Listed in the directory" <<<"$out"
check "the bad language entry is refused in words" \
	grep -qF "$(po_text en error.directory.language | sed 's/{0}/8/')" <<<"$out"
check "tomas's profile is saved after the fix" grep -qF "Profile saved." <<<"$out"
# find_plain WORDS SKILL LANG: the find form's seven answers.
find_plain() { printf '%s\\n%s\\n\\n%s\\n\\n\\n\\n' "$1" "$2" "$3"; }
out=$(plain tomas "\n6\n2\n$(find_plain tomas '' '')1\nq\nq\nq\nq\nq\n")
check "nothing typed was lost: the bio" grep -qF "From Kharkiv, learning Lithuanian." <<<"$out"
check "and the languages as fixed" \
	grep -qF "Languages: Ukrainian (native), Lithuanian (basic)" <<<"$out"
# vika lists a profile too: the control of the lists further on.
out=$(plain vika "\n6\n4\n2\nVika from Dainava.\n\n\n\nlt native\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nq\nq\nq\n")
check "vika's profile is saved" grep -qF "Profile saved." <<<"$out"

# --- tomas, on the full screen, finds mira by skill, then by language.
tm_menu t tomas "$PASS" || exit 1
tm_keys t 6
tm_wait t "2. Find people" >/dev/null
tm_keys t 2
tm_wait t "Name or words from the bio" >/dev/null
tm_keys t Tab
tm_type t "lithuanian LESSONS"
tm_keys t Enter
check "the skill finds mira (case-blind)" tm_wait t "1. mira  (Aleksotas, mentoring: 2 places free)"
check "with her languages and skills" screen_has t "Lithuanian, Ukrainian; offers Guitar, Lithuanian lessons"
check "the skill leaves vika out" not screen_has t "vika"
tm_keys t q
tm_wait t "Name or words from the bio" >/dev/null
tm_keys t Escape
tm_wait t "2. Find people" >/dev/null
tm_keys t 2
tm_wait t "Name or words from the bio" >/dev/null
tm_keys t Tab Tab Tab
tm_type t "uk"
tm_keys t Enter
check "the language finds mira" tm_wait t "1. mira  (Aleksotas"
check "and tomas, who speaks it too" screen_has t "2. tomas  (Šilainiai)"
check "not vika, who does not (control above)" not screen_has t "vika"
tm_keys t q
tm_wait t "Name or words from the bio" >/dev/null
tm_keys t Escape
tm_wait t "3. Suggested for you" >/dev/null

# --- Suggested: mira, with why in words; her profile; a request.
tm_keys t 3
check "mira is suggested to tomas" tm_wait t "1. mira"
check "with the reasons in words" screen_has t \
	"Why: teaches Lithuanian lessons; speaks Lithuanian, Ukrainian; evenings;"
check "her free place among them" screen_has t "mentors and has a free place"
tm_keys t Enter
check "her profile opens" tm_wait t "Offers mentoring: 2 places free."
check "with the fields for members" screen_has t "Skills offered: Guitar, Lithuanian lessons"
check "and a request letter" screen_has t "r Ask for mentorship"
tm_keys t r
tm_wait t "Ask mira for mentorship" >/dev/null
tm_type t "Hello Mira, could you help me with Lithuanian?"
tm_keys t Enter Enter
check "the request is sent" tm_wait t "$(po_text en directory.request.sent)"
check "the profile says it waits" tm_wait t "$(po_text en directory.profile.ms_requested)"
check "and no second request is offered" not screen_has t "r Ask for mentorship"

# --- mira: the request is in her notifications; Enter opens it, and she
# accepts it with a word.
tm_keys m q
tm_wait m "Main menu" >/dev/null
menu_pick m menu.notices
check "mira is notified of the request" tm_wait m "tomas"
tm_keys m Enter
check "Enter on it opens the mentorship" tm_wait m "Mentorship with tomas"
check "with tomas's message" screen_has m "Hello Mira, could you help me with Lithuanian?"
check "and the letters to answer it" screen_has m "a Accept  d Decline"
tm_keys m a
tm_wait m "Accept the request of tomas" >/dev/null
tm_type m "Gladly, tomas!"
tm_keys m Enter Enter
check "mira accepts" tm_wait m "$(po_text en directory.ms.accepted)"
check "the mentorship is active on her side" tm_wait m "You mentor them: active"
check "with her answer" screen_has m "Gladly, tomas!"

# --- they exchange messages: mira writes from the mentorship, tomas
# answers in the plain mode, and sees the answer to his request.
tm_keys m w
tm_wait m "Message to tomas" >/dev/null
tm_type m "Welcome, tomas. Tuesday at six?"
tm_keys m C-x
check "mira's message is sent" tm_wait m "Message sent."
out=$(plain tomas "\n6\n1\n1\nr\nTuesday is fine, thank you!\n.\nq\nq\n5\n1\nq\nq\nq\nq\n")
check "tomas reads mira's message" grep -qF "Welcome, tomas. Tuesday at six?" <<<"$out"
check "his answer is sent" grep -qF "Message sent." <<<"$out"
check "his mentorship is active" grep -qF "Mentors you: active" <<<"$out"
tm_keys m q q q
tm_wait m "Main menu" >/dev/null
tm_keys m 6
tm_wait m "1. Messages" >/dev/null
tm_keys m Enter
tm_wait m "tomas" >/dev/null
tm_keys m Enter
check "mira reads tomas's answer" tm_wait m "Tuesday is fine, thank you!"

# --- a guest sees mira's public fields only: her languages (everyone),
# not her skills (members), which tomas saw above.
out=$(guest "\n5\n1\n\n\n\n\n\n\n\n1\nq\nq\nq\nq\n")
check "the guest finds mira, no eldership shown" grep -qF "1. mira (mentoring: 1 place free)" <<<"$out"
check "the guest sees the field shown to everyone" \
	grep -qF "Languages: Lithuanian (native), Ukrainian (good)" <<<"$out"
check "but not the one shown to members" not grep -qF "Guitar" <<<"$out"
check "nor the bio or the eldership line (members)" \
	not grep -qE "Lithuanian teacher in Aleksotas|^Eldership:" <<<"$out"
check "the guest is offered no letters on it" not grep -qF "w = Write" <<<"$out"

# --- mira blocks tomas from his profile (found in the list: the
# control); then tomas neither finds her nor writes to her.
tm_again m2 mira "$PASS" || exit 1
menu_pick m2 menu.people
tm_wait m2 "2. Find people" >/dev/null
tm_keys m2 2
tm_wait m2 "Name or words from the bio" >/dev/null
tm_keys m2 Enter
tm_wait m2 "tomas" >/dev/null
tm_keys m2 Down Enter
check "mira opens tomas's profile" tm_wait m2 "From Kharkiv, learning Lithuanian."
tm_keys m2 b
check "the block's question is the messages' one" \
	tm_wait m2 "They can no longer write to you, find you or be suggested to"
tm_keys m2 Down Enter
check "tomas is blocked" tm_wait m2 "Blocked. They can no longer write to you."
check "the page offers to lift it" tm_wait m2 "u Unblock"
out=$(plain tomas "\n6\n2\n$(find_plain '' '' '')q\nq\n3\nq\nq\nq\nq\n")
check "tomas's list still has vika (control)" grep -q "^[0-9]\. vika" <<<"$out"
check "but no longer mira" not grep -q "^[0-9]\. mira" <<<"$out"
check "nor does Suggested" grep -qF "$(po_text en directory.suggest.none)" <<<"$out"
out=$(plain tomas "\n6\n1\n1\nr\nAre you there, Mira?\n.\nq\nq\nq\nq\n")
check "tomas's message to mira is refused in the blocked words" \
	grep -qF "$(po_text en error.messages.blocked)" <<<"$out"
check "the conversation itself still opens (control)" \
	grep -qF "Welcome, tomas. Tuesday at six?" <<<"$out"

# --- a moderator hides mira's profile: nobody finds it any more.
tm_menu a aiste "$PASS" || exit 1
menu_pick a menu.people
tm_wait a "2. Find people" >/dev/null
tm_keys a 2
tm_wait a "Name or words from the bio" >/dev/null
tm_type a "mira"
tm_keys a Enter
tm_wait a "1. mira" >/dev/null
tm_keys a Enter
check "the moderator sees mira's profile with h" tm_wait a "h Hide"
tm_keys a h
tm_wait a "Hide the profile of mira" >/dev/null
tm_type a "Test of hiding"
tm_keys a Enter Enter
check "the profile is hidden" tm_wait a "$(po_text en directory.hidden)"
check "and the page says so" tm_wait a "$(po_text en directory.profile.hidden)"
out=$(guest "\n5\n1\n\n\n\n\n\n\n\n")
check "the guest's list still has vika (control)" grep -q "^[0-9]\. vika" <<<"$out"
check "but no longer mira" not grep -q "^[0-9]\. mira" <<<"$out"

# --- the moderator merges a near-duplicate tag from People's Tags.
tm_keys a q
tm_wait a "1. mira" >/dev/null
tm_keys a q
tm_wait a "Name or words from the bio" >/dev/null
tm_keys a Escape
tm_wait a "7. Tags (moderators)" >/dev/null
check "the moderator's hub has Tags" screen_has a "7. Tags (moderators)"
tm_keys a 7
check "the tags show their uses" tm_wait a "Guitar  (1 profile)"
row=$(tm_screen a | grep -m1 "Guitar" | sed 's/^ *>* *\([0-9]*\)\..*/\1/')
tm_keys a "$row"
check "Enter asks what to merge it into" tm_wait a "Merge the tag “Guitar”"
tm_type a "Gitara"
tm_keys a Enter Enter
check "merging says so" tm_wait a "The tags are merged."
check "the list has the new tag in its place" tm_wait a "Gitara  (1 profile)"
check "and no longer the old one" not screen_has a "Guitar  ("
check "the audit log has the merge" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep -q 'tag_merge'"
out=$(plain vika "\n6\nq\nq\nq\n")
check "a member's hub has no Tags (control: it lists Organisations)" \
	bash -c 'grep -q "Organisations" <<<"$0" && ! grep -q "Tags (moderators)" <<<"$0"' "$out"

# --- 80x24 in five languages: the hub, the find form and its results, a
# profile, Suggested, My profile, Mentorships and Organisations, each
# whole with q and ? (forms: Esc and F1) on the key bar.
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"q $(po_text "$2" key.back)  ? $(po_text "$2" key.help)" ]] ||
		{ echo "# bar: $bar"; return 1; }
}
form_bar() { tm_screen "$1" | tail -1 | grep -qF "F1 $(po_text "$2" key.help)"; }
# whole NAME TEXT: the text is on the screen, wrapped or not.
whole() {
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$(printf %s "$2" | tr -d ' ')"
}
for lang in en lt uk ru pl; do
	s=p$lang
	tm_login "$s" "p_$lang" "$PASS"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "$s" 6
	tm_wait "$s" "2. $(po_text "$lang" people.find)" >/dev/null
	i=2
	for k in people.find people.suggest people.profile people.mentorships people.orgs; do
		check "$lang: the hub's line $i is whole" screen_has "$s" "$i. $(po_text "$lang" $k)"
		i=$((i + 1))
	done
	check "$lang: the hub's key bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" 2
	tm_wait "$s" "$(po_text "$lang" directory.find.query)" >/dev/null
	for k in directory.find.skill_kind directory.find.lang directory.find.mentors \
		directory.find.submit; do
		check "$lang: the find form's $k is whole" screen_has "$s" "$(po_text "$lang" $k)"
	done
	check "$lang: the find form's bar keeps F1" form_bar "$s" "$lang"
	tm_keys "$s" Enter
	tm_wait "$s" "vika" >/dev/null
	check "$lang: the results' bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" End Enter
	check "$lang: vika's profile opens" tm_wait "$s" "Vika from Dainava."
	check "$lang: the profile's letters are whole" screen_has "$s" \
		"w $(po_text "$lang" pm.new)  b $(po_text "$lang" pm.block)"
	check "$lang: the profile's bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q q Escape
	tm_wait "$s" "3. $(po_text "$lang" people.suggest)" >/dev/null
	tm_keys "$s" 3
	tm_wait "$s" "$(po_text "$lang" directory.suggest.title)" >/dev/null
	check "$lang: Suggested says why it is empty, whole" eventually whole "$s" \
		"$(po_text "$lang" directory.suggest.none)"
	check "$lang: Suggested's bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q
	tm_wait "$s" "4. $(po_text "$lang" people.profile)" >/dev/null
	tm_keys "$s" 4
	tm_wait "$s" "$(po_text "$lang" directory.field.listed)" >/dev/null
	check "$lang: My profile's hint is whole" whole "$s" \
		"$(po_text "$lang" directory.edit.listed_hint)"
	check "$lang: My profile's bar keeps F1" form_bar "$s" "$lang"
	tm_keys "$s" Escape
	tm_wait "$s" "5. $(po_text "$lang" people.mentorships)" >/dev/null
	tm_keys "$s" 5
	tm_wait "$s" "$(po_text "$lang" directory.ms.list_title)" >/dev/null
	check "$lang: Mentorships' empty text is whole" whole "$s" \
		"$(po_text "$lang" directory.ms.none)"
	check "$lang: Mentorships' bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q
	tm_wait "$s" "6. $(po_text "$lang" people.orgs)" >/dev/null
	tm_keys "$s" 6
	tm_wait "$s" "$(po_text "$lang" directory.orgs.kind | sed 's/{0}.*//')" >/dev/null
	check "$lang: Organisations' letter is whole" screen_has "$s" \
		"t $(po_text "$lang" directory.orgs.next_kind)"
	check "$lang: Organisations' bar keeps q and ?" bar_ends "$s" "$lang"
	check "$lang: the library is listed" screen_has "$s" "1. Kaunas County Library"
	tm_keys "$s" t
	tm_wait "$s" "$(po_text "$lang" directory.orgs.none)" >/dev/null
	check "$lang: t shows schools: none, not the library" \
		not screen_has "$s" "Kaunas County Library"
	tm_keys "$s" t t
	check "$lang: libraries: the library again" tm_wait "$s" "1. Kaunas County Library"
	tm_keys "$s" Enter
	check "$lang: its page shows the contact whole" tm_wait "$s" \
		"$(po_text "$lang" directory.org.contact): Radastu g. 2, Kaunas"
	check "$lang: and vika as its admin" screen_has "$s" \
		"vika  ($(po_text "$lang" directory.org.admin))"
	check "$lang: the page's bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" Enter
	check "$lang: vika's profile opens from it" tm_wait "$s" "Vika from Dainava."
	tm_keys "$s" q q q q q
	tm_wait_dead "$s"
done
