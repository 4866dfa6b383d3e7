/*
 * DC0002.c -- service adds a capability that opens the host.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

static const char *const dangerous[] = { "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE",
					 "SYS_RAWIO", "NET_ADMIN", "DAC_READ_SEARCH", "SYS_BOOT",
					 "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON",
					 NULL };

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

	if (v == NULL) {
		return true;
	}
	/* "CAP_SYS_ADMIN" and "sys_admin" name the same capability. */
	const char *name = pl_starts_with_ci(v, "CAP_") ? v + 4 : v;

	for (const char *const *d = dangerous; *d != NULL; d++) {
		if (pl_streq_ci(name, *d)) {
			pl_dc_report(x->ck, x->s, n, NULL, "service '%s' adds %s, a capability "
				     "close to root on the host", x->s->name, v);
			break;
		}
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct item_ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "cap_add", item, &x);
	}
}

const struct pl_rule rule_dc0002 = {
	.id = "DC0002",
	.name = "dangerous-capability",
	.title = "Service adds a capability that opens the host",
	.severity = PL_SEV_HIGH,
	.category = "privilege",
	.why = "Some capabilities are nearly root on the host: SYS_ADMIN mounts file "
	       "systems and escapes through cgroups, SYS_MODULE loads kernel modules, "
	       "SYS_PTRACE reads other processes' memory, NET_ADMIN reconfigures the "
	       "network, DAC_READ_SEARCH reads any file by handle, and ALL grants them "
	       "all. A web service needs none of them.",
	.fix = "Remove the capability from `cap_add`. If a tool in the image needs it, "
	       "run that tool in a separate, short-lived service, or give the binary a "
	       "file capability with a narrower scope.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    cap_add:\n"
	       "      - SYS_ADMIN\n",
	.good = "services:\n"
	       "  app:\n"
	       "    image: nginx:1.27\n"
	       "    cap_add:\n"
	       "      - NET_BIND_SERVICE\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#cap_add",
		"https://man7.org/linux/man-pages/man7/capabilities.7.html",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
