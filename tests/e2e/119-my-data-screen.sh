#!/usr/bin/env bash
# Settings > Download my data (ui/screen-my-data.c) over the real ssh
# client: in the full screen at 80x24, in each of the five languages, the
# screen says what the export holds and shows the exact command on one
# row (public_host's name and port, the member's own name), every text to
# its last word, the key bar ending with help; the command, pointed at
# this test's server, downloads the export. The plain mode shows the same
# command on a line of its own and no escape code. A guest's settings do
# not offer it, and `ssh guest@host my-data.json` is refused, in the
# guest's language, with a text that says why (status 1, no JSON); the
# help lists the command to members only.
. "$(dirname "$0")/lib.sh"
e2e_start "public_host = tinklas.example.lt:2222" || exit 1
PW=linden-river-kaunas-42
for lang in en lt uk ru pl; do
	add_user "mem_$lang" "$PW" member "$lang" || exit 1
done
# whole NAME LANG KEY: the catalog text is on the screen to its last
# character, however it was wrapped (rows joined, blanks dropped).
whole() {
	local want
	want=$(po_text "$2" "$3" | tr -d ' ')
	[ -n "$want" ] || { echo "# no text for $3"; return 1; }
	tm_screen "$1" | tr -d ' \n' | grep -qF -- "$want" || {
		echo "# $3 not whole:"; tm_screen "$1" | sed 's/^/#   /'; return 1; }
}
wait_text() { tm_wait "$1" "$(po_text "$2" "$3" | cut -d' ' -f1-2)" >/dev/null; }
# item NAME TEXT: the number of the list item TEXT on the screen.
item() { tm_screen "$1" | grep -o "[0-9][0-9]*\. $2" | head -1 | cut -d. -f1; }
row_is() { tm_screen "$1" | grep -qx " $2 *"; }

for lang in en lt uk ru pl; do
	s=s$lang
	CMD="ssh -p 2222 mem_$lang@tinklas.example.lt my-data.json > my-data.json"
	tm_login "$s" "mem_$lang" "$PW"
	wait_text "$s" "$lang" mode.full && tm_keys "$s" Enter
	wait_text "$s" "$lang" welcome.continue && tm_keys "$s" Enter
	wait_text "$s" "$lang" menu.title
	tm_keys "$s" "$(item "$s" "$(po_text "$lang" menu.settings)")"
	wait_text "$s" "$lang" settings.my_data
	n=$(item "$s" "$(po_text "$lang" settings.my_data)")
	check "$lang: Settings offers the member's data (entry $n)" test -n "$n"
	tm_keys "$s" "$n"
	wait_text "$s" "$lang" my_data.holds
	check "$lang: the title is the screen's" eval \
		'tm_screen "$s" | sed -n 2p | grep -qF "$(po_text "$lang" my_data.title)"'
	check "$lang: what the export holds shows whole" whole "$s" "$lang" my_data.holds
	check "$lang: how to run it shows whole" whole "$s" "$lang" my_data.run
	check "$lang: the exact command stands on one row" row_is "$s" "$CMD"
	[ "$lang" = en ] && SHOWN=$(tm_screen "$s" | grep -o "ssh .*my-data.json > my-data.json")
	check "$lang: the last text shows whole" whole "$s" "$lang" my_data.keep
	check "$lang: the key bar ends with help" eval \
		'[[ "$(tm_screen "$s" | tail -1 | sed "s/ *\$//")" == *"  ? $(po_text "$lang" key.help)" ]]'
	check "$lang: no row ends in a name broken at its hyphen (my-)" \
		not eval 'tm_screen "$s" | grep -q "my-\$"'
	tm_keys "$s" '?'
	wait_text "$s" "$lang" help.my_data
	check "$lang: its help shows whole" whole "$s" "$lang" help.my_data
	# Delete my account shows the very same command, on its own row.
	tm_keys "$s" q
	wait_text "$s" "$lang" my_data.holds
	tm_keys "$s" q
	wait_text "$s" "$lang" settings.erase
	tm_keys "$s" "$(item "$s" "$(po_text "$lang" settings.erase)")"
	tm_wait "$s" "2. $(po_text "$lang" erase.back)" >/dev/null
	check "$lang: Delete my account shows the same command on one row" row_is "$s" "$CMD"
	tmux -L "$TMUX_SOCK" kill-session -t "$s"
done

