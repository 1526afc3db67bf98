#!/usr/bin/env bash
# The flood limit: the 4th post within a minute (posts_per_minute = 3) is
# refused with a clear message, and the text typed is kept.
. "$(dirname "$0")/lib.sh"
e2e_start "posts_per_minute = 3" || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
admin board add "Language club" >/dev/null

input="\n1\n1\nn\nFirst thread\nOne.\n.\n\n"
for i in 2 3 4; do input+="r\nReply number $i.\n.\n\n"; done
out=$(plain_session ruta "linden-river-kaunas-42" "$input!\nq\nq\nq\nq\n" 2>&1)
check "three posts in a minute are fine" bash -c "[ \$(grep -c 'Your post is published.' <<<\"\$0\") -eq 3 ]" "$out"
check "the 4th is refused with a clear message" grep -q "You are posting very fast" <<<"$out"
check "the refused text is kept in the form" grep -q "Reply number 4." <<<"$(grep -A3 'The text now:' <<<"$out")"
