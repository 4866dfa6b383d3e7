/*
 * DC0019.c -- service has no CPU limit.
 */
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];

		if (pl_dc_limit(s, "cpus", "cpus") == NULL &&
		    pl_compose_get(s, "cpu_quota", NULL) == NULL) {
			pl_dc_report(ck, s, NULL, NULL, "service '%s' has no CPU limit: one busy "
				     "service can starve every other on the host", s->name);
		}
	}
}

const struct pl_rule rule_dc0019 = {
	.id = "DC0019",
	.name = "no-cpu-limit",
	.title = "Service has no CPU limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a CPU limit a service in a busy loop, a decompression bomb or a "
	       "crypto-miner planted through a vulnerability takes every core of the "
	       "host; the database and the web front next to it then time out. A limit "
	       "keeps one misbehaving container from becoming an outage of all of them.",
	.fix = "Set `deploy.resources.limits.cpus` (for example `\"1.0\"`) from the "
	       "service's measured load plus headroom; `cpus:` on the service works too.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n",
	.good = "services:\n"
		"  api:\n"
		"    image: ghcr.io/acme/api:1.4.2\n"
		"    deploy:\n"
		"      resources:\n"
		"        limits:\n"
		"          cpus: \"1.0\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/deploy/#resources",
		"https://docs.docker.com/reference/compose-file/services/#cpus",
		NULL },
	.peers = (const char *const[]){ "kics:Cpus Not Limited", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
