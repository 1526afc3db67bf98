/* The announcement's side of the UI: its delivery to a live session
 * (ui/announce-news.c) and the moderators' screens to write and clear it
 * (ui/screen-announce.c, ui/screen-announce-write.c). */
#ifndef TINKLAS_ANNOUNCE_UI_H
#define TINKLAS_ANNOUNCE_UI_H

#include <stdbool.h>
#include <stdint.h>

struct app;
struct screen_ops;

/* At session start: the current announcement counts as shown (the
 * welcome screen has it). */
void announce_start(struct app *app);
/* Announcement id was shown to the session (on the welcome screen). */
void announce_seen(struct app *app, int64_t id);
/* Looks for a new announcement without writing anything; true when the
 * status line needs a redraw (one arrived, or the one shown was cleared). */
bool announce_poll(struct app *app);
/* Plain mode: the sentence that says the new announcement, once (newly
 * allocated); NULL when there is none or in the full screen. */
char *announce_news(struct app *app);
/* Another screen opened or closed: the status line is the frame's again. */
void announce_screen_changed(struct app *app);

extern const struct screen_ops screen_announce;
extern const struct screen_ops screen_announce_write;

#endif
