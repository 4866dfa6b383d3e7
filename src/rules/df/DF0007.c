/*
 * DF0007 -- the final image has no HEALTHCHECK.
 *
 * Reported: no HEALTHCHECK in the final stage or the stages it builds FROM, at the final
 * FROM.
 * Not reported: `HEALTHCHECK NONE` (an explicit choice, for example when the orchestrator
 * probes the container); files with no FROM.
 */
#include "rules/df/util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t i;
	const struct pl_df_instr *in;

	if (m->final_stage < 0) {
		return;
	}
	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *st = pl_df_stage_of(m, i);

		if (m->file->instrs[i].kind == PL_DF_HEALTHCHECK && st != NULL &&
		    pl_df_in_final_chain(m, st->index)) {
			return;
		}
	}
	in = &m->file->instrs[m->stages[m->final_stage].from];
	pl_check_report(ck, in->off, in->end, "the final image defines no HEALTHCHECK: a hung "
			"process looks healthy to Docker and Compose");
}

const struct pl_rule rule_df0007 = {
	.id = "DF0007",
	.name = "missing-healthcheck",
	.title = "The final image has no HEALTHCHECK",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a health check, Docker and Compose only know whether the process "
	       "exists, not whether it serves: a deadlocked or half-started service stays "
	       "'running', `depends_on: condition: service_healthy` cannot work, and restarts "
	       "never happen. Kubernetes ignores HEALTHCHECK and uses its own probes instead.",
	.fix = "Add a cheap check of the real service, such as `HEALTHCHECK --interval=30s "
	       "--timeout=3s CMD [\"/app/healthcheck\"]` or a `wget -q --spider` of a health "
	       "endpoint; if the orchestrator probes the container, say so with "
	       "`HEALTHCHECK NONE`.",
	.bad = "FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n",
	.good = "FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n"
		"HEALTHCHECK --interval=30s --timeout=3s CMD [\"wget\", \"-q\", \"--spider\", "
		"\"http://127.0.0.1/\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		"CIS Docker Benchmark 4.6: Ensure that HEALTHCHECK instructions have been added",
		NULL },
	.peers = (const char *const[]){ "trivy:DS-0026", "checkov:CKV_DOCKER_2",
					 "kics:Healthcheck Instruction Missing", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
