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

/*
 * Builds a build context in a new temporary folder: DOCKERFILE as its Dockerfile, and
 * the files FILES lists, one per line: "PATH" for an empty file, "PATH: TEXT" for a file
 * holding TEXT (with "\\n" for a line break), "PATH/" for an empty folder. Returns the
 * folder (heap string), or NULL when it cannot be made.
 */
char *pl_test_make_context(const char *dockerfile, const char *files);
/* Removes the folder that pl_test_make_context made, with everything in it. */
void pl_test_remove_tree(const char *dir);

#endif
