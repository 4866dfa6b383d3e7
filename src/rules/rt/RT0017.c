/*
 * RT0017.c -- container has no health check.
 *
 * Reported when Config has no Healthcheck (neither the image nor docker run set one) and
 * when its test is NONE (turned off). Not reported when Config is missing.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		const struct pl_inspect_list *t = &ct->health_test;

		if (ct->config.kind != PL_JV_OBJECT) {
			continue;
		}
		if (ct->healthcheck.kind == PL_JV_ABSENT || ct->healthcheck.kind == PL_JV_NULL) {
			pl_rt_report(ck, ct, NULL, "has no health check");
		} else if (t->n > 0 && pl_inspect_is(&t->items[0], "NONE")) {
			pl_rt_report(ck, ct, &t->items[0], "has its health check turned off (Test "
				     "NONE)");
		}
	}
}

const struct pl_rule rule_rt0017 = {
	.id = "RT0017",
	.name = "container-no-healthcheck",
	.title = "Container has no health check",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "Without a health check, Docker reports a container as running as "
	       "long as its main process exists: a deadlocked server, an exhausted "
	       "connection pool or an application stuck at start-up looks healthy, "
	       "so nothing restarts it, nothing alerts, and dependants keep sending "
	       "it traffic.",
	.fix = "Add a `HEALTHCHECK` to the image, or recreate the container with "
	       "`--health-cmd` (for example `--health-cmd 'wget -qO- "
	       "http://localhost:8080/healthz || exit 1'`) and an interval that "
	       "suits the service.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {}\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\",\n"
	       "      \"Healthcheck\": {\n"
	       "        \"Test\": [\n"
	       "          \"CMD\",\n"
	       "          \"wget\",\n"
	       "          \"-qO-\",\n"
	       "          \"http://localhost/healthz\"\n"
	       "        ],\n"
	       "        \"Interval\": 30000000000\n"
	       "      }\n"
	       "    },\n"
	       "    \"HostConfig\": {}\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#healthcheck",
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		"CIS Docker Benchmark v1.6.0 5.27",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
