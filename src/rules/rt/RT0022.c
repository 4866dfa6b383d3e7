/*
 * RT0022.c -- container mount propagates to and from the host.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->nmounts; k++) {
			const struct pl_inspect_mount *m = &ct->mounts[k];

			if (pl_inspect_is(&m->propagation, "shared") ||
			    pl_inspect_is(&m->propagation, "rshared")) {
				pl_rt_report(ck, ct, &m->propagation, "mounts %s with %s propagation: "
					     "mounts made inside appear on the host", m->source.s,
					     m->propagation.s);
			}
		}
	}
}

const struct pl_rule rule_rt0022 = {
	.id = "RT0022",
	.name = "container-shared-mount-propagation",
	.title = "Container mount propagates to and from the host",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "With shared propagation, a mount that the container makes below the "
	       "mount point appears on the host too, and the host's mounts appear in "
	       "the container. A compromised container can then mount file systems "
	       "into the host's tree; the default, private propagation keeps the two "
	       "apart.",
	.fix = "Recreate the container without `shared` or `rshared` in the mount's "
	       "options (`-v /srv/data:/data` uses rprivate), unless it is a storage "
	       "driver that is meant to mount for the host.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"bind\",\n"
	       "        \"Source\": \"/srv/data\",\n"
	       "        \"Destination\": \"/data\",\n"
	       "        \"Mode\": \"rshared\",\n"
	       "        \"RW\": true,\n"
	       "        \"Propagation\": \"rshared\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"bind\",\n"
	       "        \"Source\": \"/srv/data\",\n"
	       "        \"Destination\": \"/data\",\n"
	       "        \"Mode\": \"\",\n"
	       "        \"RW\": true,\n"
	       "        \"Propagation\": \"rprivate\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation",
		"CIS Docker Benchmark v1.6.0 5.20",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
