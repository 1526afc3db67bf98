/* Demo content for a new site: accounts in several languages, boards and
 * conversations, each part brought by its domain (core/domain.h). */
#ifndef TINKLAS_DEMO_H
#define TINKLAS_DEMO_H

#include <stdio.h>

struct db;

/* Fills an empty database; prints each demo login and its password once to
 * out. Returns 0, 1 when the database already holds accounts (nothing
 * done), or -1 on error. */
int demo_fill(struct db *db, FILE *out);

/* The domains' parts, for their descriptors: 0 or -1. */
int forums_demo(struct db *db, FILE *out);

#endif
