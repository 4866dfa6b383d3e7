/*
 * DC0010.c -- port is published on every host interface.
 *
 * Not reported: ports 80 and 443 on the host or in the container, the front door of a web
 * service, which is meant to be reachable; data stores and monitoring endpoints (DC0024's, at a higher
 * severity); addresses that come from a variable.
 */
#include "core/str.h"
#include "rules/dc/util.h"
#include "rules/df/util.h"

#include <stdio.h>
#include <string.h>

struct port_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

static bool
port(const struct pl_dc_port *p, void *ctx)
{
	struct port_ctx *x = ctx;
	const char *what;

	/* Data stores and monitoring endpoints are DC0024's, at a higher severity. */
	if (p->all_interfaces && p->target != 80 && p->target != 443 && p->published != 80 &&
	    p->published != 443 &&
	    !pl_dc_datastore_port(x->c, x->s, p->target, &what)) {
		pl_dc_report(x->ck, x->s, p->node, p->key, "service '%s' publishes '%s' on every "
			     "host interface", x->s->name, p->text != NULL ? p->text : "?");
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct port_ctx x = { ck, c, &c->services[i] };

		pl_dc_each_port(c, &c->services[i], port, &x);
	}
}

const struct pl_rule rule_dc0010 = {
	.id = "DC0010",
	.name = "port-on-all-interfaces",
	.title = "Port is published on every host interface",
	.severity = PL_SEV_MEDIUM,
	.category = "network",
	.why = "A port published without a host address (`\"5432:5432\"`, or long "
	       "syntax without `host_ip`) listens on 0.0.0.0 and [::]: every network "
	       "the host is on can reach it, and Docker's own firewall rules bypass "
	       "host firewalls such as ufw. Databases, caches, admin panels and "
	       "monitoring endpoints published this way are a common cause of data "
	       "leaks.",
	.fix = "Bind the port to the interface that needs it: `127.0.0.1:5432:5432` "
	       "for local access, the private address for a private network, or drop "
	       "`ports:` and let other services reach it over the Compose network.",
	.bad = "services:\n"
	       "  admin:\n"
	       "    image: ghcr.io/acme/admin:2.3.1\n"
	       "    ports:\n"
	       "      - \"8080:8080\"\n",
	.good = "services:\n"
	       "  admin:\n"
	       "    image: ghcr.io/acme/admin:2.3.1\n"
	       "    ports:\n"
	       "      - \"127.0.0.1:8080:8080\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#ports",
		"https://docs.docker.com/engine/network/packet-filtering-firewalls/",
		NULL },
	.peers = (const char *const[]){ "kics:Container Traffic Not Bound To Host Interface", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
