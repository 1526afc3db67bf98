/* CSV cells (RFC 4180) for every CSV the house writes: the calendar's
 * attendee lists and the survey results. Rows are the caller's: cells
 * joined by ',' and ended by CRLF. */
#ifndef TINKLAS_CSV_H
#define TINKLAS_CSV_H

struct strbuf;

/* One CSV cell: quoted when it holds a comma, quote or line end; a cell
 * starting with = + - @ (or TAB, CR) gets a leading ' so a spreadsheet
 * shows it rather than runs it. */
void csv_cell(struct strbuf *out, const char *s);

#endif
