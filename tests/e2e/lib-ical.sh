# The iCalendar helpers of the calendar's end-to-end tests (sourced after
# lib.sh): the feeds over HTTP, and two readers that are not Tinklas's,
# python3-icalendar and calcurse.
PY=/usr/bin/python3

# http PATH OUT: GET from the feeds; the body in OUT, and
# "STATUS|Content-Type|Cache-Control" printed.
http() {
	"$PY" - "$FPORT" "$1" "$2" <<'PYEOF'
import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
c.request("GET", sys.argv[2])
r = c.getresponse()
open(sys.argv[3], "wb").write(r.read())
print("%d|%s|%s" % (r.status, r.getheader("Content-Type"), r.getheader("Cache-Control")))
PYEOF
}

# ical_read FILE: one line per VEVENT, "SUMMARY|start|end|LOCATION|FREQ"
# in Vilnius time as calcurse writes it, read by python3-icalendar, which
# also holds the file to one VTIMEZONE (Europe/Vilnius) and DTSTART in it.
ical_read() {
	"$PY" - "$1" <<'PYEOF'
import sys, datetime
from zoneinfo import ZoneInfo
import icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
tzs = [str(t["TZID"]) for t in cal.walk("VTIMEZONE")]
assert tzs == ["Europe/Vilnius"], tzs
vil = ZoneInfo("Europe/Vilnius")
for ev in cal.walk("VEVENT"):
    s, e = ev["DTSTART"].dt, ev["DTEND"].dt
    assert isinstance(s, datetime.datetime), s
    assert ev["DTSTART"].params["TZID"] == "Europe/Vilnius", ev["DTSTART"].params
    assert s.utcoffset() == s.astimezone(vil).utcoffset()
    s, e = s.astimezone(vil), e.astimezone(vil)
    rule = ev.get("RRULE")
    print("%s|%s|%s|%s|%s" % (ev["SUMMARY"], s.strftime("%m/%d/%Y @ %H:%M"),
          e.strftime("%m/%d/%Y @ %H:%M"), ev.get("LOCATION", ""),
          ",".join(rule["FREQ"]) if rule else ""))
PYEOF
}

# calcurse imports it, in its own data folder, in the site's zone; its
# appointments keep each event's title, times and place (in the note), and
# the weekly one recurs.
calcurse_same() {
	local ics=$1 read=$2 dir=$3
	mkdir -p "$dir"
	TZ=Europe/Vilnius calcurse -D "$dir" -i "$ics" >"$dir/import.out" 2>&1 || return 1
	"$PY" - "$read" "$dir" <<'PYEOF'
import sys, os
read, d = sys.argv[1], sys.argv[2]
apts = open(os.path.join(d, "apts"), encoding="utf-8").read().splitlines()
bad = 0
for line in open(read, encoding="utf-8").read().splitlines():
    title, start, end, place, freq = line.split("|")
    hits = [a for a in apts if a.startswith("%s -> %s" % (start, end)) and
            a.endswith("|" + title)]
    if len(hits) != 1:
        print("# not in calcurse: %s %s -> %s" % (title, start, end)); bad += 1
        continue
    a = hits[0]
    if (freq == "WEEKLY") != ("{1W" in a):
        print("# recurrence lost: " + a); bad += 1
    note = a.split(">")[-1].split(" |")[0] if ">" in a else ""
    text = open(os.path.join(d, "notes", note), encoding="utf-8").read() if note else ""
    if place and "Location: " + place not in text:
        print("# place lost: %s" % title); bad += 1
print("# %d of %d events checked in calcurse" % (len(open(read).read().splitlines()), len(apts)))
sys.exit(1 if bad or len(apts) != len(open(read).read().splitlines()) else 0)
PYEOF
}
