/*
 * DC0003.c -- service keeps the default Linux capabilities.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static bool
has_all(struct fy_node *n, void *ctx)
{
	bool *all = ctx;

	if (n != NULL && fy_node_is_scalar(n)) {
		size_t len;
		const char *t = fy_node_get_scalar(n, &len);

		if (t != NULL && ((len == 3 && pl_starts_with_ci(t, "ALL")) ||
				  (len == 7 && pl_starts_with_ci(t, "CAP_ALL")))) {
			*all = true;
			return false;
		}
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *k;
		bool all = false;

		pl_compose_get(s, "cap_drop", &k);

		if (pl_yaml_true(pl_dc_str(c, s, "privileged", NULL, NULL))) {
			continue; /* DC0001 says more */
		}
		pl_compose_each(c, s, "cap_drop", has_all, &all);
		if (!all) {
			pl_dc_report(ck, s, NULL, k, "service '%s' keeps Docker's default "
				     "capabilities: drop them with cap_drop: [ALL]", s->name);
		}
	}
}

const struct pl_rule rule_dc0003 = {
	.id = "DC0003",
	.name = "capabilities-not-dropped",
	.title = "Service keeps the default Linux capabilities",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Docker gives every container a default set of capabilities (CHOWN, "
	       "DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW and more). An "
	       "application that is compromised can use them to change file ownership, "
	       "switch users or craft raw packets. Few services need any of them.",
	.fix = "Add `cap_drop: [ALL]` and then `cap_add` back only what the service "
	       "proves it needs (for example NET_BIND_SERVICE to bind a port below "
	       "1024).",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    cap_drop:\n"
	       "      - ALL\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#cap_drop",
		"https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
