/*
 * DC0020.c -- service has no health check.
 *
 * A service that builds from a Dockerfile with a HEALTHCHECK has one; `disable: true`
 * (or a NONE test) is an explicit choice and is not reported.
 */
#include "rules/dc/util.h"

#include <stdio.h>
#include <string.h>

static void
check(struct pl_check *ck, const struct pl_compose *c)
{
	for (size_t i = 0; i < c->nservices; i++) {
		const struct pl_compose_service *s = &c->services[i];
		const struct pl_compose_image *img;

		if (pl_compose_get(s, "healthcheck", NULL) != NULL) {
			continue;
		}
		img = pl_compose_image(c, s);
		/* Also when the Dockerfile is one of the scan's inputs: DF0007 reports it there. */
		if (img != NULL && img->known && (img->healthcheck || img->in_scan)) {
			continue;
		}
		if (img != NULL && img->known) {
			pl_dc_report(ck, s, NULL, NULL, "service '%s' has no health check, and "
				     "neither has its image (%s)", s->name, img->dockerfile);
		} else {
			pl_dc_report(ck, s, NULL, NULL, "service '%s' has no health check: a hung "
				     "process looks healthy unless its image defines one", s->name);
		}
	}
}

const struct pl_rule rule_dc0020 = {
	.id = "DC0020",
	.name = "no-healthcheck",
	.title = "Service has no health check",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a health check Docker only knows whether the process exists: a "
	       "deadlocked server, an exhausted connection pool or a crashed worker "
	       "thread looks healthy, `depends_on` cannot wait for readiness, and "
	       "`restart` never triggers. Most official images define no HEALTHCHECK, so "
	       "the Compose file is where it belongs.",
	.fix = "Add a cheap check of the real service: `healthcheck: {test: [\"CMD\", "
	       "\"pg_isready\", \"-U\", \"app\"], interval: 10s, timeout: 3s, retries: 5}`; "
	       "if something else probes the service, say so with `disable: true`.",
	.bad = "services:\n"
	       "  db:\n"
	       "    image: postgres:16.4\n",
	.good = "services:\n"
		"  db:\n"
		"    image: postgres:16.4\n"
		"    healthcheck:\n"
		"      test: [\"CMD\", \"pg_isready\", \"-U\", \"postgres\"]\n"
		"      interval: 10s\n"
		"      timeout: 3s\n"
		"      retries: 5\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/compose-file/services/#healthcheck",
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		NULL },
	.peers = (const char *const[]){ "kics:Healthcheck Not Set", NULL },
	.inputs = PL_IN_COMPOSE,
	.check_compose = check,
};