# A 31-character user name: the command is too wide for one row of 80
# columns, so it is two, joined by a backslash as the shell joins them,
# never broken at a blank where "> my-data.json" would run on its own.
LONG=aleksandraviciute.ruta.kaunas32
add_user "$LONG" "$PW" member lt || exit 1
tm_login long "$LONG" "$PW"
wait_text long lt mode.full && tm_keys long Enter
wait_text long lt welcome.continue && tm_keys long Enter
wait_text long lt menu.title
tm_keys long "$(item long "$(po_text lt menu.settings)")"
wait_text long lt settings.my_data
tm_keys long "$(item long "$(po_text lt settings.my_data)")"
wait_text long lt my_data.holds
check "long name: the command's first row ends with a backslash" \
	row_is long "ssh -p 2222 $LONG@tinklas.example.lt \\\\"
check "long name: the second row is the file and its redirection" \
	row_is long "my-data.json > my-data.json"
tmux -L "$TMUX_SOCK" kill-session -t long

# The command on the screen works: pointed at this test's server (the
# address and port public_host stands for), it downloads the export.
read -ra words <<<"${SHOWN% > my-data.json}"
check "the English screen's command is ssh, port, login, my-data.json" \
	test "${words[*]}" = "ssh -p 2222 mem_en@tinklas.example.lt my-data.json"
printf '#!/bin/sh\necho "%s"\n' "$PW" >"$E2E_TMP/askpass"
chmod +x "$E2E_TMP/askpass"
SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 "${words[0]}" "${SSH_OPTS[@]}" -o PubkeyAuthentication=no \
	"${words[1]}" "$PORT" "${words[3]%@*}@127.0.0.1" "${words[4]}" \
	</dev/null >"$E2E_TMP/my-data.json" 2>/dev/null
check "the command downloads JSON holding the member's account" \
	/usr/bin/python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(d["accounts"]["account"]["name"] != "mem_en")' "$E2E_TMP/my-data.json"

# The plain mode: the same command on a line of its own.
out=$(plain_session mem_lt "$PW" "\n3\nl\nq\nq\nq\n" 2>&1)
n=$(grep -o "^[0-9]*\. $(po_text lt settings.my_data)" <<<"$out" | head -1 | cut -d. -f1)
check "plain: Settings offers the member's data (entry $n)" test -n "$n"
out=$(plain_session mem_lt "$PW" "\n3\n$n\nq\nq\nq\n" 2>&1)
check "plain: the screen says what the export holds" \
	grep -qF "$(po_text lt my_data.holds)" <<<"$out"
check "plain: the exact command is a line of its own" grep -qx \
	"ssh -p 2222 mem_lt@tinklas.example.lt my-data.json > my-data.json" <<<"$out"
check "plain: no escape codes" not grep -q $'\x1b' <<<"$out"

# Guests: not in their settings, refused over ssh with the reason.
guest() {
	out=$(printf '%b' "$1" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
		-o PubkeyAuthentication=no -o "SetEnv=LANG=$2" -o SendEnv=LANG \
		guest@127.0.0.1 ${3:+"$3"} 2>&1)
	rc=$?
}
guest '\n2\nq\nq\n' en_GB.UTF-8
settings=$(sed -n '/^Settings$/,/^\[Settings\]/p' <<<"$out")
check "a guest opens settings (the control)" grep -q "^1\. Language" <<<"$settings"
check "a guest's settings do not offer the member's data" \
	not grep -qF "$(po_text en settings.my_data)" <<<"$settings"
for lang in en_GB lt_LT uk_UA ru_RU pl_PL; do
	l=${lang%_*}
	guest "" "$lang.UTF-8" my-data.json
	want=$(po_text "$l" exec.my_data.guest | sed 's/{0}/my-data.json/')
	check "$l: a guest's my-data.json exits with status 1" test "$rc" -eq 1
	check "$l: and says why, in the guest's language" grep -qF "$want" <<<"$out"
	check "$l: with no JSON" not grep -q '"format"' <<<"$out"
done
guest "" en_GB.UTF-8 help
check "a guest's help does not list my-data.json" not grep -q "^  my-data.json " <<<"$out"
out=$(SSH_ASKPASS="$E2E_TMP/askpass" SSH_ASKPASS_REQUIRE=force DISPLAY=none \
	timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -o PubkeyAuthentication=no \
	mem_en@127.0.0.1 help </dev/null 2>&1)
check "a member's help lists it (the control)" grep -qF \
	"  my-data.json $(po_text en exec.my_data.about)" <<<"$out"
