/* The form widget's full-screen key handling without a terminal: what
 * ui/widget-form.c does with each key on a form, for the frame and for
 * tests (tests/unit/test_render_form.c), which feed keys as get_wch gives
 * them (type OK with a character, or KEY_CODE_YES with a KEY_ code). */
#ifndef TINKLAS_WIDGET_FORM_H
#define TINKLAS_WIDGET_FORM_H

#include "ui/widget.h"

#include <wchar.h>

struct form;
struct ui_event;

/* The state of the form presented: which one, its focus, its editor. */
struct form_edit;

struct form_edit *form_edit_new(void);
void form_edit_free(struct form_edit *fs);
/* f is presented (as before each turn of the full screen): a new form or
 * a focus the screen moved puts the cursor at the end of the focused
 * field, and a multi-line field gets an editor. */
void form_edit_enter(struct form_edit *fs, struct form *f);
/* One key on f (after form_edit_enter): typed text goes into the focused
 * field at its cursor; WIDGET_KEY_EVENT when ev was filled (EV_SUBMIT,
 * EV_BACK, EV_HELP, EV_CHANGED), else WIDGET_KEY_DONE. */
enum widget_key form_edit_key(struct form_edit *fs, struct form *f, int type,
    wint_t ch, struct ui_event *ev);

#endif
