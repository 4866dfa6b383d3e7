/*
 * RT0009.c -- container has no process limit.
 *
 * Reported when PidsLimit is null, 0 or negative (all mean unlimited). Not reported when
 * HostConfig has no PidsLimit.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		const struct pl_inspect_value *p = &ct->pids_limit;

		if (p->kind == PL_JV_NULL || (p->kind == PL_JV_INT && p->i <= 0)) {
			pl_rt_report(ck, ct, p, "has no limit on its number of processes");
		}
	}
}

const struct pl_rule rule_rt0009 = {
	.id = "RT0009",
	.name = "container-no-pids-limit",
	.title = "Container has no process limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a PIDs limit, a fork bomb or a leak of threads in one "
	       "container exhausts the host's process table, and then nothing on the "
	       "host can start a process, the tools to stop it included.",
	.fix = "Recreate the container with `--pids-limit` (for example "
	       "`--pids-limit 200`), or set a default with `default-pids-limit` in "
	       "daemon.json.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"PidsLimit\": null\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"PidsLimit\": 200\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#pids-limit",
		"https://docs.docker.com/engine/containers/resource_constraints/",
		"CIS Docker Benchmark v1.6.0 5.29",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
