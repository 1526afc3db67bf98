#!/usr/bin/env bash
# A member pastes an ed25519 public key in Settings, sees the same SHA256
# fingerprint ssh-keygen prints, and then logs in with the key alone.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user emma "thames-bridge-lantern-5" member en || exit 1
ssh-keygen -q -t ed25519 -N "" -C "emma@laptop" -f "$HOME/.ssh/id_ed25519"
fp=$(ssh-keygen -lf "$HOME/.ssh/id_ed25519.pub" | awk '{print $2}')

tm_menu s emma "thames-bridge-lantern-5" && tm_keys s 3            # Settings
tm_wait s "SSH keys" && tm_keys s 7             # SSH keys
check "the keys screen explains there are none yet" tm_wait s "no SSH keys yet"
tm_keys s a
tm_wait s "Public key line"
tm_type s "not a key"; tm_keys s Enter
check "a bad key line gets a clear message" tm_wait s "not an OpenSSH public key"
tm_keys s C-u
tm_type s "$(cat "$HOME/.ssh/id_ed25519.pub")"; tm_keys s Enter
tm_keys s Enter
check "the key is listed with ssh-keygen's fingerprint" tm_wait s "$fp"
tm_keys s q q q

out=$(ssh "${SSH_OPTS[@]}" -T -p "$PORT" -o BatchMode=yes -o PasswordAuthentication=no \
	-o KbdInteractiveAuthentication=no -i "$HOME/.ssh/id_ed25519" emma@127.0.0.1 <<<"q" 2>&1)
check "the key logs in without a password" grep -q "Main menu" <<<"$out"
check "the login is logged with the fingerprint" grep -q "Accepted publickey for emma from 127.0.0.1 port [0-9]* ssh2: ED25519 $fp" "$E2E_TMP/server.log"
out=$(admin key list emma)
check "admin key list shows the key" grep -qF "$fp" <<<"$out"

# Removing the key in Settings is a rule of core: it is audited like the
# admin command's removal, naming the account by id (it was not audited).
tm_login r emma "thames-bridge-lantern-5"
tm_wait r "Continue to the main menu" && tm_keys r Enter
tm_wait r "Main menu" && tm_keys r 3
tm_wait r "SSH keys" && tm_keys r 7
tm_wait r "emma@laptop" && tm_keys r d
check "removing a key asks first" tm_wait r "Remove the key"
tm_keys r Down Enter
check "the key is removed in Settings" tm_wait r "The key is removed."
tm_keys r q q q
out=$(admin audit)
check "the audit log records the key added in Settings, by account id" bash -c 'grep -F "key.add  account " <<<"$1" | grep -qF "(emma)  $2"' _ "$out" "$fp"
check "the audit log records the key removed in Settings, by account id" bash -c 'grep -F "key.remove  account " <<<"$1" | grep -qF "(emma)  $2"' _ "$out" "$fp"
