/*
 * hygiene_util.c -- shared helpers for the rules about caches left in image layers.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"
#include "engine/run.h"

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

static bool
is_one_of(const struct pl_sh_cmd *c, const char *const *progs)
{
	for (const char *const *p = progs; *p != NULL; p++) {
		if (pl_sh_is(c, *p)) {
			return true;
		}
	}
	return false;
}

static bool
sub_is(const struct pl_sh_cmd *c, const char *const *names, size_t *sub)
{
	*sub = pl_sh_subcommand(c, (const char *const[]){ "--setopt", "-c", "--config",
							  "--installroot", NULL });
	if (*sub >= c->argc) {
		return false;
	}
	for (const char *const *n = names; *n != NULL; n++) {
		if (strcmp(c->argv[*sub].text, *n) == 0) {
			return true;
		}
	}
	return false;
}

void
pl_hyg_check_cache(struct pl_check *ck, const struct pl_df_model *m, size_t i,
		   const struct pl_hyg_cache *pm)
{
	static const char *const clean[] = { "clean", NULL };
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, sub;

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, pm->dir) ||
	    pl_hyg_removes(m, i, pm->dir)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		if (is_one_of(&sc->cmds[k], pm->progs) && sub_is(&sc->cmds[k], clean, &sub)) {
			return;
		}
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!is_one_of(c, pm->progs) || !sub_is(c, pm->installs, &sub)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "%s %s leaves its package cache in this "
				    "layer", c->prog_name, c->argv[sub].text);
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "End the same RUN with `&& %s`.", pm->clean);
		}
		return;
	}
}
