/*
 * RT0005.c -- container's root file system is writable.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (ct->readonly_rootfs.kind == PL_JV_BOOL && !ct->readonly_rootfs.b) {
			pl_rt_report(ck, ct, &ct->readonly_rootfs, "has a writable root file system");
		}
	}
}

const struct pl_rule rule_rt0005 = {
	.id = "RT0005",
	.name = "container-writable-root-filesystem",
	.title = "Container's root file system is writable",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "With a writable root file system, an attacker who gets code "
	       "execution can replace binaries and libraries, plant tools and "
	       "persist across restarts of the process. A read-only root turns most "
	       "of that into an error, and makes the container's state what the "
	       "image says.",
	.fix = "Recreate the container with `--read-only`, and give the paths the "
	       "application writes to their own volumes or `--tmpfs` mounts "
	       "(`--tmpfs /tmp`).",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"ReadonlyRootfs\": false\n"
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
	       "      \"ReadonlyRootfs\": true\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#read-only",
		"CIS Docker Benchmark v1.6.0 5.13",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
