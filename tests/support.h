/*
 * support.h -- small helpers shared by the test programs.
 */
#ifndef PL_TESTS_SUPPORT_H
#define PL_TESTS_SUPPORT_H

#include <stddef.h>

#include "engine/config.h"
#include "engine/finding.h"

/* The whole file at PATH as a heap string (NUL-terminated), its length in *LEN when LEN is
 * not NULL; NULL when it cannot be read. */
char *pl_test_slurp(const char *path, size_t *len);

/* Loads YAML text as .plimsoll.yaml through a temporary file, as the command line reads
 * it. Returns what pl_config_load returns (-1 also when no temporary file can be made). */
int pl_test_load_config(const char *yaml, struct pl_config *cfg, struct pl_report *r);

#endif
