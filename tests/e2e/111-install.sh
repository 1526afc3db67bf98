#!/usr/bin/env bash
# `make install` and the server's health: the installed layout (binaries,
# config kept when present, units for PREFIX, sysusers.d and tmpfiles.d),
# the units accepted by systemd-analyze verify and security, the
# installed binary serving a member through its own tinklas-ui, asking
# the kernel for nothing the unit's hardening forbids (strace); and
# `tinklas admin status`: 1 before any backup, 0 after one, 1 once an
# error was logged.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_REL=$(dirname "$BIN")
BUILD_REL=${BUILD_REL#"$ROOT"/}
DEST=$E2E_TMP/root
install_into() {
	env -u MAKEFLAGS -u MAKELEVEL make -s -C "$ROOT" install BUILD="$BUILD_REL" SANITIZE="${SANITIZE:-}" DESTDIR="$1" PREFIX="$2" >"$E2E_TMP/install.log" 2>&1
}

check "make install DESTDIR PREFIX=/usr succeeds" install_into "$DEST" /usr
for f in usr/bin/tinklas usr/bin/tinklas-ui; do
	check "$f is installed and executable" test -x "$DEST/$f"
done
UNITS=(tinklas.service tinklas-backup.service tinklas-backup.timer)
for u in "${UNITS[@]}"; do
	check "$u is in /lib/systemd/system" test -f "$DEST/lib/systemd/system/$u"
done
check "the service starts PREFIX's binary" \
	grep -qx 'ExecStart=/usr/bin/tinklas serve --config /etc/tinklas/tinklas.conf' \
	"$DEST/lib/systemd/system/tinklas.service"
check "the backup runs PREFIX's binary as user tinklas" bash -c \
	'grep -q "^ExecStart=/usr/bin/tinklas admin .* backup /var/lib/tinklas/backups$" "$0" && grep -qx User=tinklas "$0"' \
	"$DEST/lib/systemd/system/tinklas-backup.service"
check "the timer is nightly, persistent, spread" bash -c \
	'grep -q "^OnCalendar=" "$0" && grep -qx Persistent=true "$0" && grep -q "^RandomizedDelaySec=" "$0"' \
	"$DEST/lib/systemd/system/tinklas-backup.timer"
check "the config is in /etc/tinklas with the data in /var/lib/tinklas" \
	grep -qx 'data = /var/lib/tinklas' "$DEST/etc/tinklas/tinklas.conf"
check "sysusers.d and tmpfiles.d files are installed" \
	test -f "$DEST/usr/lib/sysusers.d/tinklas.conf" -a -f "$DEST/usr/lib/tmpfiles.d/tinklas.conf"

# systemd-analyze --root looks for everything inside the root: the units
# the installed ones depend on (sysinit.target, timers.target, ...) and
# every program they run. A real system has them; give the root copies.
mkdir -p "$DEST/usr/lib/systemd" "$DEST/bin"
cp -a /usr/lib/systemd/system "$DEST/usr/lib/systemd/"
cp /bin/kill "$DEST/bin/kill"
cp /usr/bin/find "$DEST/usr/bin/find"
# verify exits 0 even on a line it ignores; what it says is the verdict.
verify() {
	local out
	out=$(systemd-analyze verify --root="$DEST" "$@" 2>&1) && [ -z "$out" ] ||
		{ echo "$out"; return 1; }
}
check "systemd-analyze verify accepts the installed units" \
	verify "${UNITS[@]/#//lib/systemd/system/}"
sed 's/^ProtectSystem=strict$/ProtectSystem=strictly/' \
	"$DEST/lib/systemd/system/tinklas.service" >"$DEST/lib/systemd/system/broken.service"
check "and refuses a unit with a bad line (control)" \
	not verify /lib/systemd/system/broken.service >/dev/null
rm "$DEST/lib/systemd/system/broken.service"
for u in tinklas.service tinklas-backup.service; do
	check "$u is hardened (systemd-analyze security: exposure below 2.0)" \
		systemd-analyze security --offline=yes --root="$DEST" --threshold=20 \
		"/lib/systemd/system/$u" >/dev/null 2>&1
done
check "the service runs with no capabilities and no new privileges" bash -c \
	'grep -qx CapabilityBoundingSet= "$0" && grep -qx NoNewPrivileges=yes "$0" && grep -qx ProtectSystem=strict "$0" && grep -qx StateDirectory=tinklas "$0"' \
	"$DEST/lib/systemd/system/tinklas.service"
quietly() { "$@" >/dev/null 2>&1; }
check "sysusers.d creates the system user tinklas" quietly systemd-sysusers --root="$DEST"
check "with no login shell" grep -q '^tinklas:.*:/var/lib/tinklas:/usr/sbin/nologin$' "$DEST/etc/passwd"
check "tmpfiles.d creates the data and backup folders" systemd-tmpfiles --root="$DEST" --create
uid=$(awk -F: '$1 == "tinklas" { print $3 }' "$DEST/etc/passwd")
check "owned by tinklas, private" \
	test "$(stat -c '%a %u' "$DEST/var/lib/tinklas/backups")" = "700 $uid"

echo "# edited by the site" >>"$DEST/etc/tinklas/tinklas.conf"
check "a second make install succeeds" install_into "$DEST" /usr
check "and keeps the site's config" grep -q "edited by the site" "$DEST/etc/tinklas/tinklas.conf"
check "PREFIX=/usr/local installs its units under PREFIX/lib" install_into "$E2E_TMP/local" /usr/local
check "naming /usr/local/bin/tinklas" grep -qx \
	'ExecStart=/usr/local/bin/tinklas serve --config /etc/tinklas/tinklas.conf' \
	"$E2E_TMP/local/usr/local/lib/systemd/system/tinklas.service"

# The installed binary serves, each session from the tinklas-ui beside it,
# under strace: what the server and its sessions (full-screen on a pty,
# plain, an exec command, a reload) ask of the kernel must pass the
# service's SystemCallFilter, MemoryDenyWriteExecute and
# RestrictAddressFamilies.
BIN=$DEST/usr/bin/tinklas
mkdir -p "$DATA"
printf '%s\n' "listen = 127.0.0.1:0" "data = $DATA" >"$E2E_TMP/tinklas.conf"
admin init >/dev/null 2>&1 || exit 1
# (LeakSanitizer cannot run under ptrace: a SANITIZE=1 build's processes
# would fail at exit under strace, so its leak check is off here.)
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	strace -f -qq -o "$E2E_TMP/trace" "$BIN" serve --config "$E2E_TMP/tinklas.conf" \
	>"$E2E_TMP/server.out" 2>"$E2E_TMP/server.log" &
STRACE_PID=$!
SERVER_PID=$STRACE_PID
e2e_listening || exit 1
SERVER_PID=$(pgrep -P "$STRACE_PID" -x tinklas)
PW=linden-river-kaunas-42
add_user ruta "$PW" member en
out=$(plain_session ruta "$PW" "q\n" 2>&1)
check "a member logs in to the installed server" grep -q "Main menu" <<<"$out"
check "and in full screen, on a pty" tm_menu screen ruta "$PW"
ssh_run ruta "$PW" whoami "$E2E_TMP/whoami.out"
check "an exec command runs" grep -q "ruta" "$E2E_TMP/whoami.out"
kill -HUP "$SERVER_PID"
file_has "$E2E_TMP/server.log" "Reloaded" >/dev/null

# admin status: what needs an administrator, in its exit status.
plain_start ruta "$PW" "$E2E_TMP/live.out"
file_has "$E2E_TMP/live.out" "Main menu"
out=$(admin status 2>&1); rc=$?
check "status before any backup: exit status 1" test "$rc" -eq 1
check "it says no backup was ever taken" grep -q "^Needs an administrator: no backup was ever taken" <<<"$out"
# ruta is online twice (full screen and plain): one member, two sessions.
check "it counts the people and the sessions online" \
	grep -qx "Online now: 2 sessions (1 member, 0 guests)" <<<"$out"
check "it names the database's size" grep -q "^Database: .*KiB (file .*, write-ahead log " <<<"$out"
check "and the quick check's result" grep -qx "Quick check: ok" <<<"$out"
check "and no errors yet" grep -qx "Errors in the last 24 hours: 0" <<<"$out"
plain_send "q\n"
plain_end
mkdir "$E2E_TMP/backups"
check "a backup into a folder" bash -c \
	'"$0" admin --config "$1" backup "$2" | grep -q "/backup-[0-9]\{8\}-[0-9]\{6\}\.db$"' \
	"$BIN" "$E2E_TMP/tinklas.conf" "$E2E_TMP/backups"
out=$(admin status 2>&1); rc=$?
check "status after the backup: exit status 0" test "$rc" -eq 0
check "it names the backup" grep -q "^Last backup: .*$E2E_TMP/backups/backup-" <<<"$out"
check "and nothing needs an administrator" not grep -q "Needs an administrator" <<<"$out"
# An error: a second server on the same data folder is refused.
"$BIN" serve --config "$E2E_TMP/tinklas.conf" >/dev/null 2>&1
out=$(admin status 2>&1); rc=$?
check "status after an error: exit status 1" test "$rc" -eq 1
check "it counts the error" grep -qx "Errors in the last 24 hours: 1" <<<"$out"
check "shows its line" grep -q "^  .*another tinklas serve uses the data folder" <<<"$out"
check "and says it needs an administrator" \
	grep -q "^Needs an administrator: 1 error in the last 24 hours" <<<"$out"
check "the error file is private to the service" \
	test "$(stat -c %a "$DATA/errors.log")" = 600

mv "$DEST/usr/bin/tinklas-ui" "$E2E_TMP/tinklas-ui.away"
out=$(plain_session ruta "$PW" "q\n" 2>&1)
check "without the installed tinklas-ui there is no UI (it is the one used)" \
	not grep -q "Main menu" <<<"$out"
mv "$E2E_TMP/tinklas-ui.away" "$DEST/usr/bin/tinklas-ui"

kill -TERM "$SERVER_PID"
SERVER_PID=
wait "$STRACE_PID" 2>/dev/null
# Every system call of @system-service (its groups expanded).
allowed() {
	systemd-analyze syscall-filter "$1" 2>/dev/null |
		sed -n 's/^ *\([@a-z_0-9-]*\)$/\1/p' | while read -r x; do
		case $x in "$1") ;; @*) allowed "$x" ;; *) echo "$x" ;; esac
	done
}
allowed @system-service | sort -u >"$E2E_TMP/allowed"
sed -n 's/^[0-9]* \{1,\}\([a-z_0-9]*\)(.*/\1/p' "$E2E_TMP/trace" | sort -u >"$E2E_TMP/used"
# outside FILE: the calls in FILE that @system-service does not allow.
outside() { comm -23 "$1" "$E2E_TMP/allowed" | grep .; }
check "the trace holds the sessions' calls (execve, setsid, openat)" bash -c \
	'grep -qx execve "$0" && grep -qx setsid "$0" && grep -qx openat "$0"' "$E2E_TMP/used"
check "every call is in SystemCallFilter=@system-service" not outside "$E2E_TMP/used"
printf 'mount\nopenat\n' >"$E2E_TMP/used.control"
check "and the comparison finds one that is not (control: mount)" outside "$E2E_TMP/used.control" >/dev/null
check "code is mapped executable (control for the next check)" grep -q "PROT_READ|PROT_EXEC" "$E2E_TMP/trace"
check "no memory is writable and executable (MemoryDenyWriteExecute)" \
	not grep -q "PROT_WRITE|PROT_EXEC" "$E2E_TMP/trace"
check "sockets are IPv4 (control for the next check)" grep -q "socket(AF_INET," "$E2E_TMP/trace"
# other_families: the sockets of a family the unit does not allow.
other_families() {
	grep -E "socket(pair)?\(AF_" "$E2E_TMP/trace" |
		grep -vE "\((AF_UNIX|AF_INET|AF_INET6)," | grep -q .
}
check "and of no family beyond RestrictAddressFamilies" not other_families
