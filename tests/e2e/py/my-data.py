#!/usr/bin/python3
# Reads a member's export (`ssh host my-data.json`, core/domain.c) with
# Python's own json module and holds each kind of record against the
# database, read on its own with Python's sqlite3 module (read-only).
# Prints one TAP line per check ("ok - ..." / "not ok - ..."), as the e2e
# scripts do.
# usage: my-data.py EXPORT DB NAME [check=VALUE...]
#   fingerprint=SHA256:...  her key's fingerprint (ssh-keygen -lf)
#   answer=TEXT             her identified survey answer
#   survey=ID               the identified survey
#   reason=TEXT             the reason of an admin's suspension of her
#   absent=TEXT             text that must not be in the file (repeatable)
#   present=TEXT            text that must be in the file (repeatable)
import json, sqlite3, sys, time

path, db_path, name = sys.argv[1:4]
want = {}
absent, present = [], []
for arg in sys.argv[4:]:
    k, v = arg.split("=", 1)
    if k == "absent":
        absent.append(v)
    elif k == "present":
        present.append(v)
    else:
        want[k] = v


def check(what, cond):
    print(("ok - " if cond else "not ok - ") + what)


raw = open(path, "rb").read()
text = raw.decode("utf-8")
try:
    doc = json.loads(text)
except ValueError as e:
    check("the export parses as JSON (%s)" % e, False)
    sys.exit(0)
check("the export parses as JSON", isinstance(doc, dict))
check("it names its format and version",
      doc.get("format") == "tinklas-export" and doc.get("version") == 1)
check("it says when it was made (Unix time, now)",
      isinstance(doc.get("exported_at"), int)
      and abs(doc["exported_at"] - time.time()) < 600)
check("one key per domain", all(isinstance(doc.get(d), dict) for d in (
    "accounts", "forums", "drafts", "inbox", "queue", "calendar",
    "directory", "surveys")))

db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
q = lambda sql, *a: db.execute(sql, a).fetchall()
(uid, pwhash, display), = q(
    "SELECT id, pwhash, display FROM accounts WHERE name = ?", name)
acc = doc["accounts"]
check("the account is hers (name, id, display name)",
      acc["account"]["name"] == name and acc["account"]["id"] == uid
      and acc["account"]["display"] == display)
check("with her settings (language, role)",
      (acc["account"]["lang"], acc["account"]["role"]) == tuple(q(
          "SELECT lang, role FROM accounts WHERE id = ?", uid)[0]))
check("no password hash: no such key", "pwhash" not in text)
check("and not her hash's text", pwhash not in text and "$y$" not in text)

if "fingerprint" in want:
    keys = acc["ssh_keys"]
    blob, = q("SELECT blob FROM ssh_keys WHERE account_id = ?", uid)[0]
    check("her public key, by its fingerprint and its text",
          [k["fingerprint"] for k in keys] == [want["fingerprint"]]
          and keys[0]["public_key"] == blob)
audit = acc["audit"]
check("the audit entries about her account: the admin's key.add",
      any(a["action"] == "key.add" and a["target"] == "account %d" % uid
          and a["actor"] == "admin-command" for a in audit))
if "reason" in want:
    check("and the suspension with its reason", any(
        a["action"] == "user.suspend" and a["detail"].endswith(want["reason"])
        for a in audit))
check("no audit entry that is neither by her nor about her", all(
    a["actor"] == "self" or a["target"] == "account %d" % uid
    for a in audit))

posts = {p["id"]: p["body"] for p in doc["forums"]["posts"]}
check("her posts, every one with its text (%d)" % len(posts),
      len(posts) > 0 and posts == dict(q(
          "SELECT id, body FROM posts WHERE author_id = ?", uid)))

msgs = doc["directory"]["messages"]
mine = dict(q("SELECT m.id, m.body FROM pm_messages m JOIN pm_members s ON "
              "s.conversation_id = m.conversation_id WHERE s.account_id = ?",
              uid))
check("her private messages, sent and received (%d)" % len(msgs),
      {m["id"]: m["body"] for m in msgs} == mine
      and {m["direction"] for m in msgs} == {"sent", "received"})
check("each sent one is hers, each received one the other's", all(
    (m["direction"] == "sent") == (q("SELECT author_id FROM pm_messages "
                                     "WHERE id = ?", m["id"])[0][0] == uid)
    for m in msgs))

names = {1: "going", 2: "maybe", 3: "not_going"}
answers = {(a["event"], a["occurrence"]): a["answer"]
           for a in doc["calendar"]["answers"]}
check("her event answers (%d)" % len(answers), len(answers) > 0 and
      answers == {(e, r): names[x] for e, r, x in q(
          "SELECT event_id, recur_utc, answer FROM cal_answers "
          "WHERE account_id = ?", uid)})

ms = doc["directory"]["mentorships"]
check("her mentorships (%d)" % len(ms), len(ms) > 0 and
      sorted(m["id"] for m in ms) == sorted(r[0] for r in q(
          "SELECT id FROM dir_mentorships WHERE mentor_id = ?1 OR "
          "mentee_id = ?1", uid)))
check("and what the other side did to them, from the audit", any(
    a["target"] == "mentorship %d" % m["id"] and a["actor"] == "other"
    for m in ms for a in doc["directory"]["audit"]))
prof = doc["directory"]["profile"]
check("her profile, with its text",
      prof is not None and prof["bio"] == q(
          "SELECT bio FROM dir_profiles WHERE account_id = ?", uid)[0][0])

if "survey" in want:
    sv = doc["surveys"]
    check("her identified survey response",
          [r["survey"] for r in sv["responses"]] == [int(want["survey"])])
    check("with her answer", [(a["survey"], a["text"]) for a in sv["answers"]]
          == [(int(want["survey"]), want["answer"])])
for t in absent:
    check("not in it: %s" % t, t not in text)
for t in present:
    check("in it: %s" % t, t in text)
