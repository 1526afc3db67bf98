/* The member's own data in Settings (ui/screen-my-data.c): what their
 * export holds and the ssh command that downloads it. */
#ifndef TINKLAS_MY_DATA_UI_H
#define TINKLAS_MY_DATA_UI_H

struct screen_ops;

extern const struct screen_ops screen_my_data;

#endif
