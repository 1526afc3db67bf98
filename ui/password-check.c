/* A member retyping their password inside a session (change password,
 * delete my account) gets the same protection as the SSH login: each wrong
 * password is logged and costs a growing pause, and the fifth in a session
 * ends it. Without it a stolen open session could guess the password at
 * the hash's speed (40 tries in 1.4 s) and then take the account over or
 * delete it. The count is the session's, so moving between the two
 * screens does not reset it. */
#include "ui/ui.h"
#include "common/log.h"
#include "core/accounts.h"
#include "i18n/i18n.h"

#include <errno.h>
#include <time.h>

/* The pause after the nth wrong password: n half-seconds. */
static void
pause_after(int n)
{
	struct timespec ts = { .tv_sec = n / 2, .tv_nsec = (n % 2) * 500000000L };

	/* A signal: sleep the rest, unless the session is hanging up. */
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !ui_hangup)
		;
}

int
app_check_password(struct app *app, const char *password)
{
	char name[128];

	if (account_verify_password(app->db, app->acct.name, password,
	    NULL) == 0)
		return 0;
	app->password_failures++;
	log_escape(app->acct.name, name, sizeof name);
	log_info("Wrong password in the session of %s (%d of %d)", name,
	    app->password_failures, APP_PASSWORD_TRIES);
	if (app->password_failures >= APP_PASSWORD_TRIES) {
		log_info("Too many wrong passwords in the session of %s: "
		    "session ended", name);
		app_notice(app, T("password.too_many"));
		app->quit = true;
		return -1;
	}
	pause_after(app->password_failures);
	return -1;
}
