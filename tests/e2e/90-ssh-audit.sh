#!/usr/bin/env bash
# ssh-audit, as an administrator would run it, finds no failure; the banner
# does not name the SSH library.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
out=$(ssh-audit -n -p "$PORT" 127.0.0.1 2>&1)
check "ssh-audit reports no failure" bash -c "! grep -q '\[fail\]' <<<\"\$0\"" "$out"
banner=$(grep "banner:" <<<"$out")
check "the banner does not name the SSH library" bash -c "grep -q 'SSH-2.0-' <<<\"\$0\" && ! grep -qi 'libssh' <<<\"\$0\"" "$banner"
check "compression is offered" grep -q "zlib@openssh.com" <<<"$out"
check "ssh-audit ran" grep -q "curve25519" <<<"$out"
