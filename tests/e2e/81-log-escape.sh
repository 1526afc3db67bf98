#!/usr/bin/env bash
# F1: text a client sends before logging in (its banner, a KEXINIT name-list,
# a disconnect message) reaches the log only escaped: no control byte, no
# forged line that fail2ban would count.
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py
# Three bad connections from one address earn penalties; keep them off.
e2e_start "penalty_noauth = 0" || exit 1
log=$E2E_TMP/server.log

for what in banner kexinit disconnect; do
	/usr/bin/python3 "$PY/log-forge.py" "$PORT" "$what"
done
for _ in $(seq 1 50); do
	[ "$(grep -c 'Key exchange with' "$log")" -ge 3 ] && break
	sleep 0.1
done
check "the three key exchange failures are logged" \
	test "$(grep -c 'Key exchange with 127.0.0.1 port [0-9]* failed' "$log")" -ge 3
check "the banner's escape sequence is logged escaped" grep -qF 'banner: \x1b]0;pwned\x07 hello' "$log"
check "the kex name-list's line feed is logged escaped" grep -qF 'client [x\x0a2026-12-01T18:00:00Z' "$log"
check "the disconnect text is logged escaped" grep -qF 'bye\x0a2026-12-01T18:00:00Z' "$log"
check "the log holds no control byte" bash -c '! LC_ALL=C grep -qP "[\x00-\x08\x0b-\x1f\x7f]" "$0"' "$log"
check "no forged line starts a log line" bash -c '! grep -q "^2026-12-01T18:00:00Z tinklas\[1\]" "$0"' "$log"
check "every log line has the server's own prefix" \
	bash -c '! grep -vqE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z tinklas\[[0-9]+\]: " "$0"' "$log"

# fail2ban's sshd filter on the log: a real failure is seen, the forged
# addresses are not.
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
plain_session jonas "wrong-password-entirely" "q\n" >/dev/null 2>&1
ips=$(fail2ban-regex -o '<ip>' "$log" "sshd[_daemon=tinklas]" 2>&1)
check "fail2ban sees the real failure's address" grep -qx "127.0.0.1" <<<"$ips"
check "fail2ban sees none of the forged addresses" bash -c '! grep -q "10\.9\.8\.7\|10\.1\.2\.3" <<<"$0"' "$ips"
