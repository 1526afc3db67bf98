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
	if ((pwq = pwquality_default_settings()) == NULL)
		return "error.password.weak";
	/* The site's /etc/security/pwquality.conf, when there is one. */
	pwquality_read_config(pwq, NULL, NULL);
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
