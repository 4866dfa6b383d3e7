/*
 * DF0050 -- a package index update alone in its RUN.
 *
 * Reported: a RUN whose only commands are `apt-get update` / `apt update` / `apk update`
 * (possibly with options), when a later RUN installs packages.
 * Not reported: update and install in the same RUN.
 */
#include "rules/df/util.h"

#include <string.h>

static bool
is_update(const struct pl_sh_cmd *c)
{
	size_t sub;

	if (!pl_sh_is(c, "apt-get") && !pl_sh_is(c, "apt") && !pl_sh_is(c, "apk")) {
		return false;
	}
	sub = pl_sh_subcommand(c, (const char *const[]){ "-o", "-c", NULL });
	return sub < c->argc && strcmp(c->argv[sub].text, "update") == 0;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	if (sc->ncmds == 0) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		if (!is_update(&sc->cmds[k])) {
			return;
		}
	}
	f = pl_check_report(ck, sc->cmds[0].off, sc->cmds[sc->ncmds - 1].end, "package index "
			    "update in a RUN of its own: the cached layer makes later installs use "
			    "a stale index");
	if (f != NULL) {
		f->fix = "Update and install in the same RUN: `apt-get update && apt-get install -y "
			 "... && rm -rf /var/lib/apt/lists/*`.";
	}
}

const struct pl_rule rule_df0050 = {
	.id = "DF0050",
	.name = "update-alone",
	.title = "Package index update runs in a RUN of its own",
	.severity = PL_SEV_MEDIUM,
	.category = "hygiene",
	.why = "Docker caches each RUN as a layer. An update alone in its RUN is cached and "
	       "reused, so a later change to the install line installs from an index weeks "
	       "old: packages that no longer exist fail the build, and security updates are "
	       "silently missed.",
	.fix = "Run the update in the same RUN as the install, and clean the lists there too.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get", NULL },
	.peers = (const char *const[]){ "trivy:DS-0017", "checkov:CKV_DOCKER_5", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
