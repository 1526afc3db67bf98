/* Every command group of `tinklas admin`, in the order of its help: one
 * line per group. */
#include "cli/admin-cmd.h"

#include <stddef.h>

extern const struct admin_group admin_group_user;
extern const struct admin_group admin_group_key;
extern const struct admin_group admin_group_board;
extern const struct admin_group admin_group_report;

const struct admin_group *const admin_groups[] = {
	&admin_group_user,
	&admin_group_key,
	&admin_group_board,
	&admin_group_report,
	NULL,
};
