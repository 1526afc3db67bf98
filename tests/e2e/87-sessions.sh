#!/usr/bin/env bash
# An account has at most sessions_per_account sessions at once; one more is
# told why in the member's language, and closing one makes room.
. "$(dirname "$0")/lib.sh"
e2e_start "sessions_per_account = 1" || exit 1
add_user olena "dnipro-sunflower-field-3" member uk || exit 1

tm_login first olena "dnipro-sunflower-field-3"
check "the first session opens" tm_wait first "Як ви хочете користуватися" 15
out=$(plain_session olena "dnipro-sunflower-field-3" "q\n" 2>&1); rc=$?
check "a second session is refused with exit status 1" test "$rc" -eq 1
check "the refusal says why, in Ukrainian" grep -q "У вас уже відкрито 1 сеанс" <<<"$out"
tm_keys first Enter
tm_wait first "Перейти до головного меню" 5 && tm_keys first Enter
tm_wait first "Головне меню" 5
tm_keys first q
tm_wait_dead first 10
out=$(plain_session olena "dnipro-sunflower-field-3" "\nq\n" 2>&1)
check "after logging out, a new session opens" grep -q "Головне меню" <<<"$out"
