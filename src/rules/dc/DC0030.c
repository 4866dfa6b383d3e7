/*
 * DC0030.c -- bind mount propagates mounts back to the host.
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
shared(const char *mode)
{
	return pl_streq(mode, "shared") || pl_streq(mode, "rshared");
}

static bool
item(struct fy_node *n, void *arg)
{
	struct ctx *x = arg;

	if (n != NULL && fy_node_is_mapping(n)) {
		struct fy_node *bind = pl_yaml_get(n, "bind", NULL), *p;
		const char *mode;

		if (bind == NULL || !fy_node_is_mapping(bind)) {
			return true;
		}
		p = pl_yaml_get(bind, "propagation", NULL);
		mode = pl_compose_str(x->c, p);
		if (mode != NULL && shared(mode)) {
			pl_dc_report(x->ck, x->s, p, NULL, "service '%s' mounts with %s "
				     "propagation: mounts made in the container appear on the host",
				     x->s->name, mode);
		}
		return true;
	}
	const char *t = pl_compose_str(x->c, n), *opts;

	/* SRC:DST:OPTIONS, options separated by commas */
	if (t == NULL || (opts = strchr(t, ':')) == NULL || (opts = strchr(opts + 1, ':')) == NULL) {
		return true;
	}
	for (const char *o = opts + 1; *o != '\0';) {
		size_t len = strcspn(o, ",");
		char mode[16];

		snprintf(mode, sizeof(mode), "%.*s", (int)(len < sizeof(mode) ? len : 15), o);
		if (shared(mode)) {
			pl_dc_report(x->ck, x->s, n, NULL, "service '%s' mounts with %s "
				     "propagation: mounts made in the container appear on the host",
				     x->s->name, mode);
			break;
		}
		o += len + (o[len] == ',');
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct ctx x = { ck, c, &c->services[i] };

		pl_compose_each(c, &c->services[i], "volumes", item, &x);
	}
}

const struct pl_rule rule_dc0030 = {
	.id = "DC0030",
	.name = "shared-mount-propagation",
	.title = "Bind mount propagates mounts back to the host",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "With `shared` or `rshared` propagation, a mount made inside the container "
	       "under that path appears on the host and in every other container that "
	       "shares it. A compromised container can then place file systems where host "
	       "processes read configuration or binaries. Docker's default, `rprivate`, "
	       "keeps mounts inside the container.",
	.fix = "Remove the propagation option (or use `rslave` when the container must see "
	       "mounts made on the host). Only storage drivers and similar system "
	       "services need `rshared`, and they should be reviewed as such.",
	.bad = "services:\n"
	       "  app:\n"
	       "    image: ghcr.io/acme/app:1.0.0\n"
	       "    volumes:\n"
	       "      - /srv/data:/data:rshared\n",
	.good = "services:\n"
		"  app:\n"
		"    image: ghcr.io/acme/app:1.0.0\n"
		"    volumes:\n"
		"      - /srv/data:/data:ro\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation",
		"https://www.cisecurity.org/benchmark/docker",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
