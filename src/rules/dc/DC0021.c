/*
 * DC0021.c -- depends_on does not wait for a dependency's health check.
 */
#include "core/str.h"
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

/* Whether service NAME of C reports health: its own health check or its Dockerfile's. */
static bool
has_health(const struct pl_compose *c, const char *name)
{
	const struct pl_compose_service *d = pl_dc_service(c, name);
	const struct pl_compose_image *img;

	if (d == NULL || pl_dc_healthcheck_disabled(c, d)) {
		return false;
	}
	if (pl_dc_has_healthcheck(c, d)) {
		return true;
	}
	img = pl_compose_image(c, d);
	return img != NULL && img->known && img->healthcheck;
}

static void
report(struct pl_check *ck, const struct pl_compose_service *s, struct fy_node *at,
       const char *dep)
{
	pl_dc_report(ck, s, at, NULL, "service '%s' starts as soon as '%s' is created, not "
		     "when its health check passes", s->name, dep);
}

struct dep_ctx {
	struct pl_check *ck;
	const struct pl_compose *c;
	const struct pl_compose_service *s;
};

/* One entry of depends_on: a name in list form, or NAME: {condition: ...}. */
static void
dep(const char *name, struct fy_node *key, struct fy_node *value, const char *text, void *ctx)
{
	struct dep_ctx *x = ctx;
	struct fy_node *cn = NULL;
	const char *cond = NULL;

	(void)text;
	value = pl_yaml_deref(value);
	if (value != NULL && fy_node_is_mapping(value)) {
		cn = pl_yaml_get(value, "condition", NULL);
		cond = pl_compose_str(x->c, cn);
	}
	if ((cond == NULL || pl_streq(cond, "service_started")) && has_health(x->c, name)) {
		report(x->ck, x->s, cn != NULL ? cn : key, name);
	}
}

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		struct dep_ctx x = { ck, c, &c->services[i] };

		pl_compose_each_entry(c, &c->services[i], NULL, "depends_on", dep, &x);
	}
}

const struct pl_rule rule_dc0021 = {
	.id = "DC0021",
	.name = "depends-on-not-healthy",
	.title = "depends_on does not wait for a dependency's health check",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "`depends_on: [db]` only orders container creation: the application starts "
	       "while the database is still initialising, fails its first connections and "
	       "either crashes into a restart loop or keeps a broken pool. The dependency "
	       "already reports readiness through its health check; the dependent service "
	       "just does not wait for it.",
	.fix = "Use the long syntax with `condition: service_healthy`: "
	       "`depends_on: {db: {condition: service_healthy}}`.",
	.bad = "services:\n"
	       "  api:\n"
	       "    image: ghcr.io/acme/api:1.4.2\n"
	       "    depends_on: [db]\n"
	       "  db:\n"
	       "    image: postgres:16.4\n"
	       "    healthcheck:\n"
	       "      test: [\"CMD\", \"pg_isready\"]\n",
	.good = "services:\n"
		"  api:\n"
		"    image: ghcr.io/acme/api:1.4.2\n"
		"    depends_on:\n"
		"      db:\n"
		"        condition: service_healthy\n"
		"  db:\n"
		"    image: postgres:16.4\n"
		"    healthcheck:\n"
		"      test: [\"CMD\", \"pg_isready\"]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#depends_on",
		"https://docs.docker.com/compose/how-tos/startup-order/",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
