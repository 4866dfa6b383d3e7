/*
 * RT0021.c -- container has a host device passed through.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->ndevices; k++) {
			const struct pl_inspect_device *d = &ct->devices[k];

			if (d->path_on_host.kind != PL_JV_STR) {
				continue;
			}
			pl_rt_report(ck, ct, &d->path_on_host, "has the host device %s passed "
				     "through%s%s%s", d->path_on_host.s,
				     d->permissions.kind == PL_JV_STR ? " (" : "",
				     d->permissions.kind == PL_JV_STR ? d->permissions.s : "",
				     d->permissions.kind == PL_JV_STR ? ")" : "");
		}
	}
}

const struct pl_rule rule_rt0021 = {
	.id = "RT0021",
	.name = "container-host-device",
	.title = "Container has a host device passed through",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A device passed with `--device` is the host's own hardware or kernel "
	       "interface: a disk can be read and written below every file "
	       "permission, /dev/mem and /dev/kmsg expose the kernel, a GPU or USB "
	       "device is shared with the host. Each one needs a reason, and "
	       "read-only access where possible.",
	.fix = "Recreate the container without the `--device`, or narrow it: pass "
	       "the one device node needed, with the permissions it needs (`--device "
	       "/dev/ttyUSB0:/dev/ttyUSB0:r`).",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"Devices\": [\n"
	       "        {\n"
	       "          \"PathOnHost\": \"/dev/sda\",\n"
	       "          \"PathInContainer\": \"/dev/sda\",\n"
	       "          \"CgroupPermissions\": \"rwm\"\n"
	       "        }\n"
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
	       "      \"Devices\": []\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#device",
		"CIS Docker Benchmark v1.6.0 5.18",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
