#include "server/limits.h"

#include "common/config.h"
#include "common/xalloc.h"
#include "server/conn_status.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static struct penalty_entry *penalty_find(struct penalty_table *,
    const struct source_key *, int64_t);
static int	parse_addr(const char *, uint8_t[16], uint8_t *);

int
source_key_from_sockaddr(const struct sockaddr *sa, struct source_key *key)
{
	const struct sockaddr_in *sin;
	const struct sockaddr_in6 *sin6;

	memset(key, 0, sizeof *key);
	if (sa->sa_family == AF_INET) {
		sin = (const struct sockaddr_in *)sa;
		key->family = AF_INET;
		memcpy(key->addr, &sin->sin_addr, 4);
		return 0;
	}
	if (sa->sa_family != AF_INET6)
		return -1;
	sin6 = (const struct sockaddr_in6 *)sa;
	if (IN6_IS_ADDR_V4MAPPED(&sin6->sin6_addr)) {
		key->family = AF_INET;
		memcpy(key->addr, &sin6->sin6_addr.s6_addr[12], 4);
		return 0;
	}
	key->family = AF_INET6;
	memcpy(key->addr, &sin6->sin6_addr, 8);	/* the /64 */
	return 0;
}

bool
source_key_equal(const struct source_key *a, const struct source_key *b)
{
	return a->family == b->family &&
	    memcmp(a->addr, b->addr, sizeof a->addr) == 0;
}

enum penalty_kind
penalty_for_status(int status, bool authenticated)
{
	if (WIFSIGNALED(status))
		return PENALTY_CRASH;
	if (!WIFEXITED(status) || authenticated)
		return PENALTY_NONE;
	switch (WEXITSTATUS(status)) {
	case CONN_EXIT_AUTHFAIL:
		return PENALTY_AUTHFAIL;
	case CONN_EXIT_NOAUTH:
		return PENALTY_NOAUTH;
	case CONN_EXIT_GRACE:
		return PENALTY_GRACE;
	default:
		/* 0, server-side errors and refusals by policy cost nothing. */
		return PENALTY_NONE;
	}
}

const char *
penalty_name(enum penalty_kind kind)
{
	switch (kind) {
	case PENALTY_AUTHFAIL: return "authfail";
	case PENALTY_NOAUTH: return "noauth";
	case PENALTY_GRACE: return "grace-exceeded";
	case PENALTY_CRASH: return "crash";
	default: return "none";
	}
}

void
penalty_init(struct penalty_table *t, const struct config *cfg)
{
	memset(t, 0, sizeof *t);
	penalty_settings(t, cfg);
}

void
penalty_settings(struct penalty_table *t, const struct config *cfg)
{
	t->secs[PENALTY_AUTHFAIL] = cfg->penalty_authfail;
	t->secs[PENALTY_NOAUTH] = cfg->penalty_noauth;
	t->secs[PENALTY_GRACE] = cfg->penalty_grace;
	t->secs[PENALTY_CRASH] = cfg->penalty_crash;
	t->refuse_at = cfg->penalty_min;
	t->max = cfg->penalty_max;
}

