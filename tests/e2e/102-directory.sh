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
T=$E2E_TMP
screen_has() { tm_screen "$1" | grep -qF -- "$2"; }
plain() { plain_session "$1" "$PASS" "$2" 2>&1; }
guest() { printf '%b' "$1" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no guest@127.0.0.1 2>&1; }
tm_again() {
	tm_login "$1" "$2" "$PASS" &&
	tm_wait "$1" "Continue to the main menu" 15 && tm_keys "$1" Enter &&
	tm_wait "$1" "Main menu"
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
