#!/usr/bin/env bash
# Who may suspend whom, end to end: from the report queue a moderator may
# suspend a member but not another moderator or an admin; the queue says so
# in the moderator's language and nothing of the resolution happens. A
# board moderator is refused the same way from the thread. The admin
# command may suspend a moderator. (Bug: a moderator could suspend a
# moderator or an admin from the queue.)
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1
add_user aiste "moderate-kindly-often-5" moderator lt || exit 1
add_user marius "guard-the-river-bank-8" moderator en || exit 1
add_user jonas "pienas-duona-sviestas-7" member en || exit 1
add_user ruta "linden-river-kaunas-42" member en || exit 1
add_user bronius "board-keeper-walks-3" member lt || exit 1
admin board add "Language club" >/dev/null || exit 1
admin board moderators 1 add bronius >/dev/null || exit 1

# Marius (a moderator) starts a thread; ruta reports it.
out=$(plain_session marius "guard-the-river-bank-8" \
	"\n1\n1\nn\nRules of the club\nBe kind.\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the moderator's thread is published" grep -q "Your post is published." <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\n1\nx\nI do not like it\nq\nq\nq\nq\n" 2>&1)
check "ruta reports the moderator's post" grep -q "Thank you. The moderators will look at it." <<<"$out"

# Aiste, in Lithuanian, tries to suspend its author from the queue.
out=$(plain_session aiste "moderate-kindly-often-5" \
	"\n3\ns\nNepatinka\n7\n\nq\nq\nq\nq\n" 2>&1)
check "the queue lists the report" grep -q "I do not like it" <<<"$out"
check "the queue refuses, in Lithuanian" grep -q "Moderatoriaus ar administratoriaus paskyrą sustabdyti gali tik administratorius." <<<"$out"
out=$(admin user show marius)
check "the moderator is not suspended" grep -qE "^status: +active" <<<"$out"
out=$(admin audit)
check "nothing was audited as a suspension" bash -c '! grep -q "user.suspend\|report.suspend" <<<"$0"' "$out"
out=$(admin report list)
check "the report stays open" grep -q "I do not like it" <<<"$out"

# Bronius moderates the board (a member assigned to it): from the thread he
# may not suspend the moderator either.
out=$(plain_session bronius "board-keeper-walks-3" \
	"\n1\n1\n1\n1\ns\nNe\n7\n\nq\nq\nq\nq\nq\n" 2>&1)
check "the board moderator is asked to suspend the author" grep -q "Sustabdyti įrašo 1 autoriaus (marius) paskyrą" <<<"$out"
check "the thread refuses, in Lithuanian" grep -q "Moderatoriaus ar administratoriaus paskyrą sustabdyti gali tik administratorius." <<<"$out"
out=$(admin user show marius)
check "the moderator is still not suspended" grep -qE "^status: +active" <<<"$out"

# Positive control: jonas (a member) replies, ruta reports it, and aiste
# suspends him from the queue.
out=$(plain_session jonas "pienas-duona-sviestas-7" \
	"\n1\n1\n1\nr\nBuy cheap watches\n.\n\nq\nq\nq\nq\n" 2>&1)
check "the member's reply is published" grep -q "^2\. jonas" <<<"$out"
out=$(plain_session ruta "linden-river-kaunas-42" \
	"\n1\n1\n1\n2\nx\nspam\nq\nq\nq\nq\n" 2>&1)
check "ruta reports the member's post" grep -q "Thank you. The moderators will look at it." <<<"$out"
out=$(admin report resolve 1 dismiss --reason "a moderator's rules" 2>&1)
check "the admin command dismisses the first report" grep -q "dismissed" <<<"$out"
out=$(plain_session aiste "moderate-kindly-often-5" \
	"\n3\ns\nReklama\n7\n\nq\nq\nq\nq\n" 2>&1)
check "the queue lists the member's report" grep -q "spam" <<<"$out"
check "a moderator suspends a member from the queue" grep -q "Atlikta. Tai įrašyta į veiksmų žurnalą." <<<"$out"
out=$(admin user show jonas)
check "the member is suspended" grep -qE "^status: +suspended until" <<<"$out"
out=$(admin audit)
check "the suspension names the account by id" grep -qE "user\.suspend  account [0-9]+ \(jonas\)  7 days: Reklama" <<<"$out"

# The admin command may suspend a moderator.
check "the admin command suspends a moderator" bash -c "\"$BIN\" admin --config \"$E2E_TMP/tinklas.conf\" user suspend marius --days 1 --reason test >/dev/null"
out=$(admin audit)
check "that suspension names the account by id" grep -qE "user\.suspend  account [0-9]+ \(marius\)  1 day: test" <<<"$out"
