/*
 * catalog.h -- the rule catalog as text: `plimsoll rules`, `plimsoll explain` and the
 * generated docs/rules pages, all written from the rule structs (engine/rule.h).
 */
#ifndef PL_OUT_CATALOG_H
#define PL_OUT_CATALOG_H

#include <stdbool.h>
#include <stdio.h>

#include "engine/rule.h"

/* Lists every rule in FORMAT "text", "json" or "markdown". Returns 0, -1 on a write error,
 * -2 for an unknown format. */
int pl_catalog_write(FILE *out, const char *format, bool color);

/* Everything about one rule: title, severity, category, why, fix, bad and good examples,
 * references and peer equivalents. */
int pl_explain_write(FILE *out, const struct pl_rule *r, bool color);

/* Writes DIR/README.md (the index) and DIR/<ID>.md for every rule. Returns 0 or -1. */
int pl_docs_write(const char *dir);

#endif
