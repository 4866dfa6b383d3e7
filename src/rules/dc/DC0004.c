/*
 * DC0004.c -- service can gain privileges through setuid binaries.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static bool
nnp(struct fy_node *n, void *ctx)
{
	bool *set = ctx;
	size_t len;
	const char *t = n != NULL && fy_node_is_scalar(n) ? fy_node_get_scalar(n, &len) : NULL;

	/* "no-new-privileges", "no-new-privileges:true", "no-new-privileges=true" */
	if (t != NULL && len >= 17 && pl_starts_with_ci(t, "no-new-privileges") &&
	    (len == 17 || ((t[17] == ':' || t[17] == '=') && len == 22 &&
			   pl_starts_with_ci(t + 18, "true")))) {
		*set = true;
		return false;
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *k;
		bool set = false;

		pl_compose_get(s, "security_opt", &k);

		if (pl_yaml_true(pl_dc_str(c, s, "privileged", NULL, NULL))) {
			continue; /* DC0001 says more */
		}
		pl_compose_each(c, s, "security_opt", nnp, &set);
		if (!set) {
			pl_dc_report(ck, s, NULL, k, "service '%s' does not set "
				     "no-new-privileges: setuid binaries can raise a process's "
				     "privileges", s->name);
		}
	}
}

const struct pl_rule rule_dc0004 = {
	.id = "DC0004",
	.name = "no-new-privileges-missing",
	.title = "Service can gain privileges through setuid binaries",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Without `no-new-privileges`, a process in the container can gain "
	       "privileges by running a setuid or setgid binary (su, sudo, ping in "
	       "older images) or a file with capabilities. The option makes the kernel "
	       "refuse that for the container's whole process tree, at no cost to "
	       "ordinary services.",
	.fix = "Add `security_opt: [\"no-new-privileges:true\"]` to the service.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    security_opt:\n"
	       "      - no-new-privileges:true\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#security_opt",
		"https://docs.docker.com/reference/cli/docker/container/run/#security-opt",
		NULL },
	.peers = (const char *const[]){ "kics:No New Privileges Not Set", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
