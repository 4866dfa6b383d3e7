/*
 * DF0018 -- several ENTRYPOINT instructions in one stage.
 *
 * Reported: every ENTRYPOINT of a stage but the last, which is the only one that takes effect.
 * Not reported: one ENTRYPOINT per stage (build stages may each have their own).
 */
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m)
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

		if (m->file->instrs[i].kind == PL_DF_ENTRYPOINT && st != NULL) {
			last[st->index] = (long)i;
		}
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (in->kind != PL_DF_ENTRYPOINT || st == NULL || last[st->index] == (long)i) {
			continue;
		}
		f = pl_check_report(ck, in->off, in->off + (uint32_t)strlen(in->keyword),
				    "ENTRYPOINT is overridden by a later ENTRYPOINT in the same stage (line %u)",
				    m->file->instrs[last[st->index]].start_line);
		if (f != NULL) {
			f->fix = "Keep one ENTRYPOINT per stage: remove this one or merge it into the last.";
		}
	}
}

const struct pl_rule rule_df0018 = {
	.id = "DF0018",
	.name = "multiple-entrypoint",
	.title = "Several ENTRYPOINT instructions in one stage",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Only the last ENTRYPOINT of a stage takes effect. An earlier one is dead code: the process that really starts, and so what must be hardened and reviewed, is not the one a reader sees first.",
	.fix = "Keep a single ENTRYPOINT in each stage; when a base stage's ENTRYPOINT must change, write "
	       "the new one once in the stage that builds on it.",
	.bad = "FROM node:20.11.1\nENTRYPOINT [\"node\"]\nENTRYPOINT [\"docker-entrypoint.sh\"]\n",
	.good = "FROM node:20.11.1\nENTRYPOINT [\"docker-entrypoint.sh\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#entrypoint",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL4004", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
