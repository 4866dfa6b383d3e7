/*
 * util.c -- shared helpers of the build-context rules (see util.h).
 */
#include "rules/ctx/util.h"
#include "core/str.h"
#include "parse/dockerfile.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A source that is not a path in the context: a URL, a git address, a heredoc. */
static bool
not_a_path(const char *s)
{
	return s[0] == '<' || strstr(s, "://") != NULL || pl_starts_with(s, "git@");
}

struct pl_ctx_uses {
	struct pl_ctx_use *v;
	size_t n;
};

/* Resolves every source once per Dockerfile; the rules then walk the list. */
static struct pl_ctx_uses *
uses_of(struct pl_check *ck, const struct pl_df_model *m)
{
	struct pl_ctx_uses *us = pl_arena_alloc(m->arena, sizeof(*us));
	size_t cap = 0;

	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_stage *st;
		unsigned flags = 0;

		if ((in->kind != PL_DF_COPY && in->kind != PL_DF_ADD) ||
		    pl_df_flag(in, "from", NULL) != NULL || in->nargs < 2) {
			continue;
		}
		if (pl_df_flag(in, "parents", NULL) != NULL) {
			flags |= PL_CTX_COPY_PARENTS;
		}
		st = pl_df_stage_of(m, i);
		for (size_t k = 0; k + 1 < in->nargs; k++) {
			struct pl_ctx_use u = { .instr = i, .word = &in->args[k] };

			if (not_a_path(in->args[k].s)) {
				continue;
			}
			u.source = pl_df_expand(m, &m->states[i], in->args[k].s);
			if (u.source == NULL || u.source[0] == '\0' || not_a_path(u.source)) {
				continue;
			}
			u.final = st != NULL && st->in_final_chain;
			pl_ctx_resolve(ck->bctx->ctx, u.source, flags, m->arena, &u.res);
			if (us->n == cap) {
				cap = cap ? cap * 2 : 8;
				us->v = pl_arena_grow(m->arena, us->v, us->n, cap, sizeof(*us->v));
			}
			us->v[us->n++] = u;
		}
	}
	return us;
}

void
pl_ctx_each_use(struct pl_check *ck, const struct pl_df_model *m,
		bool (*fn)(struct pl_check *ck, const struct pl_df_model *m,
			   const struct pl_ctx_use *u, void *arg),
		void *arg)
{
	if (ck->bctx == NULL || ck->bctx->ctx == NULL) {
		return;
	}
	if (ck->ctx_uses == NULL) {
		ck->ctx_uses = uses_of(ck, m);
	}
	for (size_t i = 0; i < ck->ctx_uses->n; i++) {
		if (!fn(ck, m, &ck->ctx_uses->v[i], arg)) {
			return;
		}
	}
}

struct pl_finding *
pl_ctx_report(struct pl_check *ck, const struct pl_ctx_use *u, const char *fmt, ...)
{
	struct pl_finding *f;
	va_list ap;

	va_start(ap, fmt);
	f = pl_check_vreport(ck, u->word->off, u->word->end, fmt, ap);
	va_end(ap);
	return f;
}

const char *
pl_ctx_ignore_name(const struct pl_check *ck)
{
	return ck->bctx != NULL && ck->bctx->ignore != NULL ? ck->bctx->ignore : ".dockerignore";
}

const char *
pl_ctx_pattern_at(struct pl_check *ck, const struct pl_di_pattern *p)
{
	return pl_check_printf(ck, "%s:%u", pl_ctx_ignore_name(ck), p->line);
}
