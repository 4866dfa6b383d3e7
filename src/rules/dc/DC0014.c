/*
 * DC0014.c -- service has no memory limit.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];

		if (pl_dc_limit(s, "memory", "mem_limit") == NULL) {
			pl_dc_report(ck, s, NULL, NULL, "service '%s' has no memory limit: one service can exhaust the host's memory", s->name);
		}
	}
}

const struct pl_rule rule_dc0014 = {
	.id = "DC0014",
	.name = "no-memory-limit",
	.title = "Service has no memory limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a memory limit, one leaking or attacked service can take all "
	       "of the host's memory, and the kernel's out-of-memory killer then picks "
	       "a victim that may be the database next to it. A limit turns a "
	       "host-wide outage into one restarted container.",
	.fix = "Set `deploy.resources.limits.memory` (for example `512M`), from the "
	       "service's measured peak plus headroom.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n",
	.good = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    deploy:\n"
	       "      resources:\n"
	       "        limits:\n"
	       "          memory: 512M\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#mem_limit",
		"https://docs.docker.com/reference/compose-file/deploy/#resources",
		NULL },
	.peers = (const char *const[]){ "kics:Memory Not Limited", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
