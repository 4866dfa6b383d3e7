/*
 * DF0049 -- a distribution upgrade inside the Dockerfile.
 *
 * Reported: `apt-get upgrade` / `dist-upgrade` / `full-upgrade`, `apk upgrade`, and
 * `yum`/`dnf`/`microdnf` `update`/`upgrade` without package names.
 * Not reported: upgrades of named packages (`apt-get install --only-upgrade openssl`,
 * `dnf upgrade openssl`), which fix a known issue deliberately.
 */
#include "rules/df/util.h"

#include <string.h>

static bool
whole_system(const struct pl_sh_cmd *c, const char *const *subs)
{
	size_t sub = pl_sh_subcommand(c, (const char *const[]){ "-o", "-c", "--setopt", NULL });

	if (sub >= c->argc) {
		return false;
	}
	for (const char *const *s = subs; *s != NULL; s++) {
		if (strcmp(c->argv[sub].text, *s) == 0) {
			for (size_t a = sub + 1; a < c->argc; a++) {
				if (c->argv[a].text[0] != '-') {
					return false; /* named packages */
				}
			}
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	static const char *const apt[] = { "upgrade", "dist-upgrade", "full-upgrade", NULL };
	static const char *const apk[] = { "upgrade", NULL };
	static const char *const rpm[] = { "update", "upgrade", "distro-sync", NULL };
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		bool hit = ((pl_sh_is(c, "apt-get") || pl_sh_is(c, "apt")) && whole_system(c, apt)) ||
			   (pl_sh_is(c, "apk") && whole_system(c, apk)) ||
			   ((pl_sh_is(c, "yum") || pl_sh_is(c, "dnf") || pl_sh_is(c, "microdnf")) &&
			    whole_system(c, rpm));

		if (!hit) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "upgrading every package during the "
				    "build makes the image depend on the day it was built");
		if (f != NULL) {
			f->fix = "Move to a newer base image tag (or digest) instead, and rebuild "
				 "regularly; upgrade a named package only to fix a known issue.";
		}
	}
}

const struct pl_rule rule_df0049 = {
	.id = "DF0049",
	.name = "distro-upgrade",
	.title = "The Dockerfile upgrades every package",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "A blanket upgrade makes the image's contents depend on the day of the build "
	       "rather than on the Dockerfile: two builds of the same commit differ, scanners "
	       "cannot tell which base the image is really on, and an outdated base image is "
	       "hidden instead of updated.",
	.fix = "Pin a newer base image (tag and digest) that already has the updates, and "
	       "rebuild on a schedule; if one package must be newer, upgrade it by name.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12.7-slim\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
