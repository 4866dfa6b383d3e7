/*
 * DF0063 -- files are copied, then re-owned or re-moded by a separate RUN.
 *
 * Reported: `chown` or `chmod` (recursive, or of exactly the copied path) in a RUN whose
 * operand is a path that an earlier COPY or ADD of the same stage wrote, or lies above or
 * below it, when that COPY has no --chown (for chown) or --chmod (for chmod).
 * Not reported: paths the stage did not copy (a data folder made with mkdir), operands
 * with variables of unknown value, COPY --from of another stage (the same applies, but
 * the files may already have the right owner there).
 */
#include "rules/df/util.h"
#include "core/str.h"
#include "parse/dockerfile.h"

#include <stdio.h>
#include <string.h>

/* PATH made absolute against WORKDIR (a relative WORKDIR or none counts as "/"), without
 * a trailing slash; in the model's arena. */
static const char *
absolute(const struct pl_df_model *m, const char *workdir, const char *path)
{
	size_t n;
	char *p;

	if (path[0] == '/') {
		p = pl_arena_strdup(m->arena, path);
	} else {
		const char *w = workdir != NULL && workdir[0] == '/' ? workdir : "/";

		while (path[0] == '.' && path[1] == '/') {
			path += 2;
		}
		if (strcmp(path, ".") == 0) {
			path = "";
		}
		p = pl_arena_printf(m->arena, "%s%s%s", w, w[strlen(w) - 1] == '/' ? "" : "/",
				    path);
	}
	n = strlen(p);
	while (n > 1 && p[n - 1] == '/') {
		p[--n] = '\0';
	}
	return p;
}

/* A is B or lies below it. */
static bool
within(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/' || strcmp(b, "/") == 0);
}

/* The last COPY/ADD before I in I's stage, without FLAG, whose destination and PATH
 * overlap; -1 when none. */
static long
copied_by(const struct pl_df_model *m, size_t i, const char *path, const char *flag)
{
	int stage = m->states[i].stage;

	for (size_t j = i; j-- > 0 && m->states[j].stage == stage;) {
		const struct pl_df_instr *in = &m->file->instrs[j];
		const char *dest;

		if ((in->kind != PL_DF_COPY && in->kind != PL_DF_ADD) || in->nargs < 2 ||
		    pl_df_flag(in, "from", NULL) != NULL) {
			continue;
		}
		dest = pl_df_expand(m, &m->states[j], in->args[in->nargs - 1].s);
		if (dest == NULL) {
			continue;
		}
		dest = absolute(m, m->states[j].workdir, dest);
		if (within(path, dest) || within(dest, path)) {
			return pl_df_flag(in, flag, NULL) != NULL ? -1 : (long)j;
		}
	}
	return -1;
}

/* PATH is the destination of copy J or an entry directly in it. */
static bool
direct(const struct pl_df_model *m, size_t j, const char *path)
{
	const struct pl_df_instr *in = &m->file->instrs[j];
	const char *dest = pl_df_expand(m, &m->states[j], in->args[in->nargs - 1].s);
	const char *slash = strrchr(path, '/');

	if (dest == NULL) {
		return false;
	}
	dest = absolute(m, m->states[j].workdir, dest);
	return strcmp(path, dest) == 0 ||
	       (slash != NULL && strlen(dest) == (size_t)(slash - path) &&
		strncmp(path, dest, (size_t)(slash - path)) == 0) ||
	       (slash == path && strcmp(dest, "/") == 0);
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		bool own = pl_sh_is(c, "chown"), mod = !own && pl_sh_is(c, "chmod");
		bool recursive, first = true;

		if (!own && !mod) {
			continue;
		}
		recursive = pl_sh_has_opt(c, "-R") || pl_sh_has_opt(c, "--recursive");
		for (size_t a = c->prog + 1; a < c->argc; a++) {
			const struct pl_sh_word *w = &c->argv[a];
			const char *path;
			long j;

			if (w->text[0] == '-' && w->text[1] != '\0' && first) {
				continue; /* an option */
			}
			if (first) {
				first = false; /* the owner or the mode */
				continue;
			}
			if ((w->flags & PL_SHW_EXPANSION) != 0 || (w->flags & PL_SHW_GLOB) != 0) {
				continue;
			}
			path = absolute(m, m->states[i].workdir, w->text);
			j = copied_by(m, i, path, own ? "chown" : "chmod");
			if (j < 0) {
				continue;
			}
			/* Without -R only the named path changes: it must be the destination or
			 * a file copied into it. */
			if (!recursive && !direct(m, j, path)) {
				continue;
			}
			pl_check_report(ck, c->argv[c->prog].off, w->end, "%s of %s, which the %s "
					"on line %u wrote: every copied file is stored again in a new "
					"layer; %s %s=... writes them that way at once",
					own ? "chown" : "chmod", w->text, m->file->instrs[j].keyword,
					m->file->instrs[j].start_line, m->file->instrs[j].keyword,
					own ? "--chown" : "--chmod");
		}
	}
}

const struct pl_rule rule_df0063 = {
	.id = "DF0063",
	.name = "copy-then-chown",
	.title = "Copied files are re-owned or re-moded by a separate RUN",
	.severity = PL_SEV_LOW,
	.category = "privilege",
	.why = "Images run as a non-root user often need that user to own the application "
	       "files. Doing it with `RUN chown -R app /app` after `COPY . /app` rewrites "
	       "every copied file into a new layer: the image carries the files twice, the "
	       "build slows down, and the files stay root-owned in the earlier layer. "
	       "`COPY --chown` (and `--chmod`) writes them with the right owner and mode "
	       "in the copy itself.",
	.fix = "Give the owner (and mode) on the copy: `COPY --chown=app:app . /app` or "
	       "`COPY --chown=10001:10001 --chmod=0550 . /app`, and drop the chown/chmod "
	       "RUN. Keep the files read-only to the runtime user where it does not need to "
	       "write them.",
	.bad = "FROM node:22-alpine\n"
	       "WORKDIR /app\n"
	       "COPY . .\n"
	       "RUN chown -R node:node /app\n"
	       "USER node\n",
	.good = "FROM node:22-alpine\n"
		"WORKDIR /app\n"
		"COPY --chown=node:node . .\n"
		"USER node\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#copy---chown---chmod",
		"https://docs.docker.com/build/building/best-practices/#user",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
