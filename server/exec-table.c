/* The exec commands, one line each (see exec.h). */
#include "server/exec.h"

extern const struct exec_cmd exec_help;
extern const struct exec_cmd exec_whoami;

const struct exec_cmd *const exec_cmds[] = {
	&exec_help,
	&exec_whoami,
	NULL
};
