#!/usr/bin/env bash
# The plain line mode through `ssh -T`: numbered menus, one question at a
# time, and not a single escape code, so screen readers can follow.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1

out=$(plain_session jonas "pienas-duona-sviestas-7" "\n3\n?\nq\nq\nq\n" 2>&1)
check "the welcome screen is a numbered list" grep -q "^1\. Continue to the main menu" <<<"$out"
check "the main menu is a numbered list" bash -c "grep -q '^1\. Forums' <<<\"\$0\" && grep -q '^3\. Settings' <<<\"\$0\"" "$out"
check "the prompt says where the user is and how to get help" grep -q "^\[Main menu\] .*? is help" <<<"$out"
check "help is one key away" grep -q "Here you change your language" <<<"$out"
check "no escape code reaches the client" bash -c "! grep -q $'\x1b' <<<\"\$0\"" "$out"
check "no carriage-return tricks either" bash -c "! grep -q $'\r' <<<\"\$0\"" "$out"

# Registration in plain mode: one question at a time, a wrong answer is
# explained and asked again, nothing typed before is lost.
input="2\nmaria\nMaria Nowak\nx\nwisla-krakow-dragon-11\nwisla-krakow-dragon-11\n\nq\n"
out=$(printf '%b' "$input" | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "plain registration asks the questions one by one" grep -q "User name (for logging in)" <<<"$out"
check "a short password is explained and asked again" grep -q "at least 10 characters" <<<"$out"
check "the account is created" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show maria | grep -q 'Maria Nowak'"

# A terminal that says TERM=dumb gets the plain mode over its pty too.
check "plain mode output has no escape codes with TERM=dumb" bash -c "
	out=\$(printf 'q\nq\n' | TERM=dumb script -qec \"ssh ${SSH_OPTS[*]} -p $PORT -o PubkeyAuthentication=no guest@127.0.0.1\" /dev/null 2>&1)
	grep -q 'Main menu\|Pagrindinis' <<<\"\$out\" && ! grep -q \$'\x1b' <<<\"\$out\""
