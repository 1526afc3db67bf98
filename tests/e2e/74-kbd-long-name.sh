#!/usr/bin/env bash
# A keyboard-interactive user name is checked whole: a name whose first
# 63 bytes are an account's name does not log in as that account (the
# server once cut the name to 63 bytes before checking it).
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" || exit 1
# No name this long can be registered; the test puts one in the database.
long=$(printf 'j%.0s' $(seq 1 63))
sqlite3 -cmd ".timeout 5000" "$DATA/tinklas.db" \
	"UPDATE accounts SET name = '$long' WHERE name = 'jonas'" || exit 1
kbd=(-o PreferredAuthentications=keyboard-interactive)

out=$(plain_session "$long" "pienas-duona-sviestas-7" "q\n" "${kbd[@]}" 2>&1)
check "the 63-byte name logs in by keyboard-interactive" grep -q "Main menu\|Pagrindinis" <<<"$out"

out=$(plain_session "${long}zz" "pienas-duona-sviestas-7" "q\n" "${kbd[@]}" 2>&1)
check "the same name with more after it is refused" grep -q "Permission denied" <<<"$out"
check "and it did not log in" not grep -q "Main menu\|Pagrindinis" <<<"$out"

out=$(plain_session "$(printf 'a%.0s' $(seq 1 300))" "x" "q\n" "${kbd[@]}" 2>&1)
check "a name past the limit is refused" grep -q "Permission denied" <<<"$out"
check "the server still answers" grep -q "Main menu\|Pagrindinis" <<<"$(plain_session "$long" "pienas-duona-sviestas-7" "q\n" "${kbd[@]}" 2>&1)"
