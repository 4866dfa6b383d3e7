/*
 * DF0052 -- the whole build tree of a stage is copied into the final image.
 *
 * Reported: in the final stage (or a stage it builds FROM), `COPY --from=STAGE SRC DST`
 * where SRC is `/`, `.`, or the source stage's final WORKDIR: sources, dev dependencies
 * and build caches come along with the artefacts.
 * Not reported: subdirectories of the WORKDIR (`/app/dist`, `/app/build`), files,
 * images (not stages), and sources from variables whose value is not known.
 */
#include "rules/df/util.h"

#include <string.h>

static bool
same_dir(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);

	while (n > 1 && a[n - 1] == '/') {
		n--;
	}
	while (m > 1 && b[m - 1] == '/') {
		m--;
	}
	return n == m && strncmp(a, b, n) == 0;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i), *from;
	const char *name = pl_df_flag(in, "from", NULL);
	struct pl_finding *f;
	int idx;
	size_t k;

	if (st == NULL || name == NULL || in->nargs < 2 || !pl_df_in_final_chain(m, st->index)) {
		return;
	}
	idx = pl_df_stage_named(m, name);
	if (idx < 0 || idx >= st->index) {
		return;
	}
	from = &m->stages[idx];
	for (k = 0; k + 1 < in->nargs; k++) {
		const char *src = pl_df_expand(m, &m->states[i], in->args[k].s);

		if (src == NULL) {
			continue;
		}
		if (!same_dir(src, "/") && !same_dir(src, ".") &&
		    !(from->end.workdir != NULL && same_dir(src, from->end.workdir))) {
			continue;
		}
		f = pl_check_report(ck, in->args[k].off, in->args[k].end, "copies the whole "
				    "working tree of stage '%s' into the final image, sources and "
				    "build dependencies included", from->name);
		if (f != NULL) {
			f->fix = "Copy only the build output (`COPY --from=build /app/dist /app/`, "
				 "the binary, the production dependencies).";
		}
	}
}

const struct pl_rule rule_df0052 = {
	.id = "DF0052",
	.name = "copy-whole-build-tree",
	.title = "The whole build tree is copied into the final image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "A multi-stage build exists to leave compilers, sources, dev dependencies and "
	       "caches behind. Copying the build stage's whole working directory brings them "
	       "all back: a larger image, more packages for scanners to flag, and source code "
	       "or test fixtures shipped to production.",
	.fix = "Copy only what runs: the compiled output directory, the binary, and a "
	       "production-only install of the dependencies.",
	.bad = "FROM node:20.11.1 AS build\nWORKDIR /app\nRUN npm ci && npm run build\n"
	       "FROM node:20.11.1-slim\nCOPY --from=build /app /app\n",
	.good = "FROM node:20.11.1 AS build\nWORKDIR /app\nRUN npm ci && npm run build\n"
		"FROM node:20.11.1-slim\nCOPY --from=build /app/dist /app/dist\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/multi-stage/",
				       NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY),
	.check_instr = check,
};
