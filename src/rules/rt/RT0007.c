/*
 * RT0007.c -- container has no memory limit.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (ct->memory.kind == PL_JV_INT && ct->memory.i == 0) {
			pl_rt_report(ck, ct, &ct->memory, "has no memory limit");
		}
	}
}

const struct pl_rule rule_rt0007 = {
	.id = "RT0007",
	.name = "container-no-memory-limit",
	.title = "Container has no memory limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A container without a memory limit can take all of the host's "
	       "memory: a leak, a hostile request or a fork bomb in one service then "
	       "makes the kernel's OOM killer pick victims across the host, other "
	       "containers and the Docker daemon included.",
	.fix = "Recreate the container with `--memory` (for example `--memory 512m`) "
	       "set a little above what the service uses at peak.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"Memory\": 0\n"
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
	       "      \"Memory\": 536870912\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/resource_constraints/",
		"CIS Docker Benchmark v1.6.0 5.11",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
