/* Naming a person (see person.h). */
#include "ui/person.h"
#include "common/xalloc.h"
#include "core/accounts.h"
#include "i18n/i18n.h"

#include <string.h>

char *
person_label(const char *display, const char *name, int role)
{
	const char *mark = role == ROLE_ADMIN ? T("forum.role.admin") :
	    role == ROLE_MODERATOR ? T("forum.role.moderator") : NULL;

	if (name[0] == '\0')
		return xstrdup(display);	/* a removed account */
	if (account_is_erased(name))
		return xstrdup(T("person.deleted_member"));
	if (strcmp(display, name) != 0)
		return mark != NULL ? TFA("forum.author_role", A_STR(display),
		    A_STR(name), A_STR(mark)) :
		    TFA("forum.author", A_STR(display), A_STR(name));
	return mark != NULL ? TFA("forum.name_role", A_STR(name),
	    A_STR(mark)) : xstrdup(name);
}

const char *
person_display(const char *display, const char *name)
{
	return account_is_erased(name) ? T("person.deleted_member") : display;
}
