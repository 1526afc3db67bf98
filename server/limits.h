/* The listener's pure bookkeeping, kept apart from sockets so it can be
 * tested alone: source keys (an IPv4 /32 or an IPv6 /64), OpenSSH
 * 9.8-style per-source penalties and MaxStartups-style random early drop. */
#ifndef TINKLAS_SERVER_LIMITS_H
#define TINKLAS_SERVER_LIMITS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

struct config;

/* The address block one source stands for. */
struct source_key {
	uint8_t	 family;	/* AF_INET or AF_INET6 */
	uint8_t	 addr[16];	/* v4: 4 bytes; v6: the /64, the rest zero */
};

/* What a finished connection process did, from its exit status. */
enum penalty_kind {
	PENALTY_NONE,
	PENALTY_AUTHFAIL,
	PENALTY_NOAUTH,
	PENALTY_GRACE,
	PENALTY_CRASH,
};

struct penalty_entry {
	struct source_key key;
	int64_t		 expiry_ms;	/* monotonic */
	bool		 active;	/* refused until expiry */
};

#define PENALTY_TABLE_MAX	4096

struct penalty_table {
	struct penalty_entry	*v;
	int			 n, cap;
	int			 secs[PENALTY_CRASH + 1];
	int			 refuse_at;	/* seconds */
	int			 max;		/* seconds */
};

/* Fills key from a peer address; IPv4-mapped IPv6 counts as IPv4. Returns
 * 0, or -1 for another family. */
int source_key_from_sockaddr(const struct sockaddr *sa, struct source_key *key);
bool source_key_equal(const struct source_key *a, const struct source_key *b);

/* The penalty a connection process earns: status is its wait status,
 * authenticated whether it told the listener it logged someone in. */
enum penalty_kind penalty_for_status(int status, bool authenticated);
const char *penalty_name(enum penalty_kind kind);

void penalty_init(struct penalty_table *t, const struct config *cfg);
/* Takes cfg's penalty seconds (a reload), keeping the sources' penalties. */
void penalty_settings(struct penalty_table *t, const struct config *cfg);
void penalty_free(struct penalty_table *t);
/* Adds kind's seconds to key's penalty (capped at the maximum); returns
 * the seconds of penalty the source now has left. */
int penalty_add(struct penalty_table *t, const struct source_key *key,
    enum penalty_kind kind, int64_t now_ms);
/* True when key is refused at now_ms; *left_s gets the seconds left. */
bool penalty_refused(struct penalty_table *t, const struct source_key *key,
    int64_t now_ms, int *left_s);

/* Recent events per source (registration sessions), for a rate over a
 * sliding window; bounded, the oldest forgotten first. */
struct recent_entry {
	struct source_key key;
	int64_t		 at_ms;	/* monotonic */
};

#define RECENT_TABLE_MAX	4096

struct recent_table {
	struct recent_entry	*v;
	int			 n, cap;
};

/* Records one event of key at now_ms. */
void recent_add(struct recent_table *t, const struct source_key *key,
    int64_t now_ms);
/* The events of key in the window_ms before now_ms; older ones are
 * dropped on the way. */
int recent_count(struct recent_table *t, const struct source_key *key,
    int64_t now_ms, int64_t window_ms);
void recent_free(struct recent_table *t);

/* An address block of penalty_exempt (as OpenSSH's
 * PerSourcePenaltyExemptList): sources in it never earn a penalty. */
struct source_net {
	uint8_t	 family;
	uint8_t	 addr[16];
	int	 bits;
};

/* Parses a list of addresses and CIDR blocks, separated by commas or
 * blanks ("10.0.0.0/8, 192.0.2.7 2001:db8::/32"). Returns the count (0 for
 * an empty list) with *out allocated, or -1 for a bad entry. */
int source_nets_parse(const char *list, struct source_net **out);
/* True when the numeric address addr (IPv4-mapped IPv6 counts as IPv4)
 * lies in one of the n blocks. */
bool source_nets_match(const struct source_net *v, int n, const char *addr);

/* OpenSSH's MaxStartups begin:rate:full decision for a new connection
 * while unauth are waiting to log in; r is a random number in [0, 100).
 * Returns true when the connection is to be dropped. */
bool startups_drop(int unauth, int begin, int rate, int full, uint32_t r);

#endif
