#!/usr/bin/env bash
# Trust in names: posts and notifications show the user name beside the
# display name and a moderator's mark, in both modes; a display name that
# looks like another account's is refused at registration, also when it is
# written with Cyrillic look-alikes.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 50" "accounts_per_hour = 5" || exit 1
user_with() { printf '%s\n' "$2" | admin user add "$1" --display "$3" --role "$4" --lang "$5" >/dev/null; }
user_with aiste "moderate-kindly-often-5" "Moderatorė Aistė" moderator en || exit 1
user_with jonas "pienas-duona-sviestas-7" "Jonas Kazlauskas" member en || exit 1
user_with ruta "linden-river-kaunas-42" "Rūta Petraitienė" member lt || exit 1
admin board add "Language club" >/dev/null

# Registration: the moderator's display name is refused, then another is
# accepted; only the wrong answer is asked again.
input="2\nfake.mod\nModeratorė Aistė\nwisla-krakow-dragon-11\nwisla-krakow-dragon-11\nFake Person\n\nq\n"
out=$(printf '%b' "$input" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "a display name like a moderator's is refused" grep -q "looks too much like the name of another member" <<<"$out"
check "another display name is then accepted" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show fake.mod | grep -q 'Fake Person'"
# In Lithuanian, with Cyrillic М, о, е, а and А in it.
cyr=$'\u041cod\u0435r\u0430t\u043er\u0117 \u0410ist\u0117'
input="1\nfake.two\n$cyr\nwisla-krakow-dragon-12\nwisla-krakow-dragon-12\nJurgis\n\nq\n"
out=$(printf '%b' "$input" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "Cyrillic look-alikes are refused, in the user's language" grep -q "per daug panašus į kito nario vardą" <<<"$out"
check "the look-alike was never stored" bash -c "! \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show fake.two | grep -q '$cyr'"
check "a user name as display name is refused too" bash -c "
	printf '%s\n' wisla-krakow-dragon-13 | \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user add fake.three --display Jonas 2>&1 | grep -q 'looks too much like'"

plain_session aiste "moderate-kindly-often-5" \
	"\n1\n1\nn\nWelcome\nHello everyone, @ruta!\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1
plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\nr\nThanks, @ruta too.\n.\n\nq\nq\nq\nq\n" >/dev/null 2>&1

out=$(plain_session jonas "pienas-duona-sviestas-7" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1)
check "plain: a post names the user and the moderator role" grep -q "^1\. Moderatorė Aistė (@aiste, moderator), " <<<"$out"
check "plain: a member's post names the user" grep -q "^2\. Jonas Kazlauskas (@jonas), " <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" "\n2\nq\nq\nq\n" 2>&1)
check "plain, in Lithuanian: the notification names the user and the role" \
	grep -q "Moderatorė Aistė (@aiste, moderatorius) paminėjo jus" <<<"$out"
check "plain: a member's notification names the user" \
	grep -q "Jonas Kazlauskas (@jonas) " <<<"$out"

tm_menu j jonas "pienas-duona-sviestas-7"
tm_keys j 1
tm_wait j "Language club"
tm_keys j Enter
tm_wait j "Welcome"
tm_keys j Enter
check "full screen: the post names the user and the role" tm_wait j "Moderatorė Aistė (@aiste, moderator)"
check "full screen: a member's post names the user" tm_wait j "Jonas Kazlauskas (@jonas)"

# Five accounts were made within the hour: "new" makes no more (F6).
input="2\nlate.one\nLate Comer\nwisla-krakow-dragon-14\nwisla-krakow-dragon-14\n!\n"
out=$(printf '%b' "$input" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "registration pauses after accounts_per_hour accounts" grep -q "registration is paused for a while" <<<"$out"
check "and makes no account" bash -c "! \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show late.one >/dev/null 2>&1"
