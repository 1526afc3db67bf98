#!/usr/bin/env bash
# The registration form's first field is the language, labelled in all five
# languages; choosing one re-translates the whole form at once (title,
# introduction, labels, hints, key bar), before Enter: no screen is ever in
# two languages.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

# No LANG from the client: the form starts in the site's language (lt).
tm_start reg "env -u LANG -u LC_ALL $(ssh_cmd new -o PubkeyAuthentication=no)"
check "the form starts in the site's language" tm_wait reg "Sukurti paskyrą" 15
check "the first field is labelled in all five languages" tm_wait reg "Kalba / Language / Мова / Язык / Język"
tm_keys reg Right
check "one step right is English" tm_wait reg "< English >"
check "the English form, at once" tm_wait reg "Welcome to Tinklas! Privacy: to run this network"
tm_keys reg Right
check "two steps right is Ukrainian" tm_wait reg "< Українська >"
check "the title turns Ukrainian" tm_wait reg "Створити обліковий запис"
check "the introduction turns Ukrainian" tm_wait reg "Вітаємо в Tinklas!"
check "the labels turn Ukrainian" tm_wait reg "Ім’я користувача"
check "the key bar turns Ukrainian" tm_wait reg "Довідка"
screen=$(tm_screen reg)
check "nothing Lithuanian or English is left" bash -c '! grep -q "Sukurti\|Sveiki\|Naudotojo\|Pagalba\|Create an account\|User name\|Help" <<<"$0"' "$screen"
check "the five-language label stays" grep -qF "Kalba / Language / Мова / Язык / Język" <<<"$screen"
tm_keys reg Escape

# Plain mode: after the language answer every question is in that language.
out=$(printf '3\n\n' | env -u LANG -u LC_ALL timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" \
	-o PubkeyAuthentication=no new@127.0.0.1 2>&1)
check "plain mode asks the language in all five languages" grep -qF "Kalba / Language / Мова / Язык / Język" <<<"$out"
check "plain mode asks the next question in the chosen language" grep -q "Ім’я користувача" <<<"$out"
