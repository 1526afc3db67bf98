#!/usr/bin/env bash
# Switching the language in Settings changes the menu at once: Lithuanian,
# then Ukrainian; the choice is remembered for the next login.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user olena "dnipro-sunflower-field-3" member en || exit 1

tm_menu s olena "dnipro-sunflower-field-3" && tm_keys s 3 && tm_wait s "Language" && tm_keys s 1
check "the language list names each language in itself" tm_wait s "Українська"
tm_keys s 1                                     # Lietuvių
check "the settings screen turns Lithuanian" tm_wait s "Nustatymai"
tm_keys s q
check "the main menu is Lithuanian" tm_wait s "Pagrindinis meniu"
tm_keys s 3 && tm_wait s "Kalba" && tm_keys s 1 && tm_wait s "Українська" && tm_keys s 3
tm_keys s q
check "the main menu is Ukrainian" tm_wait s "Головне меню"
tm_keys s q
tm_wait s "До побачення" 5 >/dev/null

out=$(plain_session olena "dnipro-sunflower-field-3" "\nq\n" 2>&1)
check "the language is remembered for the next login" grep -q "Головне меню" <<<"$out"
