/*
 * RT0001.c -- container runs privileged.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (ct->privileged.kind == PL_JV_BOOL && ct->privileged.b) {
			pl_rt_report(ck, ct, &ct->privileged, "runs privileged: it has every "
				     "capability and every device of the host");
		}
	}
}

const struct pl_rule rule_rt0001 = {
	.id = "RT0001",
	.name = "privileged-container",
	.title = "Container runs privileged",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "A privileged container gets every Linux capability, every host "
	       "device and no seccomp or AppArmor confinement: a process that "
	       "escapes the application owns the host. `docker run --privileged` is "
	       "often left in place long after the one tool that needed it is gone.",
	.fix = "Recreate the container without `--privileged`. Grant only the "
	       "capability it needs with `--cap-add`, and only the device it needs "
	       "with `--device`.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"Privileged\": true\n"
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
	       "      \"Privileged\": false\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#privileged",
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		"CIS Docker Benchmark v1.6.0 5.5",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
