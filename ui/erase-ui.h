/* Deleting one's own account from Settings: what goes and what stays
 * (ui/screen-erase.c), then the choice for the forum posts and the
 * password (ui/screen-erase-form.c), then a last confirmation; the
 * session ends with a goodbye. */
#ifndef TINKLAS_ERASE_UI_H
#define TINKLAS_ERASE_UI_H

struct screen_ops;

extern const struct screen_ops screen_erase;
extern const struct screen_ops screen_erase_form;

#endif
