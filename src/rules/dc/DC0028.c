/*
 * DC0028.c -- the kernel's out-of-memory killer may not stop the service.
 */
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *n = pl_compose_get(s, "oom_kill_disable", NULL);
		const char *adj = pl_compose_str(c, pl_compose_get(s, "oom_score_adj", NULL));

		if (pl_yaml_true(pl_compose_str(c, n))) {
			pl_dc_report(ck, s, n, NULL, "service '%s' cannot be stopped by the "
				     "out-of-memory killer: the host's other processes are killed "
				     "instead", s->name);
		} else if (adj != NULL && adj[0] == '-' && strcmp(adj, "-0") != 0 && adj[1] != '0') {
			pl_dc_report(ck, s, pl_compose_get(s, "oom_score_adj", NULL), NULL,
				     "service '%s' lowers its out-of-memory score (%s): the host's "
				     "other processes are killed before it", s->name, adj);
		}
	}
}

const struct pl_rule rule_dc0028 = {
	.id = "DC0028",
	.name = "oom-killer-disabled",
	.title = "The out-of-memory killer may not stop the service",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "When memory runs out the kernel kills the process that frees the most "
	       "for the least harm. `oom_kill_disable: true` (or a negative "
	       "`oom_score_adj`) exempts this container, so a leak in it makes the kernel "
	       "kill other containers, the SSH daemon or the Docker daemon instead. "
	       "Without a memory limit the option can hang the whole host.",
	.fix = "Remove `oom_kill_disable` and `oom_score_adj`; set a memory limit so that "
	       "the service is stopped and restarted alone when it leaks.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    oom_kill_disable: true\n",
	.good = "services:\n"
		"  db:\n"
		"    image: postgres:16.4\n"
		"    deploy:\n"
		"      resources:\n"
		"        limits:\n"
		"          memory: 2G\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#oom_kill_disable",
		"https://docs.docker.com/engine/containers/resource_constraints/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
