/*
 * DF0019 -- several HEALTHCHECK instructions in one stage.
 *
 * Reported: every HEALTHCHECK of a stage but the last, which is the only one that takes effect.
 * Not reported: one HEALTHCHECK per stage (build stages may each have their own).
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

		if (m->file->instrs[i].kind == PL_DF_HEALTHCHECK && st != NULL) {
			last[st->index] = (long)i;
		}
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];

		if (in->kind != PL_DF_HEALTHCHECK || st == NULL || last[st->index] == (long)i) {
			continue;
		}
		f = pl_check_report(ck, in->off, in->off + (uint32_t)strlen(in->keyword),
				    "HEALTHCHECK is overridden by a later HEALTHCHECK in the same stage (line %u)",
				    m->file->instrs[last[st->index]].start_line);
		if (f != NULL) {
			f->fix = "Keep one HEALTHCHECK per stage: remove this one or merge it into the last.";
		}
	}
}

const struct pl_rule rule_df0019 = {
	.id = "DF0019",
	.name = "multiple-healthcheck",
	.title = "Several HEALTHCHECK instructions in one stage",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Only the last HEALTHCHECK of a stage takes effect. An earlier one gives a false sense of what is probed; a later HEALTHCHECK NONE silently turns checking off.",
	.fix = "Keep a single HEALTHCHECK in each stage; when a base stage's HEALTHCHECK must change, write "
	       "the new one once in the stage that builds on it.",
	.bad = "FROM nginx:1.27.0\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://127.0.0.1/\"]\nHEALTHCHECK NONE\n",
	.good = "FROM nginx:1.27.0\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://127.0.0.1/\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3012", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
