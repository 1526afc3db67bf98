#!/usr/bin/env bash
# ssh-audit, as an administrator would run it, finds no failure; the banner
# does not name the SSH library.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
out=$(ssh-audit -n -p "$PORT" 127.0.0.1 2>&1)
check "ssh-audit reports no failure" bash -c "! grep -q '\[fail\]' <<<\"\$0\"" "$out"
check "the banner does not name libssh" bash -c "! grep -qi 'libssh' <<<\"\$0\"" "$out"
check "compression is offered" grep -q "zlib@openssh.com" <<<"$out"
check "ssh-audit ran" grep -q "curve25519" <<<"$out"
