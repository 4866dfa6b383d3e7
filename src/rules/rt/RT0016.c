/*
 * RT0016.c -- container is restarted without a bound.
 *
 * Reported: the restart policies always and unless-stopped, and on-failure with
 * MaximumRetryCount 0 (no limit) or above 5.
 */
#include "rules/rt/util.h"

/* Docker Bench's bound on restart attempts. */
enum { MAX_RETRIES = 5 };

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		const struct pl_inspect_value *name = &ct->restart_name, *max = &ct->restart_max;

		if (pl_inspect_is(name, "always") || pl_inspect_is(name, "unless-stopped")) {
			pl_rt_report(ck, ct, name, "is restarted whenever it exits, without a bound "
				     "(restart policy %s)", name->s);
		} else if (pl_inspect_is(name, "on-failure") && max->kind == PL_JV_INT &&
			   (max->i <= 0 || max->i > MAX_RETRIES)) {
			pl_rt_report(ck, ct, max, "is restarted on failure %s (MaximumRetryCount "
				     "%lld, at most %d recommended)",
				     max->i <= 0 ? "without a bound" : "too often",
				     (long long)max->i, MAX_RETRIES);
		}
	}
}

const struct pl_rule rule_rt0016 = {
	.id = "RT0016",
	.name = "container-restart-unbounded",
	.title = "Container is restarted without a bound",
	.severity = PL_SEV_LOW,
	.category = "runtime",
	.why = "A container that restarts forever hides its failures: a crash loop "
	       "looks like a running service, every restart reruns the start-up work "
	       "(and the exploit that crashed it), and many looping containers can "
	       "exhaust the host. Bounding restarts makes a broken container stop "
	       "and be noticed.",
	.fix = "Recreate the container with `--restart on-failure:5`, and alert on "
	       "containers that exit; use an orchestrator's health-based restarts "
	       "for services that must stay up.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"RestartPolicy\": {\n"
	       "        \"Name\": \"always\",\n"
	       "        \"MaximumRetryCount\": 0\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.good = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"RestartPolicy\": {\n"
	       "        \"Name\": \"on-failure\",\n"
	       "        \"MaximumRetryCount\": 5\n"
	       "      }\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/engine/containers/start-containers-automatically/",
		"CIS Docker Benchmark v1.6.0 5.15",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
