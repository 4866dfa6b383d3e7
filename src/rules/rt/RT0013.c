/*
 * RT0013.c -- container has the Docker socket mounted.
 *
 * Reported for any mount whose source is a docker.sock, containerd.sock or podman.sock,
 * read-only included: a read-only bind of a socket still lets the container connect to
 * it.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		for (size_t k = 0; k < ct->nmounts; k++) {
			const struct pl_inspect_mount *m = &ct->mounts[k];

			if (m->source.kind == PL_JV_STR && pl_rt_runtime_socket(m->source.s)) {
				pl_rt_report(ck, ct, &m->source, "has the container runtime's "
					     "socket %s mounted: it controls the host", m->source.s);
			}
		}
	}
}

const struct pl_rule rule_rt0013 = {
	.id = "RT0013",
	.name = "container-docker-socket-mounted",
	.title = "Container has the Docker socket mounted",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "Whoever can talk to the Docker socket can start a privileged "
	       "container that mounts the host's root file system: the socket is "
	       "root on the host, and `:ro` does not change that, since connecting "
	       "to a socket is not writing to a file. A container with the socket "
	       "mounted turns any bug in it into host compromise.",
	.fix = "Remove the mount. A container that must see other containers can use "
	       "a socket proxy that allows only the read-only API calls it needs; CI "
	       "jobs that build images can use rootless BuildKit instead.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/agent\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"ghcr.io/acme/agent:2.1\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"bind\",\n"
	       "        \"Source\": \"/var/run/docker.sock\",\n"
	       "        \"Destination\": \"/var/run/docker.sock\",\n"
	       "        \"Mode\": \"ro\",\n"
	       "        \"RW\": false,\n"
	       "        \"Propagation\": \"rprivate\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/agent\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"ghcr.io/acme/agent:2.1\"\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"Mounts\": [\n"
	       "      {\n"
	       "        \"Type\": \"volume\",\n"
	       "        \"Name\": \"agent-data\",\n"
	       "        \"Source\": \"/var/lib/docker/volumes/agent-data/_data\",\n"
	       "        \"Destination\": \"/data\",\n"
	       "        \"Driver\": \"local\",\n"
	       "        \"Mode\": \"z\",\n"
	       "        \"RW\": true,\n"
	       "        \"Propagation\": \"\"\n"
	       "      }\n"
	       "    ]\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/security/#docker-daemon-attack-surface",
		"https://docs.docker.com/engine/security/protect-access/",
		"CIS Docker Benchmark v1.6.0 5.32",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
