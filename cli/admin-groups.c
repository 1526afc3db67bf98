/* Every command group of `tinklas admin`, in the order of its help: one
 * line per group, X(NAME) for `admin_group_NAME` in cli/admin-NAME.c. */
#include "cli/admin-cmd.h"

#include <stddef.h>

#define ADMIN_GROUPS(X)	\
	X(user)		\
	X(key)		\
	X(board)	\
	X(report)	\
	X(event)	\
	X(org)		\
	X(survey)	\
	X(session)

#define GROUP_DECLARE(name)	extern const struct admin_group admin_group_##name;
#define GROUP_ENTRY(name)	&admin_group_##name,

ADMIN_GROUPS(GROUP_DECLARE)

const struct admin_group *const admin_groups[] = { ADMIN_GROUPS(GROUP_ENTRY) NULL };
