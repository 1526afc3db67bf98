/* SSH public keys per account, indexed by their SHA256 fingerprint (the
 * text ssh-keygen -lf prints, "SHA256:..."). Parsing and fingerprinting a
 * key line is core/pubkey's job; this module only stores. */
#ifndef TINKLAS_KEYS_H
#define TINKLAS_KEYS_H

#include <stdint.h>

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

/* Returns NULL or an error key ("error.key.duplicate", "error.key.limit"). */
const char *key_add(struct db *db, int64_t account_id, const char *type,
    const char *blob, const char *comment, const char *fingerprint);
/* Fills *out with the account's keys, oldest first; returns the count or
 * -1. Free with key_rows_free. */
int key_list(struct db *db, int64_t account_id, struct sshkey_row **out);
void key_rows_free(struct sshkey_row *rows, int n);
/* Removes key id if it belongs to account_id; 0, or -1 when not found. */
int key_remove(struct db *db, int64_t account_id, int64_t key_id);
/* Finds the key with this fingerprint; 0 and fills out, or -1. The
 * strings in out are allocated: free them with key_row_clear. */
int key_find(struct db *db, const char *fingerprint, struct sshkey_row *out);
void key_row_clear(struct sshkey_row *row);

#endif
