/*
 * RT0010.c -- container runs as root.
 *
 * Config.User of a container is the user it runs as, the image's USER included.
 * Reported: empty, "0", "root", and those with any group ("0:0", "root:1000"). Not
 * reported: any other user, and containers without Config.User.
 */
#include "rules/rt/util.h"
#include <string.h>

/* Whether user spec U ("NAME", "UID", "NAME:GROUP") is root. */
static bool
is_root(const char *u)
{
	size_t n = strcspn(u, ":");

	/* A numeric user is a uid: "00" is uid 0 too. */
	return n == 0 || strspn(u, "0") == n || (n == 4 && strncmp(u, "root", 4) == 0);
}

static void
check(struct pl_check *ck, const struct pl_inspect *in)
{
	for (size_t i = 0; i < in->ncontainers; i++) {
		const struct pl_inspect_container *ct = &in->containers[i];

		if (ct->user.kind == PL_JV_STR && is_root(ct->user.s)) {
			pl_rt_report(ck, ct, &ct->user, "runs as root (User %s)",
				     ct->user.s[0] == '\0' ? "is empty" : ct->user.s);
		}
	}
}

const struct pl_rule rule_rt0010 = {
	.id = "RT0010",
	.name = "container-runs-as-root",
	.title = "Container runs as root",
	.severity = PL_SEV_MEDIUM,
	.category = "privilege",
	.why = "A process running as root in the container is root on the host's "
	       "kernel for everything namespaces do not cover: a kernel bug, a "
	       "mounted host path or a leaked capability becomes host compromise. "
	       "Running as an unprivileged user is the single most effective "
	       "hardening of a container.",
	.fix = "Add `USER` with an unprivileged user to the image, or recreate the "
	       "container with `--user 10001:10001`; give that user the files it "
	       "writes.",
	.bad = "[\n"
	       "  {\n"
	       "    \"Id\": \"3f2a1b4c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b\",\n"
	       "    \"Name\": \"/web\",\n"
	       "    \"Config\": {\n"
	       "      \"Image\": \"nginx:1.27\",\n"
	       "      \"User\": \"\"\n"
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
	       "      \"User\": \"101:101\"\n"
	       "    },\n"
	       "    \"HostConfig\": {}\n"
	       "  }\n"
	       "]\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/reference/cli/docker/container/run/#user",
		"https://docs.docker.com/reference/dockerfile/#user",
		"CIS Docker Benchmark v1.6.0 4.1",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_INSPECT,
	.check_inspect = check,
};
