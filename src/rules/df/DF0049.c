/*
 * DF0049 -- the Dockerfile upgrades every installed package.
 *
 * Reported: whole-system upgrades in a RUN: `apt-get upgrade` / `dist-upgrade` /
 * `full-upgrade` (also `apt`), `apk upgrade`, `yum` / `dnf` / `microdnf` `update` /
 * `upgrade` / `distro-sync`, `zypper update` / `up` / `dist-upgrade` / `dup`, each
 * without package names.
 * Not reported: upgrades of named packages (`dnf upgrade openssl`, `apk upgrade
 * openssl`, `apt-get install --only-upgrade openssl`), which fix a known issue on
 * purpose; an operand built from a variable counts as a package name (silence on
 * unknowns). Option values (`-o Dpkg::Options::=...`, `--exclude kernel`) are not
 * package names.
 */
#include "core/str.h"
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

/* Options after the subcommand whose value is the next word. */
static bool
takes_value(const char *w)
{
	static const char *const opts[] = { "-o", "-c", "-t", "-x", "-X", "--exclude",
					    "--setopt", "--option", "--repository",
					    "--enablerepo", "--disablerepo", "--repo", NULL };

	for (const char *const *o = opts; *o != NULL; o++) {
		if (pl_streq(w, *o)) {
			return true;
		}
	}
	return false;
}

/* No operand after SUB names a package. */
static bool
whole_system(const struct pl_sh_cmd *c, size_t sub)
{
	for (size_t a = sub + 1; a < c->argc; a++) {
		const char *w = c->argv[a].text;

		if (w[0] != '-') {
			return false;
		}
		if (takes_value(w)) {
			a++;
		}
	}
	return true;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	static const char *const apt[] = { "apt-get", "apt", NULL };
	static const char *const apt_subs[] = { "upgrade", "dist-upgrade", "full-upgrade", NULL };
	static const char *const apk[] = { "apk", NULL };
	static const char *const apk_subs[] = { "upgrade", NULL };
	static const char *const rpm[] = { "yum", "dnf", "microdnf", NULL };
	static const char *const rpm_subs[] = { "update", "upgrade", "distro-sync", NULL };
	static const char *const zypper[] = { "zypper", NULL };
	static const char *const zypper_subs[] = { "update", "up", "dist-upgrade", "dup", NULL };
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_hyg_runs(c, apt, apt_subs, &sub) && !pl_hyg_runs(c, apk, apk_subs, &sub) &&
		    !pl_hyg_runs(c, rpm, rpm_subs, &sub) &&
		    !pl_hyg_runs(c, zypper, zypper_subs, &sub)) {
			continue;
		}
		if (!whole_system(c, sub)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "%s %s upgrades every installed package: "
				    "the image depends on the day of the build, not on the base "
				    "image tag", c->prog_name, c->argv[sub].text);
		if (f != NULL) {
			f->fix = "Move to a newer base image tag or digest that already carries "
				 "the updates, and rebuild on a schedule; if one package must be "
				 "newer, upgrade it by name.";
		}
	}
}

const struct pl_rule rule_df0049 = {
	.id = "DF0049",
	.name = "distro-upgrade",
	.title = "The Dockerfile upgrades every installed package",
	.severity = PL_SEV_INFO,
	.category = "hygiene",
	.why = "A blanket upgrade makes the image's contents depend on the day it was built "
	       "rather than on the Dockerfile: two builds of the same commit differ, a cached "
	       "layer keeps old packages while a fresh build gets new ones, and the base image "
	       "tag no longer says what is inside. It often papers over a base image that is "
	       "out of date, which is better fixed at the source. A distribution upgrade "
	       "(dist-upgrade, dup) may also change major versions under the application. This "
	       "is a trade-off, not a defect: teams that rebuild without cache on a schedule "
	       "may prefer the fresh security fixes, and can turn the rule off.",
	.fix = "Pin a newer base image (tag and digest) that already has the updates, and let "
	       "a bot such as Renovate or Dependabot move it; rebuild regularly. If one package "
	       "must be newer than the base image's, upgrade that package by name.",
	.bad = "FROM debian:12.6-slim\n"
	       "RUN apt-get update && apt-get -y upgrade && rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12.7-slim\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		"https://docs.docker.com/build/building/best-practices/#rebuild-your-images-often",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3005", "hadolint:DL3035", "trivy:DS-0024",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
