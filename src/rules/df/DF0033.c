/*
 * DF0033 -- apk add of packages without a version pin.
 *
 * Reported: `apk add` with package names that carry no version constraint (`=`, `~`, `<`,
 * `>`), once per command, spanning the unpinned names.
 * Not reported: the name given to `--virtual`/`-t`; local `.apk` files and paths; names
 * built from variables or globs.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_APK,
			       "Pin the version with `",
			       "=<version>` or a fuzzy `~<major.minor>` constraint and update it "
			       "deliberately; or turn this rule off if the team prefers the "
			       "branch's current security updates.");
}

const struct pl_rule rule_df0033 = {
	.id = "DF0033",
	.name = "apk-unpinned",
	.title = "apk add without package versions",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "Without a version constraint, `apk add` installs the newest package of the "
	       "Alpine branch at build time, so rebuilds of the same commit differ and changes "
	       "arrive unannounced. Pins are also a maintenance cost: Alpine keeps only the "
	       "latest version of each package in a branch, so an exact pin breaks the build "
	       "as soon as a fix is published. This is a trade-off, not a defect; "
	       "configuration will let a team turn the rule off.",
	.fix = "Prefer a fuzzy pin that keeps security fixes (`apk add curl~8.9`) or an exact "
	       "pin updated by a bot; the base image's release line (`alpine:3.20`) already "
	       "bounds what can change. Teams that accept branch updates can disable this "
	       "rule.",
	.bad = "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
	.good = "FROM alpine:3.20\nRUN apk add --no-cache curl~8.9\n",
	.refs = (const char *const[]){
		"https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper",
		"https://docs.docker.com/build/building/best-practices/#run",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3018",
					 "kics:Unpinned Package Version in Apk Add", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
