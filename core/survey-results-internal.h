/* What the results' files share (core/survey-results.c, the figures;
 * core/survey-breakdowns.c, the groups). */
#ifndef TINKLAS_SURVEY_RESULTS_INTERNAL_H
#define TINKLAS_SURVEY_RESULTS_INTERNAL_H

#include "core/survey-results.h"

#include <stdbool.h>

/* The lowest and highest value of a scale (agree5, scale10). */
bool survey_scale_range(enum survey_qkind k, long long *lo, long long *hi);
/* The index in qr->values of an answer row's choice or number, or -1. */
int survey_value_index(const struct survey_qresult *qr, const char *choice,
    long long num);
/* Mean, median and (scale10) recommend score of a scale's value counts
 * (values parallel to the scale's range, n of them). */
void survey_scale_figures(enum survey_qkind k, const struct survey_count *v,
    size_t n, bool *has_mean, double *mean, double *median,
    bool *has_recommend, double *recommend);

/* The survey's responses per group of dimension d, under the rule. 0 or
 * -1. */
int survey_breakdown_responses(struct db *db, struct survey_results *r,
    enum survey_dim d);
/* Question qr's breakdown by dimension d: the groups of its answerers
 * under the rule, and the shown groups' counts. 0 or -1. */
int survey_breakdown_question(struct db *db, const struct survey_results *r,
    struct survey_qresult *qr, enum survey_dim d);
void survey_breakdown_free(struct survey_breakdown *b);

#endif
