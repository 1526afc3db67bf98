#!/usr/bin/env bash
# Organisation admins (issue 9) over the real ssh client. vika is made the
# library's admin with `tinklas admin org members ID vika admin`, mira a
# plain member of it. On the full screen vika sees e and m on its page
# (the control), edits its description, and in its members adds jonas by
# user name (an unknown name first: refused under the field, kept); jonas
# then shows on the page. mira sees neither letter. The same edit in the
# plain mode, and adding a member there. Last, at 80x24 in en, lt, uk, ru
# and pl, a mentorship's page (a request to mira) and the organisation's
# members keep q and ? on the key bar and their labels whole.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
PASS="linden-river-kaunas-42"
for who in vika mira jonas; do add_user "$who" "$PASS" member en || exit 1; done
for lang in en lt uk ru pl; do add_user "p_$lang" "$PASS" member "$lang" || exit 1; done
admin org add --kind library --name "Kaunas County Library" \
	--description "Books and Lithuanian courses." \
	--eldership centras --contact "Radastu g. 2, Kaunas" >/dev/null || exit 1
org=$(admin org list | awk '/Kaunas County Library/ { print $1; exit }')
admin org members "$org" vika admin >/dev/null || exit 1
admin org members "$org" mira member >/dev/null || exit 1
T=$E2E_TMP
LIB="Kaunas County Library"
whole() { tm_screen "$1" | tr -d ' \n' | grep -qF -- "$(printf %s "$2" | tr -d ' ')"; }
plain() { plain_session "$1" "$PASS" "$2" 2>&1; }
bar_ends() {
	local bar
	bar=$(tm_screen "$1" | tail -1 | sed 's/ *$//')
	[[ "$bar" == *"q $(po_text "$2" key.back)  ? $(po_text "$2" key.help)" ]] ||
		{ echo "# bar: $bar"; return 1; }
}
# open_org NAME LANG: from the main menu to the library's page.
open_org() {
	tm_keys "$1" 6
	tm_wait "$1" "6. $(po_text "$2" people.orgs)" >/dev/null
	tm_keys "$1" 6
	tm_wait "$1" "1. $LIB" >/dev/null
	tm_keys "$1" 1
	tm_wait "$1" "$(po_text "$2" directory.org.contact): Radastu g. 2, Kaunas"
}
EDIT="e $(po_text en directory.org.do_edit)"
MEMBERS="m $(po_text en directory.org.do_members)"

# --- vika, the library's admin, on the full screen.
tm_menu v vika "$PASS" || exit 1
check "the library's page opens for its admin" open_org v en
check "its admin gets the edit letter" screen_has v "$EDIT"
check "and the members letter" screen_has v "$MEMBERS"
tm_keys v e
check "e opens the organisation's form" tm_wait v "$(po_text en directory.org_edit.title)"
check "filled with its description" screen_has v "Books and Lithuanian courses."
tm_keys v Tab Tab
tm_type v " Reading club on Fridays."
tm_keys v C-x
check "the organisation is saved" tm_wait v "$(po_text en directory.org_edit.saved)"
check "the page shows the new description" whole v \
	"Books and Lithuanian courses. Reading club on Fridays."
tm_keys v m
check "m opens its members" tm_wait v "$(po_text en directory.org_members.title)"
check "vika listed as its admin" screen_has v "vika  ($(po_text en directory.org.admin))"
check "mira as a member" screen_has v "mira  ($(po_text en directory.org_members.member))"
tm_keys v a
check "a opens the add form" tm_wait v "$(po_text en directory.org_add.name)"
tm_type v "nobody"
tm_keys v C-x
check "an unknown name is refused under the field" \
	tm_wait v "$(po_text en error.directory.no_user)"
check "and stays as typed" screen_has v "nobody"
tm_keys v BSpace BSpace BSpace BSpace BSpace BSpace
tm_type v "jonas"
tm_keys v C-x
check "jonas is added" tm_wait v "$(po_text en directory.org_add.added | sed 's/{0}.*//')"
check "and listed as a member" tm_wait v "jonas  ($(po_text en directory.org_members.member))"
tm_keys v q
tm_wait v "$(po_text en directory.org.contact): Radastu" >/dev/null
# a numbered line of the page's list, not the notice that names him.
listed() { tm_screen "$1" | grep -qE "^ *[0-9]+\. $2 *$"; }
check "the page lists jonas among its members" eventually listed v jonas
check "as it lists mira (control of the pattern)" listed v mira
tm_keys v q q q q q
tmux -L "$TMUX_SOCK" kill-session -t v 2>/dev/null

# --- mira, a plain member: the page without e and m.
tm_menu r mira "$PASS" || exit 1
check "the page opens for a plain member" open_org r en
check "who sees its members (jonas among them)" screen_has r "jonas"
check "but no edit letter" not screen_has r "$EDIT"
check "nor the members letter" not screen_has r "$MEMBERS"
tm_keys r q q q q q
tmux -L "$TMUX_SOCK" kill-session -t r 2>/dev/null

