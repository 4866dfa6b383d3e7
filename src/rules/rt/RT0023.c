/*
 * RT0023.c -- container is on the default bridge network.
 *
 * Reported for NetworkMode default or bridge.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (pl_inspect_is(&ct->network_mode, "default") ||
		    pl_inspect_is(&ct->network_mode, "bridge")) {
			pl_rt_report(ck, ct, &ct->network_mode, "is on the default bridge network, "
				     "where every container can reach every other");
		}
	}
}

const struct pl_rule rule_rt0023 = {
	.id = "RT0023",
	.name = "container-default-bridge",
	.title = "Container is on the default bridge network",
	.severity = PL_SEV_LOW,
	.category = "network",
	.why = "Every container started without `--network` joins Docker's default "
	       "bridge, where all of them can reach each other on every port: one "
	       "compromised container can probe and attack all the others. "
	       "User-defined networks keep unrelated containers apart and resolve "
	       "container names.",
	.fix = "Create a network per application (`docker network create shop`) and "
	       "recreate its containers with `--network shop`; on the daemon, "
	       "`\"icc\": false` closes the default bridge between containers.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"NetworkMode\": \"bridge\"\n"
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
	       "      \"NetworkMode\": \"shop\"\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/network/drivers/bridge/",
		"CIS Docker Benchmark v1.6.0 5.30",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
