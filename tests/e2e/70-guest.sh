#!/usr/bin/env bash
# Guests read without an account. They may change the language, colours and
# screen mode for their session; the members' entries are not on their menu.
# The guest note names the real ssh command (public_host).
. "$(dirname "$0")/lib.sh"
e2e_start "public_host = tinklas.example.lt:2222" || exit 1

# Welcome, Settings (2nd for guests), Language, Українська, back, log out.
out=$(printf '\n2\n1\n3\nq\nq\n' | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
	-o SetEnv=LANG=en_GB.UTF-8 -o SendEnv=LANG guest@127.0.0.1 2>&1)
check "a guest gets in without a password" grep -q "You are visiting as a guest" <<<"$out"
check "the guest note gives the real command" grep -qF "(ssh -p 2222 new@tinklas.example.lt)" <<<"$out"
menu=$(sed -n '/^Main menu$/,/^\[Main menu\]/p' <<<"$out")
check "the guest's menu lists forums and settings" bash -c 'grep -q "^1\. Forums" <<<"$0" && grep -q "^2\. Settings" <<<"$0"' "$menu"
check "members' entries are not on a guest's menu" bash -c '! grep -q "Notifications" <<<"$0"' "$menu"
settings=$(sed -n '/^Settings$/,/^\[Settings\]/p' <<<"$out")
check "a guest opens settings, told they last the session" grep -q "these settings last until you log out" <<<"$settings"
check "a guest's settings are the session ones" bash -c 'grep -q "^1\. Language" <<<"$0" && grep -q "^3\. Screen mode" <<<"$0"' "$settings"
check "no account settings for a guest" bash -c '! grep -q "Change password\|SSH keys\|Log out when idle" <<<"$0"' "$settings"
check "a guest switches the language" grep -qF "[Налаштування]" <<<"$out"
check "the menu follows in the new language" grep -qF "[Головне меню]" <<<"$out"

# Without public_host the command names the address in the reader's words.
e2e_stop
e2e_start || exit 1
out=$(printf '\nq\n' | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
	-o SetEnv=LANG=pl_PL.UTF-8 -o SendEnv=LANG guest@127.0.0.1 2>&1)
check "the placeholder is in the guest's language" grep -qF "(ssh new@adres-serwera)" <<<"$out"

e2e_stop
e2e_start "guest = no" || exit 1
out=$(printf 'q\n' | timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no \
	-o BatchMode=yes guest@127.0.0.1 2>&1)
check "guest access can be switched off" grep -q "Permission denied" <<<"$out"
