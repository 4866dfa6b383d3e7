/*
 * RT0008.c -- container has no CPU limit.
 *
 * Reported when NanoCpus and CpuQuota are 0 and CpuShares is 0 or 1024 (the default
 * weight). Not reported when none of the three is present.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		const struct pl_inspect_value *at = &ct->nano_cpus;

		if (ct->nano_cpus.kind != PL_JV_INT && ct->cpu_quota.kind != PL_JV_INT &&
		    ct->cpu_shares.kind != PL_JV_INT) {
			continue;
		}
		/* Any limit or weight other than the default counts as a decision. */
		if ((ct->nano_cpus.kind == PL_JV_INT && ct->nano_cpus.i > 0) ||
		    (ct->cpu_quota.kind == PL_JV_INT && ct->cpu_quota.i > 0) ||
		    (ct->cpu_shares.kind == PL_JV_INT && ct->cpu_shares.i != 0 &&
		     ct->cpu_shares.i != 1024)) {
			continue;
		}
		if (at->kind != PL_JV_INT) {
			at = ct->cpu_quota.kind == PL_JV_INT ? &ct->cpu_quota : &ct->cpu_shares;
		}
		pl_rt_report(ck, ct, at, "has no CPU limit");
	}
}

const struct pl_rule rule_rt0008 = {
	.id = "RT0008",
	.name = "container-no-cpu-limit",
	.title = "Container has no CPU limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A container without a CPU limit or weight competes on equal terms "
	       "with everything else on the host: one busy or hijacked service (a "
	       "crypto miner is the usual payload) slows down every other container "
	       "and the daemon itself.",
	.fix = "Recreate the container with `--cpus` (for example `--cpus 1.5`), or "
	       "give it a relative weight with `--cpu-shares` when it must be able "
	       "to burst.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"CpuShares\": 0,\n"
	       "      \"NanoCpus\": 0,\n"
	       "      \"CpuQuota\": 0\n"
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
	       "      \"CpuShares\": 0,\n"
	       "      \"NanoCpus\": 1500000000,\n"
	       "      \"CpuQuota\": 0\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/resource_constraints/",
		"CIS Docker Benchmark v1.6.0 5.12",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
