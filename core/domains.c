/* Every domain of the model, in migration order: a domain may refer to the
 * tables of those above it. One line per domain. */
#include "core/domain.h"

extern const struct domain domain_accounts;
extern const struct domain domain_forums;
extern const struct domain domain_drafts;
extern const struct domain domain_calendar;

const struct domain *const domains[] = {
	&domain_accounts,
	&domain_forums,
	&domain_drafts,
	&domain_calendar,
};

const int ndomains = sizeof domains / sizeof domains[0];
