/* Blocking between members (the directory, issue 9): a member who blocks
 * another is no longer written to, found or suggested by them. The
 * directory's searches and suggestions and the private messages all ask
 * here (or join person_blocks, the table of domain "directory"), so one
 * block means the same everywhere. A block is the blocker's own and
 * silent: the blocked member is never told.
 * Keys: "error.blocks.guest", "error.blocks.self", "error.blocks.not_found"
 * (no such member), "error.internal". */
#ifndef TINKLAS_BLOCKS_H
#define TINKLAS_BLOCKS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/error.h"

struct actor;
struct db;

/* The actor blocks member whom; blocking again changes nothing. */
struct core_error blocks_add(struct db *db, const struct actor *a,
    int64_t whom);
/* Lifts the actor's block of whom (none: nothing happens). */
struct core_error blocks_remove(struct db *db, const struct actor *a,
    int64_t whom);
/* Whether blocker has blocked whom. */
bool blocks_has(struct db *db, int64_t blocker, int64_t whom);
/* Whether either of a and b has blocked the other: they may not write to
 * each other. */
bool blocks_between(struct db *db, int64_t a, int64_t b);

#endif