void
penalty_free(struct penalty_table *t)
{
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

/* Returns key's live entry, dropping expired ones on the way. */
static struct penalty_entry *
penalty_find(struct penalty_table *t, const struct source_key *key,
    int64_t now_ms)
{
	int i = 0;

	while (i < t->n) {
		if (t->v[i].expiry_ms <= now_ms) {
			t->v[i] = t->v[--t->n];
			continue;
		}
		if (source_key_equal(&t->v[i].key, key))
			return &t->v[i];
		i++;
	}
	return NULL;
}

int
penalty_add(struct penalty_table *t, const struct source_key *key,
    enum penalty_kind kind, int64_t now_ms)
{
	struct penalty_entry *e;
	int64_t max_ms = (int64_t)t->max * 1000;
	int secs = kind <= PENALTY_CRASH ? t->secs[kind] : 0;
	int i, oldest;

	if (kind == PENALTY_NONE || secs <= 0)
		return 0;
	if ((e = penalty_find(t, key, now_ms)) == NULL) {
		if (t->n == t->cap && t->cap < PENALTY_TABLE_MAX) {
			t->cap = t->cap == 0 ? 64 : t->cap * 2;
			t->v = xrealloc(t->v, t->cap * sizeof *t->v);
		}
		if (t->n < t->cap)
			e = &t->v[t->n++];
		else {
			/* Full of live penalties: forget the one ending first. */
			for (oldest = 0, i = 1; i < t->n; i++)
				if (t->v[i].expiry_ms < t->v[oldest].expiry_ms)
					oldest = i;
			e = &t->v[oldest];
		}
		memset(e, 0, sizeof *e);
		e->key = *key;
		e->expiry_ms = now_ms;
	}
	e->expiry_ms += (int64_t)secs * 1000;
	if (e->expiry_ms - now_ms > max_ms)
		e->expiry_ms = now_ms + max_ms;
	if (e->expiry_ms - now_ms >= (int64_t)t->refuse_at * 1000)
		e->active = true;
	return (int)((e->expiry_ms - now_ms + 999) / 1000);
}

bool
penalty_refused(struct penalty_table *t, const struct source_key *key,
    int64_t now_ms, int *left_s)
{
	struct penalty_entry *e = penalty_find(t, key, now_ms);

	*left_s = 0;
	if (e == NULL || !e->active)
		return false;
	*left_s = (int)((e->expiry_ms - now_ms + 999) / 1000);
	return true;
}

bool
startups_drop(int unauth, int begin, int rate, int full, uint32_t r)
{
	int p;

	if (unauth >= full)
		return true;
	if (unauth < begin)
		return false;
	if (rate >= 100 || full <= begin)
		return true;
	p = 100 - rate;
	p *= unauth - begin;
	p /= full - begin;
	p += rate;
	return (int)r < p;
}

/* Fills a and *family from a numeric address; IPv4-mapped becomes IPv4. */
static int
parse_addr(const char *text, uint8_t a[16], uint8_t *family)
{
	struct in6_addr in6;

	memset(a, 0, 16);
	if (inet_pton(AF_INET, text, a) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, text, &in6) != 1)
		return -1;
	if (IN6_IS_ADDR_V4MAPPED(&in6)) {
		memcpy(a, &in6.s6_addr[12], 4);
		*family = AF_INET;
	} else {
		memcpy(a, &in6, 16);
		*family = AF_INET6;
	}
	return 0;
}

int
source_nets_parse(const char *list, struct source_net **out)
{
	struct source_net *v = NULL, *e;
	char word[64], *slash, *end;
	const char *p = list;
	size_t len;
	long bits;
	int n = 0;

	*out = NULL;
	for (;;) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		for (len = 0; p[len] != '\0' && p[len] != ',' &&
		    !isspace((unsigned char)p[len]); len++)
			;
		if (len >= sizeof word)
			goto bad;
		memcpy(word, p, len);
		word[len] = '\0';
		p += len;
		v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
		e = &v[n];
		memset(e, 0, sizeof *e);
		if ((slash = strchr(word, '/')) != NULL)
			*slash = '\0';
		if (parse_addr(word, e->addr, &e->family) != 0)
			goto bad;
		e->bits = e->family == AF_INET ? 32 : 128;
		if (slash != NULL) {
			bits = strtol(slash + 1, &end, 10);
			if (slash[1] == '\0' || *end != '\0' || bits < 0 ||
			    bits > e->bits)
				goto bad;
			e->bits = (int)bits;
		}
		n++;
	}
	*out = v;
	return n;
bad:
	free(v);
	return -1;
}

bool
source_nets_match(const struct source_net *v, int n, const char *addr)
{
	uint8_t a[16], family;
	int i, full, rest;

	if (parse_addr(addr, a, &family) != 0)
		return false;
	for (i = 0; i < n; i++) {
		if (v[i].family != family)
			continue;
		full = v[i].bits / 8;
		rest = v[i].bits % 8;
		if (memcmp(a, v[i].addr, (size_t)full) != 0)
			continue;
		if (rest != 0 && ((a[full] ^ v[i].addr[full]) &
		    (0xff << (8 - rest)) & 0xff) != 0)
			continue;
		return true;
	}
	return false;
}

void
recent_add(struct recent_table *t, const struct source_key *key,
    int64_t now_ms)
{
	if (t->n == t->cap && t->cap < RECENT_TABLE_MAX) {
		t->cap = t->cap == 0 ? 64 : t->cap * 2;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof *t->v);
	}
	if (t->n == t->cap) {
		/* Full: the oldest (the first, as events come in order) goes. */
		memmove(t->v, t->v + 1, (size_t)(t->n - 1) * sizeof *t->v);
		t->n--;
	}
	t->v[t->n].key = *key;
	t->v[t->n].at_ms = now_ms;
	t->n++;
}

int
recent_count(struct recent_table *t, const struct source_key *key,
    int64_t now_ms, int64_t window_ms)
{
	int i, old = 0, n = 0;

	while (old < t->n && t->v[old].at_ms <= now_ms - window_ms)
		old++;
	if (old > 0) {
		memmove(t->v, t->v + old, (size_t)(t->n - old) * sizeof *t->v);
		t->n -= old;
	}
	for (i = 0; i < t->n; i++)
		if (source_key_equal(&t->v[i].key, key))
			n++;
	return n;
}

void
recent_free(struct recent_table *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}
