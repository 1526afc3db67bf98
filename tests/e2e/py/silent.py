#!/usr/bin/python3
# F7: one connection that sends nothing and one that sends its banner and
# then stalls, opened together. Prints "silent closed" when the silent one
# is closed by the server, then whether the negotiating one is still open.
# usage: silent.py PORT
import socket, sys, time
port = int(sys.argv[1])
silent = socket.create_connection(("127.0.0.1", port))
talker = socket.create_connection(("127.0.0.1", port))
talker.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
silent.settimeout(25)
try:
    while silent.recv(4096):
        pass
    print("silent closed")
except socket.timeout:
    print("silent still open")
talker.setblocking(False)
try:
    while talker.recv(4096):
        pass
    print("talker closed")
except BlockingIOError:
    print("talker still open")
