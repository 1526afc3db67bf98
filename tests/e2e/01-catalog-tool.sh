#!/usr/bin/env bash
# The catalog converter (i18n/tools/po2txt.c) refuses an entry with two
# msgstr lines, which a merge of two branches' translations can leave and
# which would otherwise join both texts into one; the same entry with one
# msgstr converts (the positive control). No server is needed.
set -u
PO2TXT=$(cd "$(dirname "$0")/../.." && pwd)/${BUILD:-build}/i18n/po2txt
T=$(mktemp -d /tmp/tinklas-po2txt.XXXXXX)
trap 'rm -rf "$T"' EXIT
ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
printf '%s\n' 'msgid ""' 'msgstr ""' '"Content-Type: text/plain; charset=UTF-8\n"' '' \
	'msgctxt "calendar.eldership.panemune"' 'msgid "Panemunė"' 'msgstr "Панемуне"' >"$T/one.po"
{ cat "$T/one.po"; echo 'msgstr "Панямуне"'; } >"$T/two.po"
if "$PO2TXT" uk "$T/one.po" "$T/one.txt" 2>"$T/one.err" &&
    grep -q '"Панемуне"' "$T/one.txt"; then
	ok "an entry with one msgstr converts"
else
	not_ok "an entry with one msgstr converts: $(cat "$T/one.err")"
fi
if "$PO2TXT" uk "$T/two.po" "$T/two.txt" 2>"$T/two.err"; then
	not_ok "an entry with two msgstr lines is refused"
else
	ok "an entry with two msgstr lines is refused"
fi
if grep -q "a second msgstr in one entry" "$T/two.err"; then
	ok "and the error names why and where ($(cat "$T/two.err"))"
else
	not_ok "and the error names why: $(cat "$T/two.err")"
fi
