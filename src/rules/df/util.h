/*
 * util.h -- questions that several Dockerfile rules ask of the model.
 */
#ifndef PL_RULES_DF_UTIL_H
#define PL_RULES_DF_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/str.h"
#include "engine/run.h"
#include "model/dockerfile.h"
#include "parse/shell.h"

/* True when stage ST is the final stage or one that the final stage builds FROM, so its
 * CMD, ENTRYPOINT, HEALTHCHECK and USER end up in the final image's configuration. */
bool pl_df_in_final_chain(const struct pl_df_model *m, int st);

/* Some RUN command of the file runs one of PROGS (NULL-terminated names): rules about
 * those programs skip files that never run them. */
bool pl_df_runs_any(const struct pl_df_model *m, const char *const *progs);

/* The RUN commands of instruction I (empty for other instructions). */
const struct pl_sh_script *pl_df_script(const struct pl_df_model *m, size_t i);

/* True when command C runs program PROG (basename, after wrappers such as sudo/env). */
bool pl_sh_is_slow(const struct pl_sh_cmd *c, const char *prog);

static inline bool
pl_sh_is(const struct pl_sh_cmd *c, const char *prog)
{
	/* The model fills prog_name for every command of its scripts. */
	if (c->prog_name != NULL) {
		return pl_streq(c->prog_name, prog);
	}
	return pl_sh_is_slow(c, prog);
}

/* The first operand after the program, skipping options; for "apt-get -y install x"
 * it is "install". OPTS_WITH_VALUE lists options whose value is the next word
 * ("-o", "-c"); NULL-terminated or NULL. Returns its index in C->argv or C->argc. */
size_t pl_sh_subcommand(const struct pl_sh_cmd *c, const char *const *opts_with_value);

/* True when C has option NAME ("--no-cache-dir") as a word, or "NAME=..." for long
 * options. For single-dash short options such as "-y", combined forms like "-qy" count. */
bool pl_sh_has_opt(const struct pl_sh_cmd *c, const char *name);

/* Reports every instruction of KIND in a stage but the last one, which is the only one
 * that takes effect (CMD, ENTRYPOINT, HEALTHCHECK). */
void pl_df_report_overridden(struct pl_check *ck, const struct pl_df_model *m,
			     enum pl_df_kind kind);

/* Whether a variable or label name looks like it holds a secret ("DB_PASSWORD",
 * "GITHUB_TOKEN"), as DF0003 decides it (defined in DF0003.c). */
bool pl_df_secret_name(const char *name);

/* The text of word W as written, for messages. */
const char *pl_sh_word_text(const struct pl_sh_word *w);

#endif
