/*
 * DC0007.c -- service shares a host namespace.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	static const char *const keys[] = { "network_mode", "pid", "ipc", "userns_mode", "uts",
					     "cgroup", NULL };

	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];

		for (const char *const *key = keys; *key != NULL; key++) {
			struct fy_node *n, *k;
			const char *v = pl_dc_str(c, s, *key, &n, &k);

			if (v != NULL && pl_streq_ci(v, "host")) {
				pl_dc_report(ck, s, n, k, "service '%s' shares the host's namespace "
					     "(%s: host)", s->name, *key);
			}
		}
	}
}

const struct pl_rule rule_dc0007 = {
	.id = "DC0007",
	.name = "host-namespace",
	.title = "Service shares a host namespace",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "`network_mode: host` puts the container on the host's network stack "
	       "(every host port, localhost-only services, the cloud metadata "
	       "endpoint); `pid: host` lets it see and signal every host process; "
	       "`ipc: host` shares host shared memory; `userns_mode: host` turns "
	       "user-namespace remapping off. Each removes an isolation boundary that "
	       "the rest of the hardening relies on.",
	.fix = "Remove the setting. Publish the ports the service needs with `ports:`, "
	       "and share a namespace only with another service (`network_mode: "
	       "service:NAME`, `pid: service:NAME`) when that is the design.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    network_mode: host\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    ports:\n"
	       "      - 127.0.0.1:8080:80\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#network_mode",
		"https://docs.docker.com/reference/compose-file/services/#pid",
		"https://docs.docker.com/reference/compose-file/services/#ipc",
		"https://docs.docker.com/reference/compose-file/services/#userns_mode",
		NULL },
	.peers = (const char *const[]){ "kics:Host Namespace is Shared",
					 "kics:Shared Host IPC Namespace",
					 "kics:Shared Host Network Namespace",
					 "kics:Shared Host User Namespace", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