# --- the same edit in the plain mode: each field asked in turn.
# Kind and name kept (Enter), a line added to the description, eldership
# and contact kept; l lists the page again.
out=$(plain vika "\n6\n6\n1\ne\n\n\nOpen from 10 to 18.\n.\n\n\nl\nq\nq\nq\nq\n")
printf '%s\n' "$out" >"$T/plain-edit.txt"
check "plain: the page offers the edit letter" grep -qF "e = $(po_text en directory.org.do_edit)" "$T/plain-edit.txt"
check "plain: the form asks for the description" grep -qF "$(po_text en directory.org_edit.description)" "$T/plain-edit.txt"
check "plain: the organisation is saved" grep -qF "$(po_text en directory.org_edit.saved)" "$T/plain-edit.txt"
check "plain: the page shows the new description" grep -qF "Open from 10 to 18." "$T/plain-edit.txt"
# Adding a member in the plain mode: the name, the role kept (member).
out=$(plain vika "\n6\n6\n1\nm\na\np_en\n\nl\nq\nq\nq\nq\nq\n")
printf '%s\n' "$out" >"$T/plain-add.txt"
check "plain: the members' screen offers the add letter" \
	grep -qF "a = $(po_text en directory.org_members.do_add)" "$T/plain-add.txt"
check "plain: p_en is added" grep -qF "$(po_text en directory.org_add.added | sed 's/{0}/p_en/')" "$T/plain-add.txt"
check "plain: and listed as a member" grep -qE "^[0-9]+\. p_en +\($(po_text en directory.org_members.member)\)" "$T/plain-add.txt"
out=$(plain mira "\n6\n6\n1\nq\nq\nq\nq\n")
check "plain: a plain member gets no edit letter (control: the page opened)" \
	bash -c 'grep -qF "Radastu g. 2" <<<"$0" && ! grep -qF "e = " <<<"$0"' "$out"

# --- mira lists herself as a mentor (five places), for the requests.
tm_login m mira "$PASS"
tm_wait m "$(po_text en welcome.continue)" 15 >/dev/null && tm_keys m Enter
tm_wait m "$(po_text en menu.title)" >/dev/null
tm_keys m 6
tm_wait m "4. My profile" >/dev/null
tm_keys m 4
tm_wait m "Listed in the directory" >/dev/null
tm_keys m Space Enter
tm_type m "Lithuanian teacher."
tm_keys m Enter Enter Enter Enter
tm_type m "lt native"
tm_keys m Enter Left Enter
tm_type m "Lithuanian lessons"
tm_keys m Enter Enter Enter Enter Enter Enter
tm_keys m Enter Space Enter Enter Enter Enter Enter
tm_keys m Space Enter
tm_wait m "Mentees at most" >/dev/null
tm_keys m BSpace
tm_type m "5"
tm_keys m Enter Enter
check "mira mentors, listed" tm_wait m "Profile saved."
tm_keys m q q q q
tmux -L "$TMUX_SOCK" kill-session -t m 2>/dev/null

# --- 80x24 in five languages: a request's page and the members' screen.
for lang in en lt uk ru pl; do
	admin org members "$org" "p_$lang" admin >/dev/null || exit 1
	out=$(plain "p_$lang" "\n6\n2\nmira\n\n\n\n\n\n\n1\nr\nLabas!\n.\nq\nq\nq\nq\nq\n")
	printf '%s\n' "$out" >"$T/req-$lang.txt"
	s=p$lang
	tm_login "$s" "p_$lang" "$PASS"
	tm_wait "$s" "$(po_text "$lang" mode.full)" 15 >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" welcome.continue)" >/dev/null && tm_keys "$s" Enter
	tm_wait "$s" "$(po_text "$lang" menu.title)" >/dev/null
	tm_keys "$s" 6
	tm_wait "$s" "5. $(po_text "$lang" people.mentorships)" >/dev/null
	tm_keys "$s" 5
	tm_wait "$s" "$(po_text "$lang" directory.ms.list_title)" >/dev/null
	tm_keys "$s" Enter
	check "$lang: the request's page opens" tm_wait "$s" \
		"$(po_text "$lang" directory.ms.waiting_answer)"
	check "$lang: its letters are whole" screen_has "$s" \
		"x $(po_text "$lang" directory.ms.withdraw)  p $(po_text "$lang" directory.ms.profile)"
	check "$lang: its bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q q
	tm_wait "$s" "6. $(po_text "$lang" people.orgs)" >/dev/null
	tm_keys "$s" 6
	tm_wait "$s" "1. $LIB" >/dev/null
	tm_keys "$s" 1
	tm_wait "$s" "$(po_text "$lang" directory.org.contact): Radastu g. 2, Kaunas" >/dev/null
	check "$lang: the page's e and m are whole" screen_has "$s" \
		"e $(po_text "$lang" directory.org.do_edit)  m $(po_text "$lang" directory.org.do_members)"
	check "$lang: the page's bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" m
	check "$lang: the members' screen opens" tm_wait "$s" "$(po_text "$lang" directory.org_members.title)"
	check "$lang: the add letter is whole" screen_has "$s" \
		"a $(po_text "$lang" directory.org_members.do_add)"
	check "$lang: a member's role is whole" screen_has "$s" \
		"mira  ($(po_text "$lang" directory.org_members.member))"
	check "$lang: the members' bar keeps q and ?" bar_ends "$s" "$lang"
	tm_keys "$s" q q q q q q
	tm_wait_dead "$s"
done
