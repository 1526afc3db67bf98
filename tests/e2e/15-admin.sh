#!/usr/bin/env bash
# The admin command: accounts, roles, suspension, passwords, keys, the audit
# log and backups, with clear errors and exit codes; a suspended member
# cannot log in, and the console runs the same UI on a local terminal.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

check "a user is added with the password from stdin" add_user ruta "linden-river-kaunas-42" member lt
out=$(admin user list)
check "user list shows the account" grep -q "ruta" <<<"$out"
out=$(printf 'x\n' | admin user add jonas 2>&1); rc=$?
check "a weak password is refused with exit status 1" test "$rc" -eq 1
check "the refusal says why" grep -q "at least 10 characters" <<<"$out"
out=$(printf 'linden-river-kaunas-42\n' | admin user add "Bad Name" 2>&1); rc=$?
check "a bad user name is refused" test "$rc" -eq 1
admin user frobnicate >/dev/null 2>&1; rc=$?
check "an unknown command is a usage error (status 2)" test "$rc" -eq 2
check "set-role makes a moderator" admin user set-role ruta moderator
check "show tells the role" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user show ruta | grep -q moderator"

check "suspend with a reason" admin user suspend ruta --days 7 --reason "spam links"
out=$(plain_session ruta "linden-river-kaunas-42" "q\n" 2>&1)
# The right password shows only the notice with the reason (83-suspended).
check "a suspended member sees the suspension, not the forums" \
	bash -c 'grep -q "spam links" <<<"$0" && ! grep -q "Main menu\|Pagrindinis meniu" <<<"$0"' "$out"
check "the refusal is logged" grep -q "suspended" "$E2E_TMP/server.log"
check "unsuspend lifts it" admin user unsuspend ruta
out=$(plain_session ruta "linden-river-kaunas-42" "\nq\n" 2>&1)
check "the member logs in again" grep -q "Pagrindinis meniu" <<<"$out"

check "reset-password sets a new one" bash -c "printf 'nemunas-oak-harbour-8\n' | \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user reset-password ruta"
out=$(plain_session ruta "nemunas-oak-harbour-8" "\nq\n" 2>&1)
check "the new password works" grep -q "Pagrindinis meniu" <<<"$out"

ssh-keygen -q -t ed25519 -N "" -f "$E2E_TMP/k"
fp=$(ssh-keygen -lf "$E2E_TMP/k.pub" | awk '{print $2}')
check "key add takes a key line from stdin" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" key add ruta < \"$E2E_TMP/k.pub\""
check "key list shows ssh-keygen's fingerprint" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" key list ruta | grep -qF \"$fp\""
check "key remove by fingerprint" admin key remove ruta "$fp"
check "the key is gone" bash -c "! \"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" key list ruta | grep -qF \"$fp\""

out=$(admin audit)
check "the audit log records the suspension and its reason" grep -q "spam links" <<<"$out"
check "the audit log records the role change" grep -q "moderator" <<<"$out"
check "backup writes a consistent copy" admin backup "$E2E_TMP/copy.db"
check "the copy holds the accounts" bash -c "sqlite3 \"$E2E_TMP/copy.db\" 'select name from accounts' | grep -q ruta"
out=$(admin check 2>&1)
check "check finds a sound database sound" grep -qx "ok: integrity and foreign keys" <<<"$out"
# A key whose account is gone, written with foreign keys off: named, status 1.
sqlite3 "$E2E_TMP/copy.db" "PRAGMA foreign_keys = OFF; INSERT INTO ssh_keys (account_id, type, blob, fingerprint, created) VALUES (9999, 't', 'b', 'fp-orphan', 0)"
mkdir -p "$E2E_TMP/copydir" && cp "$E2E_TMP/copy.db" "$E2E_TMP/copydir/tinklas.db"
out=$("$BIN" admin --config "$E2E_TMP/tinklas.conf" --data "$E2E_TMP/copydir" check 2>&1); rc=$?
check "check names a row whose parent is gone" grep -q "ssh_keys row .* missing row of accounts" <<<"$out"
check "check fails when it finds a problem" test "$rc" = 1
check "vacuum rebuilds the database" admin vacuum
check "the accounts are there after vacuum" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user list | grep -q ruta"

# The console: the same UI on the server's own terminal.
tm_start con "$BIN console --config $E2E_TMP/tinklas.conf --user ruta"
check "the console asks the mode first, as any first login" tm_wait con "Kaip norite naudotis Tinklu?" 10
tm_keys con Enter
check "the console opens the member's session" tm_wait con "Prisijungėte kaip ruta." 10
# The visit was just now: the date and hour before the wait or after it
# (so the check holds across midnight and the hour).
before=$(TZ=Europe/Vilnius date '+%Y-%m-%d, [^ ]+ %H:')
tm_wait con "Paskutinį kartą lankėtės:" >/dev/null
after=$(TZ=Europe/Vilnius date '+%Y-%m-%d, [^ ]+ %H:')
check "the last visit is shown in Vilnius time, with the weekday" bash -c "tmux -L $TMUX_SOCK capture-pane -p -t con | grep -qE 'Paskutinį kartą lankėtės: ($before|$after)'"
tm_keys con Enter
check "the console shows the main menu" tm_wait con "Pagrindinis meniu"
out=$("$BIN" console --config "$E2E_TMP/tinklas.conf" --user nobody 2>&1); rc=$?
check "the console refuses an unknown account" test "$rc" -ne 0
