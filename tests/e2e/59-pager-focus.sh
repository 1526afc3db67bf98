#!/usr/bin/env bash
# After PgDn in a thread the focus follows what is shown (ux.md 22): the
# '>' marker and the hardware cursor stand on a post header on the screen,
# not on (1,1) with no marker, so screen readers and magnifiers follow.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 1000" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
admin board add "Language club" >/dev/null
para="We meet in the library on Friday. Bring a friend, a notebook and questions; we talk slowly and with patience, in every language we have."
body="$para\n$para\n$para\n.\n"
plain_session ruta "linden-river-kaunas-42" "\n1\n1\nn\nEvening meeting\n$body\nq\nq\nq\nq\n" >/dev/null 2>&1
for i in 1 2 3 4 5; do
	plain_session jonas "pienas-duona-sviestas-7" \
		"\n1\n1\n1\nr\nReply $i. $body\nq\nq\nq\nq\n" >/dev/null 2>&1
done

tm_menu r ruta "linden-river-kaunas-42"
tm_keys r 1
tm_wait r "Language club"
tm_keys r Enter
tm_wait r "Evening meeting"
tm_keys r Enter
tm_wait r "Posts 1–6 of 6"
# cursor_row NAME: the text of the row the hardware cursor is on.
cursor_row() {
	local y
	y=$(tmux -L "$TMUX_SOCK" display -p -t "$1" '#{cursor_y}')
	tm_screen "$1" | sed -n "$((y + 1))p"
}
row=$(cursor_row r)
echo "# at first the cursor is on: $row"
check "at first the cursor is on the first unread post, marked" \
	grep -q '^ >  2\. #2 jonas' <<<"$row"
tm_keys r NPage
paged() { cursor_row r | grep -q '^ > *[0-9]*\. #[0-9]* jonas' && [ "$(cursor_row r)" != "$row" ]; }
eventually paged
first=$row
row=$(cursor_row r)
echo "# after PgDn the cursor is on: $row"
check "after PgDn the cursor stands on a marked post header" \
	grep -q '^ > *[0-9]*\. #[0-9]* jonas' <<<"$row"
check "another one than before" test "$row" != "$first"
check "after PgDn the focus moved on" bash -c "! grep -q '#2 jonas' <<<'$row'"
check "after PgDn exactly one row is marked" \
	test "$(tm_screen r | grep -c '^ > ')" -eq 1
