#!/usr/bin/env bash
# The 4th concurrent unauthenticated connection from one address is closed
# before key exchange, while a logged-in session keeps working.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1

tm_menu live jonas "pienas-duona-sviestas-7"

# Three silent TCP connections stay unauthenticated. Each is counted once
# its connection process sends the SSH banner.
banners=0
for i in 1 2 3; do
	exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"
	eval "held_$i=$fd"
	read -r -t 10 -u "$fd" line && [[ $line == SSH-2.0-* ]] && banners=$((banners + 1))
done
check "the first three connections get the banner" test "$banners" -eq 3
exec {fd4}<>"/dev/tcp/127.0.0.1/$PORT"
banner=$(timeout 3 head -c 64 <&$fd4 | tr -d '\r\n' | head -c 20)
check "the 4th unauthenticated connection is closed without a banner" test -z "$banner"
check "the refusal is logged" grep -q "drop connection #[0-9]* from \[127.0.0.1\]" "$E2E_TMP/server.log"
tm_keys live 3
check "the logged-in session keeps working" tm_wait live "SSH keys"
