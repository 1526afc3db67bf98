#!/usr/bin/env bash
# The directory from the shell (issue 9): `tinklas admin org add/list/
# members` and `tinklas admin tag list/merge`, against the demo's
# organisations and tags; refusals say why and exit 1.
. "$(dirname "$0")/lib.sh"
mkdir -p "$DATA"
printf '%s\n' "data = $DATA" "language = en" >"$E2E_TMP/tinklas.conf"
admin init >/dev/null 2>&1 || exit 1
admin demo >/dev/null 2>&1 || exit 1

out=$(admin org list 2>&1)
check "the demo's organisations are listed" grep -q "library .*Kauno apskrities viešoji biblioteka" <<<"$out"
check "with the NGO's members counted" grep -Eq "ngo +silainiai +2 +Bendrystės tiltai" <<<"$out"
out=$(admin org add --kind school --name "Šilainių progimnazija" --eldership silainiai --contact "Kaunas" 2>&1)
check "an organisation is added" grep -q "^added organisation 4$" <<<"$out"
out=$(admin org add --kind shop --name "Parduotuvė" 2>&1); rc=$?
check "an unknown kind is refused, with why" grep -q "Choose the kind" <<<"$out"
check "(exit status 1)" test "$rc" -eq 1
check "the school is listed" grep -q "school .*Šilainių progimnazija" <<<"$(admin org list 2>&1)"
out=$(admin org members 4 jonas admin 2>&1)
check "a member is made its admin" grep -q "jonas: admin of organisation 4" <<<"$out"
check "and listed as such" grep -Eq "^[0-9]+ +jonas +admin +Jonas Kazlauskas" <<<"$(admin org members 4 2>&1)"
admin org members 4 jonas remove >/dev/null 2>&1
check "and removed" grep -q "^no members$" <<<"$(admin org members 4 2>&1)"
out=$(admin org members 99 2>&1)
check "an unknown organisation is named" grep -q "no organisation 99" <<<"$out"

out=$(admin tag list --query lietuv 2>&1)
check "tags are listed with their uses" grep -Eq "^3 +Lietuvių kalba$" <<<"$out"
check "(a positive control)" grep -Eq "^1 +Sodininkystė$" <<<"$(admin tag list 2>&1)"
out=$(admin tag merge "SODININKYSTĖ" "bėgimas" 2>&1)
check "a tag is merged into another" grep -q "^merged" <<<"$out"
check "its use moved" grep -Eq "^2 +Bėgimas$" <<<"$(admin tag list 2>&1)"
check "and the old tag is gone" not grep -q "Sodininkystė" <<<"$(admin tag list 2>&1)"
out=$(admin tag merge "nėra tokios" "x" 2>&1); rc=$?
check "merging an unknown tag is refused" test "$rc" -eq 1
check "the merge is in the audit log" grep -q "tag_merge" <<<"$(admin audit 2>&1)"
