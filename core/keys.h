/* SSH public keys per account, indexed by their SHA256 fingerprint (the
 * text ssh-keygen -lf prints, "SHA256:..."). Parsing and fingerprinting a
 * key line is core/pubkey's job; this module only stores. */
#ifndef TINKLAS_KEYS_H
#define TINKLAS_KEYS_H

#include <stdint.h>

#include "core/error.h"

struct actor;

struct db;

struct sshkey_row {
	int64_t	 id;
	int64_t	 account_id;
	char	 type[32];		/* "ssh-ed25519" */
	char	*blob;			/* base64, as in authorized_keys */
	char	*comment;
	char	 fingerprint[64];	/* "SHA256:..." */
	int64_t	 created;
};

#define KEYS_PER_ACCOUNT_MAX	20

/* Adding and removing keys are rules: the owner or an admin (and the admin
 * command) only, and the change and its audit entry ("key.add" or
 * "key.remove" on "account <id>", the fingerprint as detail) land in one
 * transaction. Keys: "error.forum.not_allowed", "error.key.duplicate" and
 * "error.key.limit" (field "key"), "error.key.not_found",
 * "error.internal". */
struct core_error key_add_by(struct db *db, const struct actor *a,
    int64_t account_id, const char *type, const char *blob,
    const char *comment, const char *fingerprint);
/* Fills *out with the account's keys, oldest first; returns the count or
 * -1. Free with key_rows_free. */
int key_list(struct db *db, int64_t account_id, struct sshkey_row **out);
void key_rows_free(struct sshkey_row *rows, int n);
/* Removes key key_id if it belongs to account_id. */
struct core_error key_remove_by(struct db *db, const struct actor *a,
    int64_t account_id, int64_t key_id);
/* Finds the key with this fingerprint; 0 and fills out, or -1. The
 * strings in out are allocated: free them with key_row_clear. */
int key_find(struct db *db, const char *fingerprint, struct sshkey_row *out);
void key_row_clear(struct sshkey_row *row);

#endif
