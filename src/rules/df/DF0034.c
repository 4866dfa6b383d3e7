/*
 * DF0034 -- pip install of packages without a version.
 *
 * Reported: `pip install` (pip, pip3, pip3.X, `python -m pip`) with requirement names
 * that carry no version specifier, once per command, spanning the unpinned names.
 * Not reported: any specifier (`==`, `~=`, `>=`, a `name @ url` reference), which is a
 * deliberate choice; requirement and constraint files (`-r`, and every name of a command
 * with `-c`, since the constraints may pin it); `-e`, `.`, paths, wheels, archives and
 * VCS URLs; names built from variables; and pip upgrading its own tools
 * (`pip install -U pip setuptools wheel`), a bootstrap step that is meant to float.
 */
#include "rules/df/pkg_util.h"

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_pkg_report_unpinned(ck, m, i, PL_PKG_PIP,
			       "Pin the version with `",
			       "==<version>`, or better list the dependencies in a requirements "
			       "or lock file with hashes (`pip install --require-hashes -r "
			       "requirements.txt`).");
}

const struct pl_rule rule_df0034 = {
	.id = "DF0034",
	.name = "pip-unpinned",
	.title = "pip install without package versions",
	.severity = PL_SEV_LOW,
	.category = "supply-chain",
	.why = "A bare `pip install flask` takes the newest release on PyPI at build time: "
	       "rebuilds of the same commit get different code, a new major version can break "
	       "the image, and a hijacked or typo-squatted release is installed as soon as it "
	       "is published. Pins are also a maintenance cost, since someone must update them "
	       "to receive fixes; configuration will let a team turn the rule off.",
	.fix = "Pin each package (`flask==3.0.3`), or keep the versions in a requirements or "
	       "lock file (pip-tools, Poetry, uv) installed with `-r` and `--require-hashes`, "
	       "and let a bot propose updates.",
	.bad = "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask gunicorn\n",
	.good = "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask==3.0.3 "
		"gunicorn==22.0.0\n",
	.refs = (const char *const[]){
		"https://pip.pypa.io/en/stable/topics/repeatable-installs/",
		"https://pip.pypa.io/en/stable/topics/secure-installs/",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3013",
					 "kics:Unpinned Package Version in Pip Install", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
