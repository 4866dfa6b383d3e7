/*
 * util.c -- shared helpers of the build-context rules (see util.h).
 */
#include "rules/ctx/util.h"
#include "core/buf.h"
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

/* The --exclude patterns of IN as an ignore list (BuildKit matches them with the
 * .dockerignore syntax); NULL when it has none. */
static struct pl_dockerignore *
excludes_of(const struct pl_df_model *m, size_t i, const struct pl_df_instr *in)
{
	struct pl_buf text;
	struct pl_dockerignore *di = NULL;

	pl_buf_init(&text);
	for (size_t k = 0; k < in->nflags; k++) {
		const char *f = in->flags[k].s;
		const char *v;

		if (strncmp(f, "--exclude=", 10) != 0) {
			continue;
		}
		v = pl_df_expand(m, &m->states[i], f + 10);
		if (v != NULL && strchr(v, '\n') == NULL) {
			pl_buf_adds(&text, v);
			pl_buf_addc(&text, '\n');
		}
	}
	if (text.n > 0) {
		di = pl_arena_alloc(m->arena, sizeof(*di));
		pl_dockerignore_parse(text.p, text.n, m->arena, di, NULL);
	}
	pl_buf_finish(&text);
	return di;
}

/* Drops from U the entries that --exclude patterns DI name, by their path in the context
 * or below the source they came from. */
static void
apply_excludes(const struct pl_dockerignore *di, struct pl_ctx_use *u)
{
	size_t n = 0, sl = strlen(u->res.path);

	for (size_t k = 0; k < u->res.nentries; k++) {
		const struct pl_ctx_entry *e = u->res.entries[k];
		const char *below = e->path;

		if (sl > 0 && strcmp(u->res.path, ".") != 0 && strncmp(e->path, u->res.path, sl) == 0 &&
		    e->path[sl] == '/') {
			below = e->path + sl + 1;
		}
		if (pl_dockerignore_match(di, e->path, NULL) ||
		    (below != e->path && pl_dockerignore_match(di, below, NULL))) {
			continue;
		}
		u->res.entries[n++] = e;
	}
	u->res.nentries = n;
}

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
		struct pl_dockerignore *excl = excludes_of(m, i, in);

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
			if (excl != NULL) {
				apply_excludes(excl, &u);
			}
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
