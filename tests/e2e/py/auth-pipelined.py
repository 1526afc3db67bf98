#!/usr/bin/python3
# F2 of reliability.md (needs python3-paramiko), from shared/reviews/repro.
# usage: /usr/bin/python3 auth-before-db.py PORT SRC password|kbd|publickey|none USER [KEYFILE for publickey]
# Pipelines SERVICE_REQUEST + USERAUTH_REQUEST right behind the client's NEWKEYS, so libssh runs the
# auth callback inside ssh_handle_key_exchange (before the connection process has opened its database).
import paramiko, socket, sys, time, logging
from paramiko.message import Message
logging.disable(logging.CRITICAL)
port = int(sys.argv[1]); src = sys.argv[2]; method = sys.argv[3] if len(sys.argv) > 3 else 'password'
user = sys.argv[4] if len(sys.argv) > 4 else 'tester'
orig = paramiko.Transport._activate_outbound
def patched(self):
    self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
    orig(self)
    m = Message(); m.add_byte(bytes([5])); m.add_string('ssh-userauth'); self.packetizer.send_message(m)
    m = Message(); m.add_byte(bytes([50])); m.add_string(user); m.add_string('ssh-connection')
    if method == 'password': m.add_string('password'); m.add_boolean(False); m.add_string('x')
    elif method == 'kbd': m.add_string('keyboard-interactive'); m.add_string(''); m.add_string('')
    elif method == 'publickey':
        k = paramiko.Ed25519Key.from_private_key_file(sys.argv[5])
        m.add_string('publickey'); m.add_boolean(False); m.add_string('ssh-ed25519'); m.add_string(k.asbytes())
    elif method == 'none': m.add_string('none')
    self.packetizer.send_message(m)
    self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)
paramiko.Transport._activate_outbound = patched
s = socket.socket(); s.bind((src, 0)); s.settimeout(5); s.connect(('127.0.0.1', port))
t = paramiko.Transport(s)
try: t.start_client(timeout=5)
except Exception as e: print('client:', repr(e)[:80])
time.sleep(1); print('active after 1 s:', t.is_active()); t.close()
