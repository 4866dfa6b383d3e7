/*
 * DF0057 -- COPY or ADD of several sources into a destination that is not a directory.
 *
 * Reported: COPY or ADD with two or more sources, or one source with a wildcard, whose
 * destination does not end with '/'.
 * Not reported: heredoc sources; `--parents`; destinations whose variables are not known
 * (they may end with '/'); "." and "..", and the WORKDIR in effect, which are directories
 * that exist; Windows destinations ending with a backslash (escape=`).
 *
 * The classic builder refuses such a COPY; BuildKit accepts it and, when the destination
 * does not exist yet, copies every source to that one path, each over the previous
 * (moby/buildkit#1853), so the image silently gets a file instead of a directory.
 */
#include "core/str.h"
#include "rules/df/util.h"

#include <string.h>

/* D names the WORKDIR in effect, which the builder has created as a directory. */
static bool
is_workdir(const char *d, const char *workdir)
{
	size_t n = strlen(d), w;

	if (workdir == NULL) {
		return false;
	}
	w = strlen(workdir);
	while (w > 1 && workdir[w - 1] == '/') {
		w--;
	}
	return n == w && strncmp(d, workdir, w) == 0;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_df_word *dst;
	size_t nsrc;
	bool glob;
	const char *d;
	struct pl_finding *f;

	if (in->nargs < 2 || in->nheredocs > 0 || pl_df_flag(in, "parents", NULL) != NULL) {
		return;
	}
	dst = &in->args[in->nargs - 1];
	nsrc = in->nargs - 1;
	glob = nsrc == 1 && strpbrk(in->args[0].s, "*?[") != NULL;
	if (nsrc < 2 && !glob) {
		return;
	}
	d = pl_df_expand(m, &m->states[i], dst->s);
	if (d == NULL || d[0] == '\0' || d[strlen(d) - 1] == '/' || d[strlen(d) - 1] == '\\' ||
	    pl_streq(d, ".") || pl_streq(d, "..") || is_workdir(d, m->states[i].workdir)) {
		return;
	}
	f = pl_check_report(ck, dst->off, dst->end, "%s of %s into '%s', which does not end with "
			    "'/': the classic builder fails, BuildKit writes every source to that "
			    "one path", in->kind == PL_DF_ADD ? "ADD" : "COPY",
			    glob ? "a wildcard" : "several sources", d);
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Write the destination as a directory: `%s/`.", d);
		if (!in->json) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = e->end = dst->end;
			e->replacement = "/";
			f->edit = e;
		}
	}
}

const struct pl_rule rule_df0057 = {
	.id = "DF0057",
	.name = "copy-dest-not-directory",
	.title = "Several sources are copied to a destination that is not a directory",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "With more than one source, or a wildcard, the destination of COPY and ADD must "
	       "be a directory written with a trailing '/'. The classic builder stops the "
	       "build. BuildKit does not: if the destination does not exist yet, it copies "
	       "each source to that same path, one over the other, so the image gets a single "
	       "file holding the last source where a directory of files was meant. With a "
	       "wildcard, the outcome changes the day it matches a second file.",
	.fix = "End the destination with '/': `COPY package.json package-lock.json /app/`.",
	.bad = "FROM node:20.11.1\nCOPY package.json package-lock.json /app\n",
	.good = "FROM node:20.11.1\nCOPY package.json package-lock.json /app/\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#copy",
		"https://github.com/moby/buildkit/issues/1853",
		NULL },
	.peers = (const char *const[]){
		"hadolint:DL3021", "trivy:DS-0011",
		"kics:Copy With More Than Two Arguments Not Ending With Slash", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
};
