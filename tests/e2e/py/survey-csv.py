#!/usr/bin/python3
# Reads a survey's results CSV (`ssh host survey-ID.csv`, core/survey-csv.c)
# with Python's own csv module, held to RFC 4180 as the issue asks: UTF-8,
# CRLF after every record, the header the house writes, every record as
# wide as the header and no cell a spreadsheet would take for a formula.
# Prints the figures one a line, for the script to hold against the
# results screen:
#   responses N
#   QUESTION asked|answered|not_asked N
#   QUESTION ITEM N          (an option's or a scale value's count)
#   QUESTION text VALUE      (a free text, as the spreadsheet shows it)
#   QUESTION mean|median|recommend VALUE
# Exits 1, saying why, when the file is not such a CSV.
# usage: survey-csv.py FILE
import csv, io, sys

HEADER = ["row", "question", "breakdown", "group", "item", "count", "share",
          "value"]


def fail(why):
    print("survey-csv.py: " + why, file=sys.stderr)
    sys.exit(1)


def formula(cell):
    """A cell a spreadsheet would run: it starts with = + - @ or a control
    character, and is not a number (a negative recommend score)."""
    try:
        float(cell)
        return False
    except ValueError:
        return cell[:1] in ("=", "+", "-", "@", "\t", "\r")


raw = open(sys.argv[1], "rb").read()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    fail("not UTF-8: %s" % e)
if not text.endswith("\r\n"):
    fail("the last record does not end in CRLF")
if "\n" in text.replace("\r\n", ""):
    fail("a line ends in a bare LF")
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
if not rows or rows[0] != HEADER:
    fail("header %r" % (rows[0] if rows else None))
for n, r in enumerate(rows[1:], 2):
    if len(r) != len(HEADER):
        fail("record %d has %d fields: %r" % (n, len(r), r))
    if any(formula(c) for c in r):
        fail("record %d holds a formula cell: %r" % (n, r))
for r in rows[1:]:
    d = dict(zip(HEADER, r))
    if d["breakdown"] != "":
        continue        # the groups' figures: the screen shows none here
    if d["row"] == "responses":
        print("responses %d" % int(d["count"]))
    elif d["row"] in ("asked", "answered", "not_asked"):
        print("%s %s %d" % (d["question"], d["row"], int(d["count"])))
    elif d["row"] in ("option", "scale"):
        print("%s %s %d" % (d["question"], d["item"], int(d["count"])))
    elif d["row"] in ("mean", "median", "recommend"):
        print("%s %s %s" % (d["question"], d["row"], d["value"]))
    elif d["row"] == "text":
        print("%s text %s" % (d["question"], d["value"]))
