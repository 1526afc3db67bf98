#!/usr/bin/env bash
# A suspended member with the right password or key is told, in their
# language, that the account is suspended, until when and why; that is no
# failed login (no penalty). A wrong password learns nothing. The console
# refuses the account too.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
log=$E2E_TMP/server.log
add_user olena "dnipro-sunflower-field-3" member uk || exit 1
admin user suspend olena --days 3 --reason "Spam in the forums" >/dev/null || exit 1
year=$(date -u -d '+3 days' +%Y)

out=$(plain_session olena "dnipro-sunflower-field-3" "q\n" 2>&1); rc=$?
check "the right password gets exit status 1" test "$rc" -eq 1
check "the notice says suspended, in Ukrainian" grep -q "Ваш обліковий запис призупинено до" <<<"$out"
check "the notice says until when" grep -q "$year" <<<"$out"
check "the notice says why" grep -q "Причина: Spam in the forums" <<<"$out"
check "no UI was started" bash -c '! grep -q "UI for olena" "$0"' "$log"
check "the login is logged as shown the notice" grep -q "Accepted .* for olena .*suspended: shown the notice" "$log"
check "it is not a failed login" bash -c '! grep -q "Failed .* olena" "$0"' "$log"
check "it earns no penalty" bash -c '! grep -q "penalty" "$0"' "$log"

out=$(plain_session olena "wrong-password-entirely" "q\n" 2>&1); rc=$?
check "a wrong password is refused" test "$rc" -eq 255
check "a wrong password learns nothing of the suspension" bash -c '! grep -q "Spam\|призупинено" <<<"$0"' "$out"
check "the wrong password is a failed login" grep -q "Failed password for olena" "$log"

ssh-keygen -q -t ed25519 -N "" -f "$E2E_TMP/key" || exit 1
admin key add olena "$(cat "$E2E_TMP/key.pub")" >/dev/null || exit 1
out=$(timeout 20 ssh "${SSH_OPTS[@]}" -T -p "$PORT" -i "$E2E_TMP/key" -o PasswordAuthentication=no \
	-o KbdInteractiveAuthentication=no olena@127.0.0.1 </dev/null 2>&1)
check "a key login gets the notice too" grep -q "Причина: Spam in the forums" <<<"$out"

tm_start full "$(ssh_cmd olena -i "$E2E_TMP/key" -o PasswordAuthentication=no)"
check "full screen shows the notice" tm_wait full "Причина: Spam in the forums" 15

out=$("$BIN" console --config "$E2E_TMP/tinklas.conf" --user olena </dev/null 2>&1); rc=$?
check "the console refuses a suspended account" test "$rc" -eq 1
check "the console says why, in Ukrainian" grep -q "Причина: Spam in the forums" <<<"$out"
admin user unsuspend olena >/dev/null
out=$(plain_session olena "dnipro-sunflower-field-3" "q\n" 2>&1)
check "after unsuspend the notice is gone" bash -c '! grep -q "призупинено" <<<"$0"' "$out"
