#!/usr/bin/env bash
# Survey files from the shell (issue 10): `tinklas admin survey templates/
# template/import/export/list`. A template imports as a draft, exports as
# a file that imports again to the same survey; a broken file is refused
# with FILE:LINE:COLUMN and why, and exit 1.
. "$(dirname "$0")/lib.sh"
mkdir -p "$DATA"
printf '%s\n' "data = $DATA" "language = en" >"$E2E_TMP/tinklas.conf"
admin init >/dev/null 2>&1 || exit 1

out=$(admin survey templates 2>&1)
check "the built-in templates are listed" grep -Eq "^learning-in-kaunas +Learning in Kaunas$" <<<"$out"
check "(all three)" test "$(wc -l <<<"$out")" -eq 3
admin survey template learning-in-kaunas >"$E2E_TMP/lk.yaml" 2>&1
check "a template prints as a survey file" grep -q "^format: tinklas-survey 1$" "$E2E_TMP/lk.yaml"
out=$(admin survey import "$E2E_TMP/lk.yaml" 2>&1)
check "and imports as a draft" grep -q "^imported survey 1 (a draft)$" <<<"$out"
check "which is listed" grep -Eq "^1 +draft +all +0 +Learning in Kaunas$" <<<"$(admin survey list 2>&1)"
admin survey export 1 "$E2E_TMP/out.yaml" >/dev/null 2>&1
check "it exports to a file" grep -q "took_part" "$E2E_TMP/out.yaml"
admin survey import "$E2E_TMP/out.yaml" >/dev/null 2>&1
admin survey export 2 >"$E2E_TMP/again.yaml" 2>&1
check "that imports again to the same survey" cmp -s "$E2E_TMP/out.yaml" "$E2E_TMP/again.yaml"

admin survey template event-feedback >"$E2E_TMP/ev.yaml" 2>&1
out=$(admin survey import "$E2E_TMP/ev.yaml" 2>&1); rc=$?
check "an event's survey needs the event" grep -q "give --event ID" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1

printf '%s\n' "format: tinklas-survey 1" "first_language: en" "title: T" \
    "questions:" "  - key: a" "    kind: slider" "    text: A" >"$E2E_TMP/bad.yaml"
out=$(admin survey import "$E2E_TMP/bad.yaml" 2>&1); rc=$?
check "a bad kind is refused at its line" grep -q "bad.yaml:6:11: Unknown question kind “slider”" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1
printf '%s\n' "format: tinklas-survey 1" "title: \"T" >"$E2E_TMP/quote.yaml"
out=$(admin survey import "$E2E_TMP/quote.yaml" 2>&1)
check "an unclosed quote is refused at its line" grep -q "quote.yaml:2:8: This is not valid YAML" <<<"$out"
check "nothing more was imported" test "$(admin survey list 2>&1 | wc -l)" -eq 3
out=$(admin survey export 9 2>&1); rc=$?
check "an unknown survey is named" grep -q "no survey 9" <<<"$out"
check "the imports are in the audit log" grep -q "survey_create" <<<"$(admin audit 2>&1)"
