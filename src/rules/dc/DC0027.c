/*
 * DC0027.c -- SELinux separation is turned off.
 */
#include "core/str.h"
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

struct ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static bool
item(struct fy_node *n, void *arg)
{
	struct ctx *x = arg;
	const char *t = pl_compose_str(x->c, n);

	if (t != NULL && (pl_streq(t, "label:disable") || pl_streq(t, "label=disable") ||
			  pl_streq(t, "label:type:spc_t") || pl_streq(t, "label=type:spc_t"))) {
		pl_dc_report(x->ck, x->s, n, NULL, "service '%s' runs without SELinux "
			     "separation (%s)", x->s->name, t);
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "security_opt", item, &x);
	}
}

const struct pl_rule rule_dc0027 = {
	.id = "DC0027",
	.name = "selinux-disabled",
	.title = "SELinux separation is turned off",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "On SELinux hosts (Fedora, RHEL, CentOS) every container gets its own label, "
	       "so a process that escapes still cannot touch other containers' files or "
	       "most of the host. `label:disable` and the super-privileged `spc_t` type "
	       "remove that layer, usually to make one bind mount work.",
	.fix = "Remove the option and relabel the bind mount instead: `./data:/data:Z` for "
	       "a private mount, `:z` for one shared between containers.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: ghcr.io/acme/app:1.0.0\n"
	       "    security_opt:\n"
	       "      - label:disable\n",
	.good = "services:\n"
		"  app:\n"
		"    image: ghcr.io/acme/app:1.0.0\n"
		"    volumes:\n"
		"      - ./data:/data:Z\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#security_opt",
		"https://docs.docker.com/engine/storage/bind-mounts/#configure-the-selinux-label",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
