/*
 * DC0006.c -- service has a writable root file system.
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
		const char *v = pl_dc_str(c, s, "read_only", &n, &k);

		if (!pl_yaml_true(v)) {
			pl_dc_report(ck, s, n, k, "service '%s' has a writable root file system: "
				     "set read_only: true and mount tmpfs where it writes", s->name);
		}
	}
}

const struct pl_rule rule_dc0006 = {
	.id = "DC0006",
	.name = "writable-root-filesystem",
	.title = "Service has a writable root file system",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "With a writable root file system, anyone who gets code execution in "
	       "the container can replace binaries, drop tools and persist changes for "
	       "as long as the container lives. A read-only root file system with "
	       "explicit writable mounts for the few paths that need writing (`/tmp`, "
	       "a cache, a data volume) removes that foothold and documents where the "
	       "service writes.",
	.fix = "Set `read_only: true` and add `tmpfs:` entries (for example `/tmp`) or "
	       "volumes for the paths the service writes to.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    read_only: true\n"
	       "    tmpfs:\n"
	       "      - /tmp\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#read_only",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
