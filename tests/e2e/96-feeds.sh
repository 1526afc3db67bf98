#!/usr/bin/env bash
# The subscription feeds' HTTP side (server/feeds.h): started by serve only
# when feeds_listen is set, as a process of its own; only GET and HEAD of
# known paths, 404 or 405 for the rest; bounded request size and
# connections per address; started again when it ends, and stopped with
# the server. What each feed serves is tested with the feature that
# brings it.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

# http METHOD PATH [HEADER-BYTES]: prints "STATUS|Allow|Cache-Control|body".
http() {
	"$PY" - "$FPORT" "$1" "$2" "${3:-0}" <<'PYEOF'
import http.client, sys
port, method, path, big = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
headers = {"X-Pad": "a" * big} if big else {}
try:
    c.request(method, path, headers=headers)
    r = c.getresponse()
    print("%d|%s|%s|%s" % (r.status, r.getheader("Allow"), r.getheader("Cache-Control"),
          r.read().decode().strip()))
except Exception as e:
    print("closed|%s" % type(e).__name__)
PYEOF
}

e2e_start || exit 1
# Not the feeds, but the other helper serve starts the same way: the
# model's upkeep (server/maintain.h) runs at once, exec'd fresh.
check "serve runs the model's upkeep when it starts" \
	file_has "$E2E_TMP/server.log" "Upkeep done"
check "without feeds_listen there is no feeds process" \
	not pgrep -f -- "feeds [-]-config $E2E_TMP/"
check "and serve says nothing of feeds" not grep -q "Feeds" "$E2E_TMP/server.out"
e2e_stop
printf 'feeds_listen = 127.0.0.1:0\n' >>"$E2E_TMP/tinklas.conf"
"$BIN" serve --config "$E2E_TMP/tinklas.conf" >"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
SERVER_PID=$!
e2e_listening || exit 1
check "with feeds_listen serve starts the feeds and names their port" \
	file_has "$E2E_TMP/server.out" "Feeds listening on 127.0.0.1:"
FPORT=$(feeds_port)
pid1=$(pgrep -f -- "feeds [-]-config $E2E_TMP/")
check "as a process of its own" test -n "$pid1"
check "exec'd fresh: it does not hold the host key" \
	not grep -q host_ed25519_key <(ls -l "/proc/$pid1/fd" 2>/dev/null)

out=$(http GET /no-such-feed.ics)
check "an unknown feed is 404 (got $out)" test "${out%%|*}" = 404
check "its answer is not kept by caches" grep -q "|private, no-store|" <<<"$out"
out=$(http GET /help)
check "an output that is not a feed is 404 too (got $out)" test "${out%%|*}" = 404
out=$(http GET /u/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/my.ics)
check "a member feed with an unknown token is 404 (got $out)" test "${out%%|*}" = 404
out=$(http POST /no-such-feed.ics)
check "POST is 405 with Allow: GET, HEAD (got $out)" test "$out" = "405|GET, HEAD|private, no-store|Method not allowed."
out=$(http PUT /x)
check "PUT is 405 (got $out)" test "${out%%|*}" = 405
out=$(http GET /x 40000)
check "a request with 40 kB of headers is refused (got $out)" \
	test "${out%%|*}" != 404 -a "${out%%|*}" != 200
out=$(http GET /x)
check "and the feeds answer the next request (got $out)" test "${out%%|*}" = 404

# Connections per address are bounded (feeds_per_source = 8): twelve idle
# ones, and the ones past the bound are closed at once.
res=$("$PY" - "$FPORT" <<'PYEOF'
import socket, sys, time
port = int(sys.argv[1])
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(12)]
time.sleep(0.5)
closed = 0
for s in socks:
    s.settimeout(0.5)
    try:
        if s.recv(1) == b"":
            closed += 1
    except socket.timeout:
        pass
    except OSError:
        closed += 1
print(closed)
for s in socks:
    s.close()
PYEOF
)
check "connections past feeds_per_source are closed (closed $res of 12)" test "$res" -ge 4
check "and the first ones were kept (closed $res of 12)" test "$res" -le 4
out=$(http GET /x)
check "once they are gone a request is answered again (got $out)" test "${out%%|*}" = 404

feeds_started_twice() {
	[ "$(grep -c "^Feeds listening on " "$E2E_TMP/server.out")" -ge 2 ]
}
check "the feeds were started once so far" not feeds_started_twice
kill -TERM "$pid1"
check "when the feeds process ends serve starts it again" \
	eventually feeds_started_twice
FPORT=$(feeds_port)
pid2=$(pgrep -f -- "feeds [-]-config $E2E_TMP/")
check "as a new process" test -n "$pid2" -a "$pid2" != "$pid1"
out=$(http GET /x)
check "which answers (got $out)" test "${out%%|*}" = 404
check "the log names the requests" grep -q "Feed GET /no-such-feed.ics: 404" "$E2E_TMP/server.log"

kill -TERM "$SERVER_PID"
wait "$SERVER_PID"; rc=$?
SERVER_PID=
check "serve exits 0 on SIGTERM" test "$rc" -eq 0
check "and the feeds process is gone with it" \
	not pgrep -f -- "feeds [-]-config $E2E_TMP/"
