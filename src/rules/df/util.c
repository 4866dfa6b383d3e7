/*
 * util.c -- shared helpers for Dockerfile rules: final-stage chains and command queries.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

bool
pl_df_in_final_chain(const struct pl_df_model *m, int st)
{
	return st >= 0 && (size_t)st < m->nstages && m->stages[st].in_final_chain;
}

const struct pl_sh_script *
pl_df_script(const struct pl_df_model *m, size_t i)
{
	return &m->scripts[i];
}

bool
pl_df_runs_any(const struct pl_df_model *m, const char *const *progs)
{
	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_sh_script *sc = &m->scripts[i];

		for (size_t k = 0; k < sc->ncmds; k++) {
			for (const char *const *p = progs; *p != NULL; p++) {
				if (pl_sh_is(&sc->cmds[k], *p)) {
					return true;
				}
			}
		}
	}
	return false;
}

bool
pl_sh_is_slow(const struct pl_sh_cmd *c, const char *prog)
{
	size_t p = pl_sh_cmd_prog(c);

	return p < c->argc && pl_streq(pl_sh_basename(&c->argv[p]), prog);
}

size_t
pl_sh_subcommand(const struct pl_sh_cmd *c, const char *const *opts_with_value)
{
	size_t i = (c->prog_name != NULL ? c->prog : pl_sh_cmd_prog(c)) + 1;

	for (; i < c->argc; i++) {
		const char *w = c->argv[i].text;
		bool takes = false;

		if (w[0] != '-') {
			return i;
		}
		for (const char *const *o = opts_with_value; o != NULL && *o != NULL; o++) {
			if (pl_streq(w, *o)) {
				takes = true;
			}
		}
		if (takes) {
			i++;
		}
	}
	return c->argc;
}

bool
pl_sh_has_opt(const struct pl_sh_cmd *c, const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < c->argc; i++) {
		const char *w = c->argv[i].text;

		if (pl_streq(w, name)) {
			return true;
		}
		if (name[1] == '-' && strncmp(w, name, n) == 0 && w[n] == '=') {
			return true;
		}
		/* -y inside a cluster of short options: -qy, -yq */
		if (name[1] != '-' && n == 2 && w[0] == '-' && w[1] != '-' && w[1] != '\0' &&
		    strchr(w + 1, name[1]) != NULL) {
			bool letters = true;

			for (const char *p = w + 1; *p; p++) {
				if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
					letters = false;
				}
			}
			if (letters) {
				return true;
			}
		}
	}
	return false;
}

const char *
pl_sh_word_text(const struct pl_sh_word *w)
{
	return w->raw;
}

void
pl_df_report_overridden(struct pl_check *ck, const struct pl_df_model *m, enum pl_df_kind kind)
{
	long *last;
	size_t i;
	struct pl_finding *f;

	if (m->nstages == 0) {
		return;
	}
	last = pl_arena_alloc(m->arena, m->nstages * sizeof(*last));
	for (i = 0; i < m->nstages; i++) {
		last[i] = -1;
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);

		if (m->file->instrs[i].kind == kind && st != NULL) {
			last[st->index] = (long)i;
		}
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (in->kind != kind || st == NULL || last[st->index] == (long)i) {
			continue;
		}
		f = pl_check_report(ck, in->off, in->off + (uint32_t)strlen(in->keyword),
				    "%s is overridden by a later %s in the same stage (line %u)",
				    in->keyword, in->keyword,
				    m->file->instrs[last[st->index]].start_line);
		if (f != NULL) {
			f->fix = pl_check_printf(ck, "Keep one %s per stage: remove this one or "
						 "merge it into the last.", in->keyword);
		}
	}
}
