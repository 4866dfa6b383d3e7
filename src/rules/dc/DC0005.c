/*
 * DC0005.c -- service turns seccomp or AppArmor off.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

struct item_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static bool
item(struct fy_node *n, void *ctx)
{
	struct item_ctx *x = ctx;
	const char *v = pl_compose_str(x->c, n);
	const char *sep;

	if (v == NULL || (sep = strpbrk(v, ":=")) == NULL) {
		return true;
	}
	if (pl_streq_ci(sep + 1, "unconfined") &&
	    ((sep - v == 7 && pl_starts_with_ci(v, "seccomp")) ||
	     (sep - v == 8 && pl_starts_with_ci(v, "apparmor")))) {
		pl_dc_report(x->ck, x->s, n, NULL, "service '%s' runs with %.*s turned off "
			     "(%s)", x->s->name, (int)(sep - v), v, v);
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct item_ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "security_opt", item, &x);
	}
}

const struct pl_rule rule_dc0005 = {
	.id = "DC0005",
	.name = "confinement-disabled",
	.title = "Service turns seccomp or AppArmor off",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Docker's default seccomp profile blocks about forty dangerous system "
	       "calls (kernel keyrings, module loading, namespaces manipulation) and "
	       "its AppArmor profile limits what the container may touch in /proc and "
	       "/sys. `seccomp:unconfined` or `apparmor:unconfined` removes that "
	       "layer, so a kernel bug reachable from those calls becomes a container "
	       "escape. Files that call themselves hardened turn it off too, usually "
	       "to make one debugging tool work.",
	.fix = "Remove the `unconfined` entry. If one system call is missing, write a "
	       "custom seccomp profile that allows only it (`seccomp:./profile.json`).",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    security_opt:\n"
	       "      - seccomp:unconfined\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    security_opt:\n"
	       "      - no-new-privileges:true\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#security_opt",
		"https://docs.docker.com/engine/security/seccomp/",
		"https://docs.docker.com/engine/security/apparmor/",
		NULL },
	.peers = (const char *const[]){ "kics:Default Seccomp Profile Disabled", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
