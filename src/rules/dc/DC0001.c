/*
 * DC0001.c -- service runs privileged.
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
		struct fy_node *n, *k;
		const char *v = pl_dc_str(c, s, "privileged", &n, &k);

		if (pl_yaml_true(v)) {
			pl_dc_report(ck, s, n, k, "service '%s' runs privileged: it gets every "
				     "capability and device of the host", s->name);
		}
	}
}

const struct pl_rule rule_dc0001 = {
	.id = "DC0001",
	.name = "privileged-service",
	.title = "Service runs privileged",
	.severity = PL_SEV_CRITICAL,
	.category = "privilege",
	.why = "A privileged container gets every Linux capability, every host device "
	       "and no seccomp or AppArmor confinement: a process that escapes the "
	       "application owns the host. Compose files copied from tutorials often "
	       "keep `privileged: true` long after the reason for it is gone.",
	.fix = "Remove `privileged: true`. Grant only the capability the service needs "
	       "with `cap_add`, and only the device it needs with `devices`.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    privileged: true\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#privileged",
		NULL },
	.peers = (const char *const[]){ "kics:Privileged Containers Enabled", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
