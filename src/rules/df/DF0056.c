/*
 * DF0056 -- COPY --from or RUN --mount from= names the current stage or a later one.
 *
 * Reported: `COPY --from=NAME` and `RUN --mount=...,from=NAME` where NAME is the stage
 * the instruction is in (a circular dependency that BuildKit refuses), or a stage defined
 * later in the file; numeric references to the stage itself, to a later stage, or past
 * the last stage (BuildKit: invalid stage index).
 * Not reported: image references (`--from=nginx:1.27`); references through variables,
 * whose value may differ at build time; earlier stages.
 *
 * A later stage is not an error for BuildKit, which resolves the name across the whole
 * file and builds that stage first; but the classic builder and tools that read stages in
 * order look for an image of that name instead, and the order hides a dependency from
 * readers, who expect a stage's inputs above it.
 */
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

/* The stage that REF names: a stage name, or a decimal index; -1 for an image. */
static long
stage_ref(const struct pl_df_model *m, const char *ref, bool *numeric)
{
	*numeric = ref[0] != '\0' && strspn(ref, "0123456789") == strlen(ref);
	if (*numeric) {
		/* More digits than any stage count can have: an index far past the end. */
		return strlen(ref) > 9 ? (long)m->nstages : strtol(ref, NULL, 10);
	}
	return pl_df_stage_named(m, ref);
}

static void
report(struct pl_check *ck, const struct pl_df_model *m, const struct pl_stage *st,
       const char *ref, uint32_t off, uint32_t end)
{
	bool numeric;
	long idx;
	struct pl_finding *f;

	if (ref[0] == '\0' || strchr(ref, '$') != NULL) {
		return;
	}
	idx = stage_ref(m, ref, &numeric);
	if (idx < 0 || idx < st->index) {
		return;
	}
	if (numeric && (size_t)idx >= m->nstages) {
		f = pl_check_report(ck, off, end, "stage index %s does not exist: the file has %zu "
				    "stages", ref, m->nstages);
	} else if (idx == st->index) {
		f = pl_check_report(ck, off, end, "'%s' is the stage this instruction is in: a "
				    "stage cannot take files from itself", ref);
	} else {
		uint32_t line = m->file->instrs[m->stages[idx].from].start_line;

		f = pl_check_report(ck, off, end, "'%s' is a stage defined later (line %u): only "
				    "BuildKit resolves it, other builders look for an image of "
				    "that name", ref, line);
	}
	if (f != NULL) {
		f->fix = "Define the stage that provides the files above the one that uses them, "
			 "and refer to it by name.";
	}
}

/* The value of from= in a --mount flag, or NULL. */
static const char *
mount_from(struct pl_arena *a, const char *spec)
{
	for (const char *p = spec; *p != '\0';) {
		size_t len = strcspn(p, ",");

		if (len > 5 && strncmp(p, "from=", 5) == 0) {
			return pl_arena_strndup(a, p + 5, len - 5);
		}
		p += len;
		if (*p == ',') {
			p++;
		}
	}
	return NULL;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_df_instr *in = &m->file->instrs[i];
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const struct pl_df_word *w = NULL;
	const char *from;

	if (st == NULL) {
		return;
	}
	if (in->kind == PL_DF_COPY) {
		from = pl_df_flag(in, "from", &w);
		if (from != NULL && w != NULL) {
			report(ck, m, st, from, w->off, w->end);
		}
		return;
	}
	for (size_t k = 0; k < in->nflags; k++) {
		if (strncmp(in->flags[k].s, "--mount=", 8) == 0 &&
		    (from = mount_from(m->arena, in->flags[k].s + 8)) != NULL) {
			report(ck, m, st, from, in->flags[k].off, in->flags[k].end);
		}
	}
}

const struct pl_rule rule_df0056 = {
	.id = "DF0056",
	.name = "copy-from-invalid-stage",
	.title = "COPY --from or a RUN mount names the current stage or a later one",
	.severity = PL_SEV_MEDIUM,
	.category = "syntax",
	.why = "A stage that takes files from itself is a circular dependency: BuildKit stops "
	       "the build, and so does an index past the last stage. A stage defined further "
	       "down is resolved by BuildKit, which builds it first, but the classic builder "
	       "and other tools that read stages in order treat the name as an image to pull: "
	       "the build fails there, or copies files from an unrelated public image of the "
	       "same name. The order also hides the dependency from readers.",
	.fix = "Define the source stage before the stage that copies from it, and refer to it "
	       "by name: `FROM golang:1.22.5 AS build` above `COPY --from=build /out/app "
	       "/app`.",
	.bad = "FROM alpine:3.20.3 AS runtime\nCOPY --from=build /out/app /app\n"
	       "FROM golang:1.22.5 AS build\n",
	.good = "FROM golang:1.22.5 AS build\nFROM alpine:3.20.3 AS runtime\n"
		"COPY --from=build /out/app /app\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/multi-stage/",
		"https://docs.docker.com/reference/dockerfile/#copy---from",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3022", "hadolint:DL3023", "trivy:DS-0006",
					 "kics:COPY '--from' References Current FROM Alias", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_COPY) | PL_ON(PL_DF_RUN),
	.check_instr = check,
};
