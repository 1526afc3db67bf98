/* "Who is online" for moderators (ui/screen-online.c, its menu line in
 * ui/feature-online.c). */
#ifndef TINKLAS_ONLINE_UI_H
#define TINKLAS_ONLINE_UI_H

struct screen_ops;

extern const struct screen_ops screen_online;

#endif
