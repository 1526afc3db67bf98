/* How the UI names a person wherever they appear (a post's author, who
 * caused a notification): the display name, the user name (unique)
 * beside it unless they are the same, and a role mark for moderators and
 * admins: "Rūta Petraitienė (@ruta)", "Aistė (@aiste, moderator)". */
#ifndef TINKLAS_UI_PERSON_H
#define TINKLAS_UI_PERSON_H

/* Newly allocated; a removed account (no name) is its display alone. */
char *person_label(const char *display, const char *name, int role);
/* The display name alone, for short mentions ("post 8 by Jonas"); an
 * erased account's is "deleted member". Not allocated. */
const char *person_display(const char *display, const char *name);

#endif
