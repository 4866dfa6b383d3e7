/*
 * RT0002.c -- container has a capability added that opens the host.
 */
#include "rules/rt/util.h"
#include "core/str.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->cap_add.n; k++) {
			const struct pl_inspect_value *v = &ct->cap_add.items[k];

			if (v->kind == PL_JV_STR && pl_rt_dangerous_cap(v->s)) {
				pl_rt_report(ck, ct, v, "has %s added, a capability close to root "
					     "on the host", v->s);
			}
		}
	}
}

const struct pl_rule rule_rt0002 = {
	.id = "RT0002",
	.name = "container-dangerous-capability",
	.title = "Container has a capability added that opens the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Some capabilities are nearly root on the host: SYS_ADMIN mounts file "
	       "systems and escapes through cgroups, SYS_PTRACE reads the memory of "
	       "other processes, SYS_MODULE loads kernel code, NET_ADMIN rewrites "
	       "the host's firewall when the network namespace is shared, "
	       "DAC_READ_SEARCH reads any file by handle. A container that was given "
	       "one of them is one application bug away from the host.",
	.fix = "Recreate the container without the `--cap-add`. If one operation "
	       "needs it, find the narrower capability (NET_BIND_SERVICE for low "
	       "ports, CHOWN for ownership) or move that operation out of the "
	       "long-running container.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"CapAdd\": [\n"
	       "        \"SYS_ADMIN\"\n"
	       "      ],\n"
	       "      \"CapDrop\": [\n"
	       "        \"ALL\"\n"
	       "      ]\n"
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
	       "      \"CapAdd\": [\n"
	       "        \"NET_BIND_SERVICE\"\n"
	       "      ],\n"
	       "      \"CapDrop\": [\n"
	       "        \"ALL\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		"https://man7.org/linux/man-pages/man7/capabilities.7.html",
		"CIS Docker Benchmark v1.6.0 5.4",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
