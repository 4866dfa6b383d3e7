/*
 * DC0022.c -- restart policy restarts a crashing service forever.
 */
#include "core/str.h"
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *restart = pl_compose_get(s, "restart", NULL);
		struct fy_node *policy = pl_compose_getp(s, NULL, "deploy", "restart_policy", NULL);
		const char *r = pl_compose_str(c, restart);

		if (r != NULL && (pl_streq(r, "always") || pl_streq(r, "on-failure"))) {
			pl_dc_report(ck, s, restart, NULL, "service '%s' restarts without a limit "
				     "(restart: %s): a crash loop looks like a running service",
				     s->name, r);
			continue;
		}
		if (policy != NULL && fy_node_is_mapping(policy) &&
		    pl_compose_getp(s, NULL, "deploy", "restart_policy", "max_attempts",
				    NULL) == NULL) {
			struct fy_node *cond = pl_compose_getp(s, NULL, "deploy", "restart_policy",
							       "condition", NULL);
			const char *cs = pl_compose_str(c, cond);

			if (cs == NULL || pl_streq(cs, "any") || pl_streq(cs, "on-failure")) {
				pl_dc_report(ck, s, cond, NULL, "service '%s' restarts without "
					     "max_attempts: a crash loop looks like a running service",
					     s->name);
			}
		}
	}
}

const struct pl_rule rule_dc0022 = {
	.id = "DC0022",
	.name = "restart-without-limit",
	.title = "Restart policy restarts a crashing service forever",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "`restart: always` and `on-failure` without a count bring a crashing "
	       "service back forever: a bad configuration or an exploited crash repeats "
	       "every few seconds, logs fill the disk, and monitoring sees a container "
	       "that is up. A bounded number of attempts turns a crash loop into a "
	       "stopped service that someone notices.",
	.fix = "Use `restart: on-failure:5` (or `deploy.restart_policy` with "
	       "`condition: on-failure` and `max_attempts: 5`); `unless-stopped` is fine for "
	       "services that are watched by a health check and monitoring.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    restart: always\n",
	.good = "services:\n"
		"  api:\n"
		"    image: ghcr.io/acme/api:1.4.2\n"
		"    restart: on-failure:5\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#restart",
		"https://docs.docker.com/reference/compose-file/deploy/#restart_policy",
		"https://www.cisecurity.org/benchmark/docker",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
