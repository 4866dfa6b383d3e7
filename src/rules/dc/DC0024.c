/*
 * DC0024.c -- data store or monitoring port is published on every host interface.
 */
#include "rules/dc/util.h"

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

	if (p->all_interfaces && pl_dc_datastore_port(x->c, x->s, p->target, &what)) {
		pl_dc_report(x->ck, x->s, p->node, p->key, "service '%s' publishes its %s port "
			     "'%s' on every host interface", x->s->name, what,
			     p->text != NULL ? p->text : "?");
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

const struct pl_rule rule_dc0024 = {
	.id = "DC0024",
	.name = "datastore-port-exposed",
	.title = "Data store or monitoring port is published on every host interface",
	.severity = PL_SEV_HIGH,
	.category = "network",
	.why = "Databases, caches, message brokers and monitoring endpoints trust their "
	       "network: Redis and Memcached ship without authentication, Elasticsearch "
	       "and Prometheus answer anyone, and a PostgreSQL or MySQL port invites "
	       "password guessing against the default account. Published without a host "
	       "address, the port listens on every interface of the host, and Docker's "
	       "firewall rules bypass host firewalls such as ufw. Internet-wide scans find "
	       "such ports within hours; most data leaks from containers start here.",
	.fix = "Remove `ports:`: other services reach the data store over the Compose "
	       "network by its service name. If a tool on the host needs it, bind it to "
	       "loopback: `127.0.0.1:5432:5432`.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    ports:\n"
	       "      - \"5432:5432\"\n",
	.good = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    ports:\n"
	       "      - \"127.0.0.1:5432:5432\"\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#ports",
		"https://docs.docker.com/engine/network/packet-filtering-firewalls/",
		"https://redis.io/docs/latest/operate/oss_and_stack/management/security/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
