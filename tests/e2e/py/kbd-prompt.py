#!/usr/bin/python3
# Prints the keyboard-interactive prompt the server shows for a user name.
# usage: kbd-prompt.py PORT USER
import logging, socket, sys
import paramiko
logging.disable(logging.CRITICAL)
port, user = int(sys.argv[1]), sys.argv[2]
seen = []
def handler(title, instructions, prompts):
    seen.extend(p for p, _ in prompts)
    return ["not-the-password" for _ in prompts]
t = paramiko.Transport(socket.create_connection(("127.0.0.1", port)))
t.start_client(timeout=10)
try:
    t.auth_interactive(user, handler)
except paramiko.SSHException:
    pass
t.close()
print("prompt=[%s]" % "|".join(seen))
