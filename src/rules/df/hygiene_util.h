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

struct pl_check;

/* A package manager whose cache a RUN must clean: its program names, the subcommands
 * that fill the cache, where the cache is, and the cleaning command to suggest. */
struct pl_hyg_cache {
	const char *const *progs;
	const char *const *installs;
	const char *dir;
	const char *clean; /* "yum clean all" */
};

/* Reports the first install of PM in RUN I of a shipped stage when the same RUN neither
 * runs `<prog> clean` nor removes PM->dir, and has no cache mount on it. */
void pl_hyg_check_cache(struct pl_check *ck, const struct pl_df_model *m, size_t i,
			const struct pl_hyg_cache *pm);

#endif
