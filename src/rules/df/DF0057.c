/*
 * DF0057 -- COPY or ADD of several sources into a destination that is not a directory.
 *
 * Reported: two or more sources (or one with a wildcard) and a destination that does not
 * end with '/', which the build rejects.
 * Not reported: heredoc sources, destinations from variables whose value is not known
 * (they may end with '/'), and the JSON form's destination likewise.
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_df_word *dst;
	size_t nsrc;
	bool glob;
	const char *d;
	struct pl_finding *f;

	if (in->nargs < 2 || in->nheredocs > 0) {
		return;
	}
	dst = &in->args[in->nargs - 1];
	nsrc = in->nargs - 1;
	glob = nsrc == 1 && strpbrk(in->args[0].s, "*?[") != NULL;
	if (nsrc < 2 && !glob) {
		return;
	}
	d = pl_df_expand(m, &m->states[i], dst->s);
	/* Windows images (escape=`) end directories with a backslash. */
	if (d == NULL || d[0] == '\0' || d[strlen(d) - 1] == '/' || d[strlen(d) - 1] == '\\') {
		return;
	}
	f = pl_check_report(ck, dst->off, dst->end, "%s of %s into '%s': the destination must "
			    "end with '/'", in->kind == PL_DF_ADD ? "ADD" : "COPY",
			    glob ? "a wildcard source" : "several sources", d);
	if (f != NULL) {
		struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

		if (!in->json) {
			e->off = e->end = dst->end;
			e->replacement = "/";
			f->edit = e;
		}
		f->fix = pl_check_printf(ck, "Write the destination as a directory: `%s/`.", d);
	}
}

const struct pl_rule rule_df0057 = {
	.id = "DF0057",
	.name = "copy-dest-not-directory",
	.title = "Several sources are copied into a destination that is not a directory",
	.severity = PL_SEV_HIGH,
	.category = "syntax",
	.why = "When COPY or ADD has more than one source, or a wildcard, the destination must "
	       "be a directory and end with '/'. Without it the build fails, or with a wildcard "
	       "that matches one file today, silently writes that file under the directory's "
	       "name, and breaks later when the wildcard matches two.",
	.fix = "End the destination with '/': `COPY package.json package-lock.json /app/`.",
	.bad = "FROM node:20.11.1\nCOPY package.json package-lock.json /app\n",
	.good = "FROM node:20.11.1\nCOPY package.json package-lock.json /app/\n",
	.refs = (const char *const[]){ "https://docs.docker.com/reference/dockerfile/#copy",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3021", "trivy:DS-0011", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
};
