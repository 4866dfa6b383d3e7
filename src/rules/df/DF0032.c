/*
 * DF0032 -- apt-get install of packages without a version pin.
 *
 * Reported: `apt-get install` and `apt install` with package names that carry no
 * `=version`, once per command, spanning the unpinned names.
 * Not reported: `pkg=version` (also with a `*` wildcard); `pkg/suite`, which chooses a
 * release on purpose; local `.deb` files and paths; names built from variables or globs,
 * whose value is not known here.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_APT,
			       "Pin the version the image was tested with, such as `",
			       "=<version>` (see `apt-cache policy`), and update it deliberately; "
			       "or turn this rule off if the team prefers the distribution's "
			       "current security updates.");
}

const struct pl_rule rule_df0032 = {
	.id = "DF0032",
	.name = "apt-unpinned",
	.title = "apt-get install without package versions",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "Without `pkg=version`, every build installs whatever version the mirror has "
	       "that day, so two builds of the same commit can differ and a behaviour change "
	       "arrives unannounced. Pins are also a maintenance cost: Debian and Ubuntu "
	       "remove superseded versions from their mirrors, so a pinned build fails until "
	       "someone updates the pin, and stale pins can hold back security fixes. This is "
	       "a trade-off, not a defect; configuration will let a team turn the rule off.",
	.fix = "Pin the packages that matter (`curl=7.88.1-10+deb12u5`) and let a bot such as "
	       "Renovate propose updates; or pin the base image by digest and accept the "
	       "packages of that snapshot. Teams that prefer fresh security updates over "
	       "reproducibility can disable this rule.",
	.bad = "FROM debian:12-slim\nRUN apt-get update \\\n"
	       " && apt-get install -y --no-install-recommends curl \\\n"
	       " && rm -rf /var/lib/apt/lists/*\n",
	.good = "FROM debian:12-slim\nRUN apt-get update \\\n"
		" && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n"
		" && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get",
		"https://manpages.debian.org/bookworm/apt/apt-get.8.en.html",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3008",
					 "kics:Apt Get Install Pin Version Not Defined", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
