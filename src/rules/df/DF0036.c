/*
 * DF0036 -- gem install without a version.
 *
 * Reported: `gem install` of gems named without `:version` and without `-v`/`--version`,
 * once per command, spanning the unpinned names.
 * Not reported: `gem install rails:7.1.3`, `gem install rails -v 7.1.3` (the version
 * applies to the command's gems); local `.gem` files and paths; names built from
 * variables.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_GEM,
			       "Pin the version with `gem install ",
			       ":<version>` (or `-v <version>`), or declare the gem in a Gemfile "
			       "with a committed Gemfile.lock and run `bundle install`.");
}

const struct pl_rule rule_df0036 = {
	.id = "DF0036",
	.name = "gem-unpinned",
	.title = "gem install without a version",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "`gem install bundler` installs the newest release on RubyGems at build time, "
	       "so rebuilds of the same commit differ; for Bundler itself a version that does "
	       "not match the lockfile's `BUNDLED WITH` changes how dependencies resolve. A "
	       "compromised release is installed as soon as it is published. Pins are also a "
	       "maintenance cost; configuration will let a team turn the rule off.",
	.fix = "Pin the version (`gem install bundler:2.5.11` or `-v 2.5.11`), or declare gems "
	       "in a Gemfile with a committed Gemfile.lock and run `bundle install`.",
	.bad = "FROM ruby:3.3.4-slim\nRUN gem install bundler\n",
	.good = "FROM ruby:3.3.4-slim\nRUN gem install bundler:2.5.11\n",
	.refs = (const char *const[]){
		"https://guides.rubygems.org/command-reference/#gem-install",
		"https://bundler.io/guides/bundler_2_upgrade.html",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3028", "kics:Gem Install Without Version",
					 NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
