/*
 * hygiene_util.h -- questions that the package-cache rules share.
 */
#ifndef PL_RULES_DF_HYGIENE_UTIL_H
#define PL_RULES_DF_HYGIENE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/dockerfile.h"

/* RUN I has a cache mount (--mount=type=cache) whose target contains PATH_PART. */
bool pl_hyg_cache_mount(const struct pl_df_model *m, size_t i, const char *path_part);

/* Some command of RUN I removes a path that contains PATH_PART (rm -r..., or a
 * package manager's clean command named by CLEAN, such as "clean"). */
bool pl_hyg_removes(const struct pl_df_model *m, size_t i, const char *path_part);

/* Instruction I's layer is shipped: its stage is the final one or a base of it. */
bool pl_hyg_shipped(const struct pl_df_model *m, size_t i);

#endif
