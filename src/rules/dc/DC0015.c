/*
 * DC0015.c -- service has no process limit.
 *
 * A limit of -1 or 0 is no limit: Docker reads both as unlimited.
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
		struct fy_node *n = pl_dc_limit(s, "pids", "pids_limit");
		const char *v = pl_compose_str(c, n);

		if (n == NULL) {
			pl_dc_report(ck, s, NULL, NULL, "service '%s' has no process limit: a fork bomb can exhaust the host's process table", s->name);
		} else if (v != NULL && (strcmp(v, "-1") == 0 || strcmp(v, "0") == 0)) {
			pl_dc_report(ck, s, n, NULL, "service '%s' sets its process limit to %s, which "
				     "is no limit: a fork bomb can exhaust the host's process table",
				     s->name, v);
		}
	}
}

const struct pl_rule rule_dc0015 = {
	.id = "DC0015",
	.name = "no-pids-limit",
	.title = "Service has no process limit",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a limit on processes, a fork bomb or a runaway worker pool in "
	       "one container exhausts the host's process table and every other "
	       "service on the host fails to start processes.",
	.fix = "Set `deploy.resources.limits.pids` (or `pids_limit`) to a few times "
	       "the number of processes the service runs, for example `200`.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n",
	.good = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    deploy:\n"
	       "      resources:\n"
	       "        limits:\n"
	       "          pids: 200\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#pids_limit",
		"https://docs.docker.com/reference/compose-file/deploy/#resources",
		NULL },
	.peers = (const char *const[]){ "kics:Pids Limit Not Set", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
