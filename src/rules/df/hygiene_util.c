/*
 * hygiene_util.c -- shared helpers for the rules about caches left in image layers.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

bool
pl_hyg_cache_mount(const struct pl_df_model *m, size_t i, const char *path_part)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	size_t k;

	for (k = 0; k < in->nflags; k++) {
		const char *f = in->flags[k].s;

		if (strncmp(f, "--mount=", 8) == 0 && strstr(f, "type=cache") != NULL &&
		    strstr(f, path_part) != NULL) {
			return true;
		}
	}
	return false;
}

bool
pl_hyg_removes(const struct pl_df_model *m, size_t i, const char *path_part)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	size_t k, a;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "rm")) {
			continue;
		}
		for (a = c->prog + 1; a < c->argc; a++) {
			if (strstr(c->argv[a].text, path_part) != NULL) {
				return true;
			}
		}
	}
	return false;
}

bool
pl_hyg_shipped(const struct pl_df_model *m, size_t i)
{
	const struct pl_stage *st = pl_df_stage_of(m, i);

	return st != NULL && pl_df_in_final_chain(m, st->index);
}
