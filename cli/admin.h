/* `tinklas admin`: scriptable administration of the database. */
#ifndef TINKLAS_ADMIN_H
#define TINKLAS_ADMIN_H

struct config;

/* argv[0] is the first word after "admin". Returns the exit status:
 * 0 done, 1 failed (message on stderr), 2 usage. */
int admin_main(const struct config *cfg, int argc, char **argv);

#endif
