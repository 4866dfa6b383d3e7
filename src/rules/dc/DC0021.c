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

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		struct fy_node *deps = pl_compose_get(s, "depends_on", NULL), *k, *v;

		if (deps == NULL) {
			continue;
		}
		if (fy_node_is_sequence(deps)) {
			void *it = NULL;

			while ((v = fy_node_sequence_iterate(deps, &it)) != NULL) {
				const char *name = pl_compose_str(c, pl_yaml_deref(v));

				if (name != NULL && has_health(c, name)) {
					report(ck, s, v, name);
				}
			}
		} else if (fy_node_is_mapping(deps)) {
			struct pl_yaml_iter it;

			pl_yaml_iter_init(&it, deps);
			while (pl_yaml_next(&it, &k, &v)) {
				const char *name = pl_compose_str(c, k), *cond = NULL;
				struct fy_node *cn = NULL;

				if (v != NULL && fy_node_is_mapping(v)) {
					cn = pl_yaml_get(v, "condition", NULL);
					cond = pl_compose_str(c, cn);
				}
				if (name != NULL && (cond == NULL || pl_streq(cond, "service_started")) &&
				    has_health(c, name)) {
					report(ck, s, cn != NULL ? cn : k, name);
				}
			}
		}
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
