/*
 * RT0004.c -- container keeps Docker's default capabilities.
 *
 * Reported at HostConfig.CapDrop when it does not list ALL. Not reported when HostConfig
 * has no CapDrop at all (not Docker's output).
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		bool all = false;

		if (ct->cap_drop.at.kind == PL_JV_ABSENT) {
			continue;
		}
		for (size_t k = 0; k < ct->cap_drop.n; k++) {
			all = all || (ct->cap_drop.items[k].kind == PL_JV_STR &&
				      pl_rt_cap_is(ct->cap_drop.items[k].s, "ALL"));
		}
		if (!all) {
			pl_rt_report(ck, ct, &ct->cap_drop.at, "keeps Docker's default "
				     "capabilities: CapDrop does not list ALL");
		}
	}
}

const struct pl_rule rule_rt0004 = {
	.id = "RT0004",
	.name = "container-capabilities-not-dropped",
	.title = "Container keeps Docker's default capabilities",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Docker starts containers with fourteen capabilities, among them "
	       "NET_RAW (forge packets, spoof on the bridge network), MKNOD, "
	       "SETUID/SETGID and DAC_OVERRIDE (ignore file permissions). Most "
	       "services need none of them; each one left in place is something an "
	       "attacker inside the container can use.",
	.fix = "Recreate the container with `--cap-drop ALL` and add back only what "
	       "it needs, for example `--cap-add NET_BIND_SERVICE` for a server that "
	       "binds port 80 as a non-root user.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"CapAdd\": null,\n"
	       "      \"CapDrop\": null\n"
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
	       "      \"CapAdd\": null,\n"
	       "      \"CapDrop\": [\n"
	       "        \"ALL\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		"CIS Docker Benchmark v1.6.0 5.4",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
