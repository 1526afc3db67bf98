#!/usr/bin/env bash
# A member's own data over the real ssh client: `ssh ruta@host
# my-data.json`, logged in with her SSH key, writes one JSON document that
# Python's json module parses and that holds each kind of record Tinklas
# keeps about her, held against the database by tests/e2e/py/my-data.py:
# her account and settings, her key, the audit entries about her (the
# admin's key.add and suspension), her posts, her private messages sent
# and received, her event answers, her mentorship and profile (the demo's)
# and her answer to a survey that is not anonymous (published by a
# moderator and answered by her, both in the plain mode). Never a password
# hash nor her secret feed address; nothing of Olena's own (her key),
# which Olena's export does hold (the control). The admin's `user export`
# writes the same document.
. "$(dirname "$0")/lib.sh"
PY=$(dirname "$0")/py
e2e_start "feeds_listen = 127.0.0.1:0" \
	"feeds_url = https://tinklas.example.lt/feeds/" || exit 1
admin demo >"$E2E_TMP/demo.txt" 2>/dev/null || exit 1
pw() { awk -v u="$1" '$1 == u { print $2 }' "$E2E_TMP/demo.txt"; }
lt() { po_text lt "$1"; }
T=$E2E_TMP

# Keys: ruta logs in with hers; Olena's is her own business.
ssh-keygen -q -t ed25519 -N '' -C ruta-laptop -f "$T/ruta_key"
ssh-keygen -q -t ed25519 -N '' -C olena-118-phone -f "$T/olena_key"
admin key add ruta "$(cat "$T/ruta_key.pub")" >/dev/null || exit 1
admin key add olena "$(cat "$T/olena_key.pub")" >/dev/null || exit 1
FP=$(ssh-keygen -lf "$T/ruta_key.pub" | awk '{ print $2 }')
OLENA_FP=$(ssh-keygen -lf "$T/olena_key.pub" | awk '{ print $2 }')
# An audit entry with a reason, about her; lifted again so she can log in.
REASON="Patikra 118: per daug nuorodų"
admin user suspend ruta --days 1 --reason "$REASON" >/dev/null &&
	admin user unsuspend ruta >/dev/null || exit 1

# A survey that is not anonymous, published by a moderator in the plain
# mode (Emma is made one: her language is English).
cat >"$T/survey.yaml" <<'Y'
format: tinklas-survey 1
first_language: lt
anonymous: false
audience: all
title:
  lt: "Eksporto patikra"
  en: "Export check"
questions:
  - key: word
    kind: short
    required: true
    text:
      lt: "Vienas žodis eksportui"
      en: "One word for the export"
Y
SID=$(admin survey import "$T/survey.yaml" | grep -o '[0-9][0-9]*' | head -1)
check "the survey is imported as a draft (survey $SID)" test -n "$SID"
admin user set-role emma moderator >/dev/null
E=$T/emma.out
enum() { grep -aF -- "$2" "$1" | grep -o "^[0-9][0-9]*\." | tail -1 | cut -d. -f1; }
plain_start emma "$(pw emma)" "$E"
plain_send "\n"
file_has "$E" "Surveys (" && plain_send "$(enum "$E" "Surveys (")\n"
file_has "$E" "Manage surveys" && plain_send "$(enum "$E" "Manage surveys")\n"
file_has "$E" "Export check (draft" && plain_send "$(enum "$E" "Export check (draft")\n"
file_has "$E" "p = Publish" && plain_send "p\n"
file_has "$E" "Yes, do it" && plain_send "$(enum "$E" "Yes, do it")\n"
check "the moderator publishes it" eventually \
	bash -c '"$0" admin --config "$1" survey list | grep -Eq "^$2 +open "' \
	"$BIN" "$T/tinklas.conf" "$SID"
plain_end
wait "$PLAIN_PID"

# Ruta answers it in the plain mode, in Lithuanian.
WORD="Šaltibarščiai-118"
R=$T/ruta.out
plain_start ruta "$(pw ruta)" "$R"
plain_send "\n"
file_has "$R" "$(lt menu.surveys) (" && plain_send "$(enum "$R" "$(lt menu.surveys) (")\n"
file_has "$R" "Eksporto patikra (" && plain_send "$(enum "$R" "Eksporto patikra (")\n"
file_has "$R" "1. $(lt survey.take.begin)" && plain_send "1\n"
file_has "$R" "Vienas žodis eksportui" && plain_send "$WORD\n"
file_has "$R" "$WORD" && plain_send "s\n"
check "ruta's identified answer is kept" \
	file_has "$R" "$(lt survey.review.thanks_identified)"
plain_end
wait "$PLAIN_PID"
# Her secret feed address exists (`ssh host feeds` makes it): it must
# stay out of the export.
ssh_run ruta "$(pw ruta)" feeds "$T/feeds.txt"
TOKEN=$(sqlite3 "$DATA/tinklas.db" "SELECT token FROM feed_tokens f JOIN accounts a ON a.id = f.account_id WHERE a.name = 'ruta'")
check "she has a secret feed address" test -n "$TOKEN"
check "(ssh host feeds prints it: the control)" grep -qF -- "$TOKEN" "$T/feeds.txt"

# --- the export itself, with her key over the real ssh client.
timeout 20 ssh "${SSH_OPTS[@]}" -p "$PORT" -i "$T/ruta_key" \
	-o IdentitiesOnly=yes -o PasswordAuthentication=no \
	-o KbdInteractiveAuthentication=no ruta@127.0.0.1 my-data.json \
	</dev/null >"$T/my-data.json" 2>"$T/my-data.err"
rc=$?
check "ssh ruta@host my-data.json exits with status 0" test "$rc" -eq 0
check "it writes no escape codes" not grep -q $'\x1b' "$T/my-data.json"
/usr/bin/python3 "$PY/my-data.py" "$T/my-data.json" "$DATA/tinklas.db" ruta \
	"fingerprint=$FP" "reason=$REASON" "survey=$SID" "answer=$WORD" \
	"absent=$OLENA_FP" "absent=olena-118-phone" "absent=$TOKEN" \
	"present=$WORD"

# The control: Olena's export holds her key (and her own account).
admin user export olena >"$T/olena.json"
/usr/bin/python3 "$PY/my-data.py" "$T/olena.json" "$DATA/tinklas.db" olena \
	"fingerprint=$OLENA_FP" "present=olena-118-phone" "absent=$FP" \
	"absent=$WORD" | sed 's/^\(not \)\{0,1\}ok - /&olena: /'

# The admin's export of ruta is the same document, but for its time and
# the session: over ssh she was logged in while it was written.
admin user export ruta >"$T/admin.json"
same() {
	/usr/bin/python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
live = [s["source"] for s in a["accounts"].pop("sessions")]
none = b["accounts"].pop("sessions")
for d in (a, b):
    d.pop("exported_at")
sys.exit(not (a == b and live == ["127.0.0.1"] and none == []))' "$1" "$2"
}
check "the admin's user export is the same document" same "$T/my-data.json" "$T/admin.json"
check "the admin's export is in the audit log, named by id" bash -c \
	'"$0" admin --config "$1" audit | grep -Eq "user.export +account [0-9]+"' "$BIN" "$T/tinklas.conf"
