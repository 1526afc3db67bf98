#!/usr/bin/env bash
# Backup and restore: a backup taken while two writers add accounts is
# consistent and restores; restore checks the copy first, refuses a
# database a running server uses, and keeps the database it replaces.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
PW=linden-river-kaunas-42
add_user ruta "$PW" member en
count() { sqlite3 "$1" "SELECT count(*) FROM accounts"; }

# Two writers at once, each a stream of write transactions.
writer() {
	local i
	for i in $(seq 1 25); do
		printf '%s\n' "$PW" | admin user add "$1$i" >/dev/null 2>&1
	done
}
writer alpha & W1=$!
writer beta & W2=$!
eventually test "$(count "$DATA/tinklas.db")" -ge 6
check "a backup is taken while two writers write" \
	bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" backup \"$E2E_TMP/copy.db\" >/dev/null"
wait $W1 $W2
check "the backup passes the integrity check" \
	test "$(sqlite3 "$E2E_TMP/copy.db" 'PRAGMA integrity_check')" = ok
check "and the foreign-key check" \
	test -z "$(sqlite3 "$E2E_TMP/copy.db" 'PRAGMA foreign_key_check')"
in_copy=$(count "$E2E_TMP/copy.db")
live=$(count "$DATA/tinklas.db")
check "the copy holds some of the writers' accounts" test "$in_copy" -ge 6
check "the live database went on to hold all of them" test "$live" -eq 51

# A running server's database is never overwritten.
out=$(admin restore "$E2E_TMP/copy.db" 2>&1); rc=$?
check "restore refuses while the server runs (status 1)" test "$rc" -eq 1
check "and says to stop it first" grep -q "running server" <<<"$out"
check "the live database is untouched" test "$(count "$DATA/tinklas.db")" -eq "$live"
check "a second server on the same data folder is refused" \
	bash -c "! timeout 10 \"$BIN\" serve --config \"$E2E_TMP/tinklas.conf\" >/dev/null 2>\"$E2E_TMP/second.log\""
check "it says why" grep -q "another tinklas serve" "$E2E_TMP/second.log"

e2e_stop
# The copy is checked before anything changes.
printf 'not a database at all\n' >"$E2E_TMP/junk.db"
out=$(admin restore "$E2E_TMP/junk.db" 2>&1); rc=$?
check "a file that is not a database is refused (status 1)" test "$rc" -eq 1
check "with 'nothing was changed'" grep -q "nothing was changed" <<<"$out"
sqlite3 "$E2E_TMP/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
out=$(admin restore "$E2E_TMP/other.db" 2>&1); rc=$?
check "another program's database is refused" \
	bash -c '[ "$0" -eq 1 ] && grep -q "not a Tinklas database" <<<"$1"' "$rc" "$out"
cp "$E2E_TMP/copy.db" "$E2E_TMP/newer.db"
sqlite3 "$E2E_TMP/newer.db" "UPDATE schema_versions SET version = version + 1 WHERE domain = 'forums'"
out=$(admin restore "$E2E_TMP/newer.db" 2>&1); rc=$?
check "a copy from a newer Tinklas is refused" \
	bash -c '[ "$0" -eq 1 ] && grep -q "newer Tinklas" <<<"$1"' "$rc" "$out"
check "none of them changed the database" test "$(count "$DATA/tinklas.db")" -eq "$live"

out=$(admin restore "$E2E_TMP/copy.db" 2>&1); rc=$?
check "with the server stopped the copy is restored" test "$rc" -eq 0
check "the database now holds what the copy held" \
	test "$(count "$DATA/tinklas.db")" -eq "$in_copy"
kept=$(ls "$DATA"/before-restore-*.db 2>/dev/null | head -1)
check "the replaced database is kept beside it" \
	bash -c '[ -n "$0" ] && [ "$(sqlite3 "$0" "SELECT count(*) FROM accounts")" -eq "$1" ]' "$kept" "$live"
check "the restore is in the audit log" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" audit | grep -q db.restore"
check "the restored database passes admin check" admin check

"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
e2e_listening || exit 1
out=$(plain_session ruta "$PW" "q\n" 2>&1)
check "a member logs in to the restored server" grep -q "Main menu" <<<"$out"
