#!/usr/bin/env bash
# Registration through `new` in the full-screen UI, then logging in again
# with the password: the welcome screen remembers the last visit.
. "$(dirname "$0")/lib.sh"
e2e_start || exit 1

# The client sends LANG (as Debian's ssh does): the form starts in Ukrainian.
tm_start reg "env LANG=uk_UA.UTF-8 $(ssh_cmd new -o PubkeyAuthentication=no)"
check "new gets the registration form in the client's language" tm_wait reg "Створити обліковий запис" 15
# The language comes first, each in its own name: choose English.
for _ in 1 2 3 4 5; do
	tm_screen reg | grep -q "< English >" && break
	tm_keys reg Right
	sleep 0.1
done
check "language choice shows English" tm_wait reg "< English >"
tm_keys reg Enter
tm_type reg "ruta"; tm_keys reg Enter
tm_type reg "Rūta Petraitienė"; tm_keys reg Enter
tm_type reg "short"; tm_keys reg Enter
check "a short password is refused with a clear message" tm_wait reg "at least 10 characters"
tm_keys reg C-u
tm_type reg "kaunas-linden-river-42"; tm_keys reg Enter
tm_type reg "kaunas-linden-river-42"; tm_keys reg Enter
tm_keys reg Enter
check "the new member is asked for the screen mode" tm_wait reg "How do you want to use Tinklas?"
tm_keys reg Enter
check "the welcome screen greets by display name" tm_wait reg "You are logged in as Rūta Petraitienė."
tm_keys reg Enter
check "the main menu follows" tm_wait reg "Main menu"
check "the status line names the member" tm_wait reg "Rūta Petraitienė"
tm_keys reg q
check "q on the main menu logs out" tm_wait reg "Goodbye"

tm_login again ruta "kaunas-linden-river-42"
check "the password logs in and the last visit is shown" tm_wait again "Your last visit:" 15
check "the mode question is not asked twice" bash -c "! tmux -L $TMUX_SOCK capture-pane -p -t again | grep -q 'How do you want'"
y_x=$(tm_cursor again)
line=$(tm_screen again | sed -n "$(( ${y_x% *} + 1 ))p")
check "the hardware cursor stands on the focused item, marked >" grep -q "^ *> " <<<"$line"
