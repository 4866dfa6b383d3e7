/*
 * hygiene_util.h -- questions that the image-hygiene rules (DF0044..DF0060) share: which
 * layers are shipped, what a RUN removes or mounts, package-manager subcommands, and
 * copies of the whole build context.
 */
#ifndef PL_RULES_DF_HYGIENE_UTIL_H
#define PL_RULES_DF_HYGIENE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/run.h"
#include "model/dockerfile.h"
#include "parse/shell.h"

/* Instruction I's layer is shipped: its stage is the final one or a stage the final one
 * builds FROM (directly or not). */
bool pl_hyg_shipped(const struct pl_df_model *m, size_t i);

/* RUN I has a cache or tmpfs mount (`--mount=type=cache,target=...`) on PATH or on a
 * directory above it, so nothing written there stays in the layer. A target whose value
 * is not known (an ARG without value) counts as covering: silence on unknowns. */
bool pl_hyg_mount_covers(const struct pl_df_model *m, size_t i, const char *path);

/* Some command of RUN I after command AFTER (an index in its script) deletes PATH, its
 * contents or a directory above it: `rm` of it, or `find PATH ... -delete` / `-exec rm`
 * without a name test. Operands are expanded with the known ENV and ARG values; one whose
 * value is not known does not count. */
bool pl_hyg_removed_after(const struct pl_df_model *m, size_t i, size_t after,
			  const char *path);

/* The index in C->argv of the subcommand of a package manager (apt-get, apt, apk, yum,
 * dnf, microdnf, zypper): the first operand after the program, skipping that manager's
 * global options and the values of those that take one. C->argc when there is none. */
size_t pl_hyg_sub(const struct pl_sh_cmd *c);

/* C runs one of PROGS (NULL-terminated) with a subcommand among SUBS (NULL-terminated);
 * *SUB gets the subcommand's index. */
bool pl_hyg_runs(const struct pl_sh_cmd *c, const char *const *progs, const char *const *subs,
		 size_t *sub);

/* An edit that inserts TEXT after word W of command C can be applied to the source as is:
 * the command is written in shell form (not re-quoted from an exec-form array) and not
 * nested in a `sh -c` string, whose quoting the insertion could break. */
bool pl_hyg_can_edit(const struct pl_df_instr *in, const struct pl_sh_cmd *c);

/* Instruction IN copies the whole build context: a COPY or ADD without --from with a
 * source of "." or "./". */
bool pl_hyg_copies_context(const struct pl_df_instr *in);

/* A package manager whose download cache a RUN should clean: its program names, the
 * subcommands that fill the cache, those that clean it, where the cache lives, and the
 * command the fix suggests. */
struct pl_hyg_cache {
	const char *const *progs;
	const char *const *installs;
	const char *const *cleans;
	const char *const *dirs;
	const char *clean; /* "yum clean all" */
};

/* Reports the first command of RUN I (in a shipped stage) that fills PM's cache when the
 * same RUN neither cleans it afterwards (a clean subcommand, or removing one of PM->dirs)
 * nor keeps the cache out of the layer with a cache or tmpfs mount. */
void pl_hyg_check_cache(struct pl_check *ck, const struct pl_df_model *m, size_t i,
			const struct pl_hyg_cache *pm);

#endif
