#!/usr/bin/env bash
# A terminal that is not UTF-8 gets transliterated ASCII, never mojibake:
# the client says so in LANG (a codeset, or the C and POSIX locales), or the
# member sets it in Settings.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
printf 'linden-river-kaunas-42\n' | admin user add ruta --display "Rūta Petraitienė" --lang lt >/dev/null
printf 'dnipro-sunflower-field-3\n' | admin user add olena --display "Олена Коваленко" --lang uk >/dev/null

tm_start s "env LANG=lt_LT.ISO-8859-13 $(ssh_cmd ruta -o PubkeyAuthentication=no)"
tm_wait s "assword" 10 && tm_type s "linden-river-kaunas-42" && tm_keys s Enter
tmux -L "$TMUX_SOCK" pipe-pane -t s -o "cat >> $E2E_TMP/bytes"
tm_wait s "Kaip norite naudotis" 15 && tm_keys s Enter
check "Lithuanian letters become ASCII" tm_wait s "Prisijungete kaip Ruta Petraitiene."
check "the capture holds the screen" file_has "$E2E_TMP/bytes" "Prisijungete kaip"
check "not one byte outside ASCII was sent" not env LC_ALL=C grep -q '[^ -~[:cntrl:]]' "$E2E_TMP/bytes"

out=$(plain_session olena "dnipro-sunflower-field-3" "\n3\n4\n3\nq\nq\n" -o SetEnv=LANG=uk_UA.KOI8-U 2>&1)
check "Ukrainian is romanised in plain mode too" grep -q "Olena Kovalenko" <<<"$out"
out=$(plain_session olena "dnipro-sunflower-field-3" "\nq\n" 2>&1)
check "the member's ASCII setting is remembered" bash -c "grep -q 'Olena Kovalenko' <<<\"\$0\" && ! LC_ALL=C grep -q '[^ -~[:cntrl:]]' <<<\"\$0\"" "$out"

# LANG=C, sent as people send it (SendEnv): ASCII from the first screen on.
tm_start c "env LANG=C LC_ALL=C $(ssh_cmd guest -o PubkeyAuthentication=no)"
tmux -L "$TMUX_SOCK" pipe-pane -t c -o "cat >> $E2E_TMP/bytes-c"
check "a C locale gets transliterated text" tm_wait c "Sveiki atvyke i Tinkla" 15
tm_keys c Enter
tm_wait c "Lankotes kaip svecias" 10 >/dev/null
check "the capture holds the guest's screen" file_has "$E2E_TMP/bytes-c" "svecias"
check "a C locale gets not one byte outside ASCII" not env LC_ALL=C grep -q '[^ -~[:cntrl:]]' "$E2E_TMP/bytes-c"
out=$(printf '\nq\n' | env -u LC_ALL LANG=POSIX timeout 30 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o PubkeyAuthentication=no guest@127.0.0.1 2>&1)
check "POSIX gets ASCII in plain mode, one line a line" bash -c "grep -q '^Lankotes kaip svecias' <<<\"\$0\" && ! LC_ALL=C grep -q '[^ -~[:cntrl:]]' <<<\"\$0\"" "$out"
