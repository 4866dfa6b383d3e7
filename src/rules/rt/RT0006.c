/*
 * RT0006.c -- container may gain privileges through setuid binaries.
 *
 * Reported at HostConfig.SecurityOpt when it does not set no-new-privileges (or sets it
 * to false). A daemon started with no-new-privileges applies it without showing it here:
 * turn the rule off in .plimsoll.yaml then.
 */
#include "rules/rt/util.h"
#include "core/str.h"

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		const struct pl_inspect_value *o;
		const char *v;

		if (ct->security_opt.at.kind == PL_JV_ABSENT) {
			continue;
		}
		o = pl_rt_security_opt(ct, "no-new-privileges", &v);
		if (o == NULL) {
			pl_rt_report(ck, ct, &ct->security_opt.at, "may gain privileges through "
				     "setuid binaries: SecurityOpt has no no-new-privileges");
		} else if (pl_streq_ci(v, "false")) {
			pl_rt_report(ck, ct, o, "turns no-new-privileges off");
		}
	}
}

const struct pl_rule rule_rt0006 = {
	.id = "RT0006",
	.name = "container-no-new-privileges-missing",
	.title = "Container may gain privileges through setuid binaries",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "Without no-new-privileges, a process in the container can become "
	       "root again through a setuid or setgid binary or file capabilities, "
	       "even after the container dropped to an unprivileged user. The flag "
	       "makes execve() never grant more privileges than the caller has.",
	.fix = "Recreate the container with `--security-opt no-new-privileges`, or "
	       "set `\"no-new-privileges\": true` in the daemon's daemon.json for "
	       "every container.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\"\n"
	       "    },\n"
	       "    \"HostConfig\": {\n"
	       "      \"SecurityOpt\": null\n"
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
	       "      \"SecurityOpt\": [\n"
	       "        \"no-new-privileges\"\n"
	       "      ]\n"
	       "    }\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#security-opt",
		"https://docs.kernel.org/userspace-api/no_new_privs.html",
		"CIS Docker Benchmark v1.6.0 5.26",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
