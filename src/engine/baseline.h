/*
 * baseline.h -- accepted findings recorded in a file, so that a scan reports only new ones.
 *
 * `plimsoll baseline` writes the current findings; `plimsoll scan --baseline FILE` drops
 * every finding the file already has. A finding is known by its rule, its file and the
 * hash of its line's text (rule id included), not by its line number, so it stays known
 * when lines are added above it; N equal lines are matched N times.
 */
#ifndef PL_ENGINE_BASELINE_H
#define PL_ENGINE_BASELINE_H

#include <stdio.h>

#include "engine/finding.h"

struct pl_baseline;

/* Reads PATH. Returns 0 and *OUT, or -1 with the problem recorded in R as a file error. */
int pl_baseline_load(const char *path, struct pl_baseline **out, struct pl_report *r);
void pl_baseline_destroy(struct pl_baseline *b);

/* Removes from R (sorted) the findings that B lists; counts them in R->baselined. */
void pl_baseline_filter(const struct pl_baseline *b, struct pl_report *r);

/* Writes R's findings (sorted) as a baseline file. Returns 0, or -1 on a write error. */
int pl_baseline_write(FILE *out, const struct pl_report *r, const char *version);

#endif
