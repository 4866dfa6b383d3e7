/*
 * RT0018.c -- container is unhealthy.
 */
#include "rules/rt/util.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (pl_inspect_is(&ct->health_status, "unhealthy")) {
			pl_rt_report(ck, ct, &ct->health_status, "is unhealthy: its health check "
				     "fails");
		}
	}
}

const struct pl_rule rule_rt0018 = {
	.id = "RT0018",
	.name = "container-unhealthy",
	.title = "Container is unhealthy",
	.severity = PL_SEV_MEDIUM,
	.category = "runtime",
	.why = "Docker marks a container unhealthy after its health check failed "
	       "several times in a row, but does not restart or stop it: it keeps "
	       "running, keeps its ports and keeps receiving traffic unless "
	       "something acts on the state. An unhealthy container is a service "
	       "that is down, or one that is not what it claims to be.",
	.fix = "Look at the failing checks with `docker inspect --format '{{json "
	       ".State.Health}}' NAME`, fix the cause, and recreate the container; "
	       "let an orchestrator or a restart policy act on health so that it "
	       "does not stay this way.",
	.bad = "[\n"
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
	       "        ]\n"
	       "      }\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"State\": {\n"
	       "      \"Status\": \"running\",\n"
	       "      \"Running\": true,\n"
	       "      \"Health\": {\n"
	       "        \"Status\": \"unhealthy\",\n"
	       "        \"FailingStreak\": 7,\n"
	       "        \"Log\": []\n"
	       "      }\n"
	       "    }\n"
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
	       "        ]\n"
	       "      }\n"
	       "    },\n"
	       "    \"HostConfig\": {},\n"
	       "    \"State\": {\n"
	       "      \"Status\": \"running\",\n"
	       "      \"Running\": true,\n"
	       "      \"Health\": {\n"
	       "        \"Status\": \"healthy\",\n"
	       "        \"FailingStreak\": 0,\n"
	       "        \"Log\": []\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/dockerfile/#healthcheck",
		"CIS Docker Benchmark v1.6.0 5.27",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
