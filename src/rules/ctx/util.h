/*
 * util.h -- what the build-context rules ask: which files each COPY and ADD takes.
 */
#ifndef PL_RULES_CTX_UTIL_H
#define PL_RULES_CTX_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/run.h"
#include "model/context.h"
#include "model/dockerfile.h"

/* One source of a COPY or ADD that takes files from the build context. */
struct pl_ctx_use {
	size_t instr;                  /* index of the COPY or ADD */
	const struct pl_df_word *word; /* the source as written */
	const char *source;            /* after variable expansion */
	struct pl_ctx_source res;      /* what it takes (model/context.h) */
	bool final;                    /* the stage is the final image or one it builds on */
};

/*
 * Calls FN for every source of every COPY and ADD of M that reads the build context
 * (no --from, not a URL or heredoc, a value known after expansion), in file order, while
 * FN returns true. Nothing is called when CK has no build context.
 */
void pl_ctx_each_use(struct pl_check *ck, const struct pl_df_model *m,
		     bool (*fn)(struct pl_check *ck, const struct pl_df_model *m,
				const struct pl_ctx_use *u, void *arg),
		     void *arg);

/* Reports a finding of CK's rule on the source word of U. */
struct pl_finding *pl_ctx_report(struct pl_check *ck, const struct pl_ctx_use *u,
				 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* "PATH:LINE" of ignore pattern P in the context's ignore file, for messages. */
const char *pl_ctx_pattern_at(struct pl_check *ck, const struct pl_di_pattern *p);

/* The ignore file's name as shown to the user (".dockerignore" when none exists yet). */
const char *pl_ctx_ignore_name(const struct pl_check *ck);

#endif
