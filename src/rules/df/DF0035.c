/*
 * DF0035 -- npm, yarn or pnpm installs a package without a version.
 *
 * Reported: `npm install <pkg>` (and its aliases), `yarn add`, `yarn global add` and
 * `pnpm add` with package names that have no `@version`, or `@latest`, and repository
 * specs (`user/repo`, `git+https://...`) without a `#commit`; once per command.
 * Not reported: `npm install` with no package (DF0038 looks at that); versions and ranges
 * (`@1.2.3`, `@^1.2`); dist-tags other than `latest` and aliases, which the registry
 * resolves; local paths, tarballs and tarball URLs; names built from variables; and npm
 * updating itself (`npm install -g npm`), a bootstrap step that is meant to float.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_NPM,
			       "Pin the version with `",
			       "@<version>`, or declare the dependency in package.json with a "
			       "lockfile and install it with `npm ci`.");
}

const struct pl_rule rule_df0035 = {
	.id = "DF0035",
	.name = "npm-unpinned",
	.title = "npm install of a package without a version",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "`npm install -g typescript` installs whatever the registry tags `latest` at "
	       "build time, together with the newest matching versions of all its "
	       "dependencies. Rebuilds of the same commit differ, and a compromised release "
	       "lands in the image as soon as it is published, as happened with several "
	       "popular packages. Pins are also a maintenance cost; configuration will let a "
	       "team turn the rule off.",
	.fix = "Pin the version (`npm install -g typescript@5.4.5`), or better declare tools "
	       "and libraries in package.json, commit the lockfile and run `npm ci`; let a bot "
	       "propose updates.",
	.bad = "FROM node:20.11.1-alpine3.19\nRUN npm install -g typescript\n",
	.good = "FROM node:20.11.1-alpine3.19\nRUN npm install -g typescript@5.4.5\n",
	.refs = (const char *const[]){
		"https://docs.npmjs.com/cli/commands/npm-install",
		"https://docs.npmjs.com/cli/commands/npm-ci",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3016",
					 "kics:NPM Install Command Without Pinned Version", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
