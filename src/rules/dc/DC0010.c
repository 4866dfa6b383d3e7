/*
 * DC0010.c -- port is published on every host interface.
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
all_interfaces(const char *ip)
{
	return ip == NULL || ip[0] == '\0' || strcmp(ip, "0.0.0.0") == 0 ||
	       strcmp(ip, "::") == 0 || strcmp(ip, "[::]") == 0;
}

static bool
item(struct fy_node *n, void *ctx)
{
	struct item_ctx *x = ctx;
	const char *v, *colon;
	struct fy_node *k = NULL;

	if (n != NULL && fy_node_is_mapping(n)) {
		/* Long syntax: published on host_ip, every interface without one. */
		struct fy_node *ip = pl_yaml_get(n, "host_ip", NULL);
		struct fy_node *pub = pl_yaml_get(n, "published", &k);
		const char *ips = pl_compose_str(x->c, ip);

		if (pub != NULL && all_interfaces(ips) && (ips == NULL || strchr(ips, '$') == NULL)) {
			pl_dc_report(x->ck, x->s, pub, k, "service '%s' publishes port %s on "
				     "every host interface", x->s->name,
				     pl_compose_str(x->c, pub) ? pl_compose_str(x->c, pub) : "?");
		}
		return true;
	}
	v = pl_compose_str(x->c, n);
	if (v == NULL || strchr(v, '$') != NULL) {
		return true; /* interpolated: the address is not known */
	}
	/* HOST_IP:HOST:CONTAINER has two colons outside an IPv6 address in brackets. */
	colon = v[0] == '[' ? strchr(v, ']') : v;
	if (colon != NULL && (colon = strchr(colon, ':')) != NULL && strchr(colon + 1, ':') != NULL) {
		size_t iplen = (size_t)(colon - v);
		char ip[64];

		snprintf(ip, sizeof(ip), "%.*s", (int)(iplen < sizeof(ip) ? iplen : sizeof(ip) - 1), v);
		if (!all_interfaces(ip)) {
			return true;
		}
	}
	pl_dc_report(x->ck, x->s, n, NULL, "service '%s' publishes '%s' on every host "
		     "interface", x->s->name, v);
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct item_ctx x = { ck, c, &c->services[i] };

		pl_dc_each(pl_compose_get(&c->services[i], "ports", NULL), item, &x);
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
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
