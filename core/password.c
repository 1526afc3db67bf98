/* yescrypt hashing and password quality. More hashes at once than cores only
 * adds delay (RELIABILITY.md), so each hash holds one of nproc flock slots,
 * files next to the database that every process on the server shares. */
#include "core/password.h"
#include "core/sanitize.h"
#include "common/log.h"
#include "common/xalloc.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <pwquality.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#define PASSWORD_BYTES_MAX	1024

static int	slot_acquire(const char *);
static void	slot_release(int);
static char	*hash_with(const char *, const char *, const char *);
static bool	same_ct(const char *, const char *);
static pwquality_settings_t *pwq_settings(void);

/* For tests: a dictionary path in place of libpwquality's (NULL: its own,
 * Debian's /var/cache/cracklib/cracklib_dict or pwquality.conf's). */
static const char *dict_override;

void
password_set_dict(const char *base)
{
	dict_override = base;
}

const char *
password_dict_missing(void)
{
	static char missing[512];
	pwquality_settings_t *pwq;
	const char *base = NULL;
	char *path;
	int ok;

	if ((pwq = pwquality_default_settings()) == NULL)
		return "libpwquality";
	pwquality_read_config(pwq, NULL, NULL);
	if (dict_override != NULL)
		base = dict_override;
	else if (pwquality_get_str_value(pwq, PWQ_SETTING_DICT_PATH,
	    &base) != 0 || base == NULL || *base == '\0')
		base = "cracklib's default";
	/* cracklib opens base.pwd, .pwi and .hwm; .pwd alone tells. */
	path = xasprintf("%s.pwd", base);
	ok = access(path, R_OK) == 0;
	free(path);
	snprintf(missing, sizeof missing, "%s", base);
	pwquality_free_settings(pwq);
	return ok ? NULL : missing;
}

char *
password_hash(const char *lockbase, const char *password)
{
	char *setting, *hash;

	setting = crypt_gensalt_ra("$y$", 0, NULL, 0);
	if (setting == NULL) {
		log_error("%s: crypt_gensalt_ra: %s", __func__,
		    strerror(errno));
		return NULL;
	}
	hash = hash_with(lockbase, password, setting);
	free(setting);
	return hash;
}

bool
password_verify(const char *lockbase, const char *password,
    const char *hash)
{
	static char *dummy;
	char *got;
	bool ok;

	if (dummy == NULL)
		dummy = crypt_gensalt_ra("$y$", 0, NULL, 0);
	if (hash == NULL || strncmp(hash, "$y$", 3) != 0) {
		if (dummy != NULL)
			free(hash_with(lockbase, password, dummy));
		return false;
	}
	if ((got = hash_with(lockbase, password, hash)) == NULL)
		return false;
	ok = same_ct(got, hash);
	free(got);
	return ok;
}

const char *
password_quality(const char *password, const char *name, int min_len)
{
	pwquality_settings_t *pwq;
	int rc;

	if (strlen(password) > PASSWORD_BYTES_MAX)
		return "error.password.long";
	if (utf8_count(password) < (size_t)min_len)
		return "error.password.short";
	if ((pwq = pwq_settings()) == NULL)
		return NULL;	/* a broken setup never refuses a password */
	rc = pwquality_check(pwq, password, NULL, name, NULL);
	pwquality_free_settings(pwq);
	if (rc >= 0)
		return NULL;
	switch (rc) {
	case PWQ_ERROR_MIN_LENGTH:
		return "error.password.short";
	case PWQ_ERROR_USER_CHECK:
	case PWQ_ERROR_GECOS_CHECK:
		return "error.password.contains_name";
	default:
		return "error.password.weak";
	}
}

/* libpwquality's settings: the site's /etc/security/pwquality.conf, when
 * there is one, and no dictionary check when the dictionary is missing
 * (cracklib would refuse every password then: a setup error, logged once
 * here and named by `serve` and `admin init` at start, never a weak
 * password). NULL when libpwquality cannot start. */
static pwquality_settings_t *
pwq_settings(void)
{
	static bool told;
	pwquality_settings_t *pwq;
	const char *missing;

	if ((pwq = pwquality_default_settings()) == NULL) {
		log_error("%s: libpwquality cannot start; passwords are "
		    "checked for length only", __func__);
		return NULL;
	}
	pwquality_read_config(pwq, NULL, NULL);
	if (dict_override != NULL)
		pwquality_set_str_value(pwq, PWQ_SETTING_DICT_PATH,
		    dict_override);
	if ((missing = password_dict_missing()) != NULL) {
		if (!told)
			log_error("password dictionary %s is missing (install "
			    "the Debian package cracklib-runtime); checking "
			    "passwords without it", missing);
		told = true;
		pwquality_set_int_value(pwq, PWQ_SETTING_DICT_CHECK, 0);
	}
	return pwq;
}

/* Hashes password with setting while holding a slot. Returns a new string
 * or NULL. */
static char *
hash_with(const char *lockbase, const char *password, const char *setting)
{
	struct crypt_data *cd;
	char *out = NULL;
	int fd;

	if (strlen(password) > PASSWORD_BYTES_MAX)
		password = "";		/* still spend the time */
	cd = xcalloc(1, sizeof *cd);
	fd = slot_acquire(lockbase);
	if (crypt_rn(password, setting, cd, sizeof *cd) != NULL &&
	    cd->output[0] != '*')
		out = xstrdup(cd->output);
	slot_release(fd);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return out;
}

/* Takes a free slot lock, or waits for one picked by pid. Returns the fd
 * to release, or -1 when locking is impossible (then hashing goes on:
 * the limit is for speed, not safety). */
static int
slot_acquire(const char *lockbase)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	char *path;
	int i, fd, n = ncpu > 0 ? (int)ncpu : 1;

	for (i = 0; i <= n; i++) {
		/* Pass n: nothing was free, wait on one slot. */
		int slot = i < n ? i : (int)(getpid() % n);

		path = xasprintf("%s.hashlock.%d", lockbase, slot);
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		    0600);
		free(path);
		if (fd < 0)
			return -1;
		if (flock(fd, i < n ? LOCK_EX | LOCK_NB : LOCK_EX) == 0)
			return fd;
		close(fd);
	}
	return -1;
}

static void
slot_release(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* Compares two strings without an early exit. */
static bool
same_ct(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i;
	unsigned char d = la != lb;

	for (i = 0; i < la && i < lb; i++)
		d |= (unsigned char)a[i] ^ (unsigned char)b[i];
	return d == 0;
}
