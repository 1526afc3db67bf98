# The account erasure's end-to-end helpers (sourced after lib.sh).

# lacks TEXT CAPTURE: TEXT is nowhere in CAPTURE.
lacks() { ! grep -qF -- "$1" <<<"$2"; }

# check_erased NAME PASSWORD POST: what stays after NAME's erasure when the
# posts are kept: no account by that name, no login, POST still in the
# first thread of the first board by "deleted member" as bob reads it
# (left in $out for more checks), the name nowhere there, and the audit log
# with the erasure by id and no line naming them (bob's lines: the
# control that the log names people at all).
check_erased() {
	local audit rc
	admin user show "$1" >/dev/null 2>&1; rc=$?
	check "the account is gone by name" test "$rc" -eq 1
	out=$(plain_session "$1" "$2" "\nq\n" 2>&1)
	check "$1 cannot log in any more" lacks "Main menu" "$out"
	out=$(plain_session bob "$2" "\n1\n1\n1\nq\nq\nq\nq\n" 2>&1)
	check "the post stays with its text" grep -qF -- "$3" <<<"$out"
	check "by \"deleted member\"" grep -q "^1\. $(po_text en person.deleted_member)," <<<"$out"
	check "and $1 is named nowhere" lacks "$1" "$out"
	audit=$(admin audit)
	check "the audit log has the erasure by id" grep -q "account.erase.*#[0-9]" <<<"$audit"
	check "and no line naming $1" lacks "$1" "$audit"
	check "the audit log names other accounts (control)" grep -q "bob" <<<"$audit"
}
