/*
 * RT0011.c -- container port is published on every host interface.
 *
 * Reported per binding whose HostIp is empty, 0.0.0.0 or ::, once per container port and
 * host port (running containers list the IPv4 and IPv6 bindings of one port apart).
 */
#include "rules/rt/util.h"
#include <string.h>

static bool
all_interfaces(const struct pl_inspect_value *ip)
{
	return ip->kind == PL_JV_ABSENT || (ip->kind == PL_JV_STR &&
	       (ip->s[0] == '\0' || strcmp(ip->s, "0.0.0.0") == 0 || strcmp(ip->s, "::") == 0 ||
		strcmp(ip->s, "[::]") == 0));
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		size_t n;
		const struct pl_inspect_port *b = pl_rt_bindings(ct, &n);

		for (size_t k = 0; k < n; k++) {
			const struct pl_inspect_port *p = &b[k];

			if (!all_interfaces(&p->host_ip)) {
				continue;
			}
			/* 0.0.0.0 and :: of one port are one finding. */
			if (k > 0 && strcmp(b[k - 1].port, p->port) == 0 &&
			    strcmp(b[k - 1].host_port.s, p->host_port.s) == 0 &&
			    all_interfaces(&b[k - 1].host_ip)) {
				continue;
			}
			pl_rt_report(ck, ct, p->host_ip.kind != PL_JV_ABSENT ? &p->host_ip
									    : &p->host_port,
				     "publishes port %s on every host interface (host port %s)",
				     p->port, p->host_port.s[0] != '\0' ? p->host_port.s : "any");
		}
	}
}

const struct pl_rule rule_rt0011 = {
	.id = "RT0011",
	.name = "container-port-on-all-interfaces",
	.title = "Container port is published on every host interface",
	.severity = PL_SEV_MEDIUM,
	.category = "network",
	.why = "A port published without a host address (`-p 5432:5432`) listens on "
	       "0.0.0.0 and [::]: every network the host is on can reach it, and "
	       "Docker's own firewall rules bypass host firewalls such as ufw. "
	       "Databases, caches, admin panels and metrics endpoints published this "
	       "way are a common cause of data leaks.",
	.fix = "Publish the port on the interface that needs it: `-p "
	       "127.0.0.1:5432:5432` for local access, the private address for a "
	       "private network, or do not publish it and let other containers reach "
	       "it over a user-defined network.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/db\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"postgres:16.4\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"PortBindings\": {\n"
	       "        \"5432/tcp\": [\n"
	       "          {\n"
	       "            \"HostIp\": \"\",\n"
	       "            \"HostPort\": \"5432\"\n"
	       "          }\n"
	       "        ]\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/db\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"postgres:16.4\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"PortBindings\": {\n"
	       "        \"5432/tcp\": [\n"
	       "          {\n"
	       "            \"HostIp\": \"127.0.0.1\",\n"
	       "            \"HostPort\": \"5432\"\n"
	       "          }\n"
	       "        ]\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#publish",
		"https://docs.docker.com/engine/network/packet-filtering-firewalls/",
		"CIS Docker Benchmark v1.6.0 5.14",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
