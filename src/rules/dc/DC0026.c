/*
 * DC0026.c -- host devices are passed into the container.
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
	const char *t = NULL;
	struct fy_node *at = n;

	if (n != NULL && fy_node_is_mapping(n)) {
		at = pl_yaml_get(n, "source", NULL);
		t = pl_compose_str(x->c, at);
	} else {
		t = pl_compose_str(x->c, n);
	}
	if (t != NULL && pl_starts_with(t, "/dev/")) {
		size_t len = strcspn(t, ":");

		pl_dc_report(x->ck, x->s, at != NULL ? at : n, NULL, "service '%s' gets the host "
			     "device %.*s", x->s->name, (int)len, t);
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "devices", item, &x);
	}
}

const struct pl_rule rule_dc0026 = {
	.id = "DC0026",
	.name = "host-device",
	.title = "Host device is passed into the container",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A device node gives the container direct access to host hardware through "
	       "the kernel driver behind it: a disk (`/dev/sda`) can be read and written "
	       "below every file permission, `/dev/mem` and `/dev/kmsg` expose the "
	       "kernel, and driver bugs become escape paths. Each device passed in is a "
	       "hole in the isolation that should be justified.",
	.fix = "Remove `devices:` unless the service drives that hardware. Pass the single "
	       "device it needs, read-only where possible (`/dev/ttyUSB0:/dev/ttyUSB0:r`), "
	       "never a whole disk or memory device.",
	.bad = "services:\n"
	       "  agent:\n"
	       "    image: ghcr.io/acme/agent:2.0.1\n"
	       "    devices:\n"
	       "      - /dev/sda:/dev/sda\n",
	.good = "services:\n"
		"  agent:\n"
		"    image: ghcr.io/acme/agent:2.0.1\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#devices",
		"https://www.cisecurity.org/benchmark/docker",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
