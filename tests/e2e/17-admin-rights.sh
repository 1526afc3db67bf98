#!/usr/bin/env bash
# Data rights from the admin command: `user export NAME` writes everything
# kept about one account as JSON; `user erase NAME --yes --remove-posts`
# erases it for good, its posts staying in their threads without their
# text, and the member can no longer log in.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

# lacks TEXT CAPTURE: the capture holds no such text (fixed string).
lacks() { ! grep -qF -- "$1" <<<"$2"; }

demo=$(admin demo)
pw=$(awk '$1 == "ruta" { print $2 }' <<<"$demo")
check "the demo has a password for ruta" test -n "$pw"
post="run out of patience with the rain"

out=$(admin user export ruta); rc=$?
check "export succeeds" test "$rc" -eq 0
check "export is JSON" /usr/bin/python3 -c 'import json, sys; json.loads(sys.stdin.read())' <<<"$out"
check "export holds the account" grep -q '"name": *"ruta"' <<<"$out"
check "export holds her post's text" grep -qF "$post" <<<"$out"
check "export holds no password hash" lacks pwhash "$out"
check "nor a crypt hash" lacks '$y$' "$out"
out=$(admin user export jonas)
check "jonas's export holds his account" grep -q '"name": *"jonas"' <<<"$out"
check "and not ruta's post" lacks "$post" "$out"

admin user erase ruta >/dev/null 2>&1; rc=$?
check "erase without --yes is a usage error (status 2)" test "$rc" -eq 2
out=$(plain_session ruta "$pw" "\nq\n" 2>&1)
check "before the erasure ruta logs in" grep -q "Pagrindinis meniu" <<<"$out"

out=$(admin user erase ruta --yes --remove-posts); rc=$?
check "erase --yes --remove-posts succeeds" test "$rc" -eq 0
admin user show ruta >/dev/null 2>&1; rc=$?
check "the account is gone by name" test "$rc" -eq 1
out=$(plain_session ruta "$pw" "\nq\n" 2>&1)
check "ruta cannot log in any more" lacks "Pagrindinis meniu" "$out"
# Her reply's text is in neither file of the database (the control: a
# reply of emma's in the same thread is).
files=$(cat "$DATA"/tinklas.db "$DATA"/tinklas.db-wal 2>/dev/null | LC_ALL=C tr -c '[:print:]' '\n')
check "another member's reply is still in the database" grep -qF "we ran out of milk" <<<"$files"
check "her reply's text is in no file of the database" lacks "$post" "$files"
check "the audit log has the erasure by id" bash -c '"$0" admin --config "$1" audit | grep -q "account.erase.*#[0-9]"' "$BIN" "$E2E_TMP/tinklas.conf"
