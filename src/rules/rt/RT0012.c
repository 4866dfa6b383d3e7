/*
 * RT0012.c -- container port is mapped to a privileged host port.
 *
 * Reported per binding to a host port from 1 to 1023, once per container port and host
 * port.
 */
#include "rules/rt/util.h"
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		size_t n;
		const struct pl_inspect_port *b = pl_rt_bindings(ct, &n);

		for (size_t k = 0; k < n; k++) {
			unsigned port = pl_rt_host_port(&b[k]);

			if (port == 0 || port >= 1024) {
				continue;
			}
			if (k > 0 && strcmp(b[k - 1].port, b[k].port) == 0 &&
			    pl_rt_host_port(&b[k - 1]) == port) {
				continue;
			}
			pl_rt_report(ck, ct, &b[k].host_port, "maps port %s to privileged host "
				     "port %u", b[k].port, port);
		}
	}
}

const struct pl_rule rule_rt0012 = {
	.id = "RT0012",
	.name = "container-privileged-port",
	.title = "Container port is mapped to a privileged host port",
	.severity = PL_SEV_LOW,
	.category = "network",
	.why = "Ports below 1024 are reserved for services the host's administrator "
	       "runs: on the host, only root may bind them. A container that takes "
	       "one (80, 443, 22, 25 ...) presents itself as such a service, may "
	       "shadow one the host means to run, and is usually a sign that the "
	       "container was set up as root without thought about which ports it "
	       "exposes.",
	.fix = "Map the container's port to a host port of 1024 or above (`-p "
	       "8080:80`) and put a reverse proxy or load balancer on the well-known "
	       "port.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"PortBindings\": {\n"
	       "        \"80/tcp\": [\n"
	       "          {\n"
	       "            \"HostIp\": \"127.0.0.1\",\n"
	       "            \"HostPort\": \"80\"\n"
	       "          }\n"
	       "        ]\n"
	       "      }\n"
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
	       "      \"PortBindings\": {\n"
	       "        \"80/tcp\": [\n"
	       "          {\n"
	       "            \"HostIp\": \"127.0.0.1\",\n"
	       "            \"HostPort\": \"8080\"\n"
	       "          }\n"
	       "        ]\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#publish",
		"CIS Docker Benchmark v1.6.0 5.8",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
