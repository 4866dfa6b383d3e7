/*
 * DF0056 -- COPY --from names the current stage or a later one.
 *
 * Reported: `COPY --from=NAME` where NAME is the stage the COPY is in, or a stage defined
 * later in the file (BuildKit then pulls an image of that name instead), and numeric
 * indexes that are not earlier stages.
 * Not reported: image references and unknown variables.
 */
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_df_word *w = NULL;
	const char *from = pl_df_flag(in, "from", &w);
	int named;
	char *end;

	if (st == NULL || from == NULL || from[0] == '\0' || strchr(from, '$') != NULL) {
		return;
	}
	if (strspn(from, "0123456789") == strlen(from)) {
		long idx = strtol(from, &end, 10);

		if (idx >= st->index) {
			pl_check_report(ck, w->off, w->end, "COPY --from=%s: stage %ld is not an "
					"earlier stage", from, idx);
		}
		return;
	}
	named = pl_df_stage_named(m, from);
	if (named == st->index) {
		pl_check_report(ck, w->off, w->end, "COPY --from=%s names the stage it is in",
				from);
	} else if (named > st->index) {
		pl_check_report(ck, w->off, w->end, "COPY --from=%s names a later stage: the "
				"build pulls an image called '%s' instead", from, from);
	}
}

const struct pl_rule rule_df0056 = {
	.id = "DF0056",
	.name = "copy-from-invalid-stage",
	.title = "COPY --from names the current stage or a later one",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "A stage can only copy from stages defined before it. A name of the stage itself "
	       "or of a later stage is not resolved as a stage at all: the builder looks for an "
	       "image with that name in a registry, so the build fails, or worse, copies files "
	       "from an unrelated public image of the same name.",
	.fix = "Define the source stage before the stage that copies from it, and use its "
	       "name: `COPY --from=build /out/app /app`.",
	.bad = "FROM alpine:3.20.3 AS runtime\nCOPY --from=build /out/app /app\n"
	       "FROM golang:1.22.5 AS build\n",
	.good = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS runtime\n"
		"COPY --from=build /out/app /app\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/multi-stage/",
				       NULL },
	.peers = (const char *const[]){ "hadolint:DL3022", "hadolint:DL3023", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY) | PL_ON(PL_DF_ADD),
	.check_instr = check,
};
