/* Every domain of the model, in migration order: a domain may refer to the
 * tables of those above it. One line per domain: X(NAME) stands for the
 * `const struct domain domain_NAME` in core/domain-NAME.c. */
#include "core/domain.h"

#define DOMAINS(X)	\
	X(accounts)	\
	X(forums)	\
	X(drafts)	\
	X(inbox)	\
	X(queue)	\
	X(calendar)	\
	X(directory)	\
	X(surveys)	\
	X(site)

#define DOMAIN_DECLARE(name)	extern const struct domain domain_##name;
#define DOMAIN_ENTRY(name)	&domain_##name,

DOMAINS(DOMAIN_DECLARE)

const struct domain *const domains[] = { DOMAINS(DOMAIN_ENTRY) };

const int ndomains = sizeof domains / sizeof domains[0];
