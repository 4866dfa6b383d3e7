/*
 * DF0038 -- dependencies installed without holding to the lockfile.
 *
 * Reported: `npm install` (or `npm i`) with no package operand, where `npm ci` installs
 * exactly package-lock.json; `yarn install` (or bare `yarn`) without `--frozen-lockfile`
 * or `--immutable`; `pnpm install` without `--frozen-lockfile`.
 * Not reported: installs of named packages (DF0035 looks at their versions) or local
 * paths; `npm install -g` of the current package; `--package-lock-only` and
 * `--lockfile-only`, which only write the lockfile; `yarn --version` and `--help`; pnpm's
 * `--offline` install after `pnpm fetch`, which reads the lockfile's packages from the
 * store; yarn and pnpm when CI is set (both then refuse to change the lockfile by
 * default), when YARN_ENABLE_IMMUTABLE_INSTALLS or YARN_FROZEN_LOCKFILE is set, or when
 * a .yarnrc file is copied into the stage, since it may set the same option.
 */
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static const char *const npm_install[] = { "install", "i", "in", "ins", "inst", "insta",
					   "instal", "isnt", "isnta", "isntal", "isntall", NULL };

static bool
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++) {
		if (pl_streq(s, *list)) {
			return true;
		}
	}
	return false;
}

/* The first word after FROM that does not start with '-' (npm, yarn and pnpm take their
 * option values attached in practice: --omit=dev). */
static size_t
first_operand(const struct pl_sh_cmd *c, size_t from)
{
	static const char *const value_opts[] = {
		"--prefix", "--cwd", "--dir", "-C", "-w", "--workspace", "--filter", "-F", "--omit",
		"--include", "--only", "--registry", "--cache", "--cache-folder",
		"--modules-folder", "--network-timeout", "--mutex", "--store-dir", NULL,
	};

	for (size_t i = from; i < c->argc; i++) {
		const char *w = c->argv[i].text;

		if (w[0] != '-') {
			return i;
		}
		if (in_list(w, value_opts)) {
			i++;
		}
	}
	return c->argc;
}

static bool
has(const struct pl_sh_cmd *c, const char *opt)
{
	return pl_sh_has_opt(c, opt);
}

/* Yarn and pnpm settings that make a plain install refuse to change the lockfile. */
static bool
frozen_by_config(const struct pl_df_model *m, size_t i, const struct pl_sh_cmd *c)
{
	static const char *const vars[] = { "CI", "YARN_ENABLE_IMMUTABLE_INSTALLS",
					    "YARN_FROZEN_LOCKFILE", NULL };
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const char *v;

	for (const char *const *p = vars; *p != NULL; p++) {
		if (pl_df_lookup(&m->states[i], *p, strlen(*p), &v) != PL_VAR_UNSET) {
			return true;
		}
		for (size_t a = 0; a < c->nassigns; a++) {
			if (pl_starts_with(c->assigns[a].text, *p) &&
			    c->assigns[a].text[strlen(*p)] == '=') {
				return true;
			}
		}
	}
	for (size_t k = st != NULL ? st->from : 0; k < i; k++) {
		const struct pl_df_instr *in = &m->file->instrs[k];

		if (in->kind == PL_DF_COPY && strstr(in->original, ".yarnrc") != NULL) {
			return true;
		}
	}
	return false;
}

static void
report(struct pl_check *ck, const struct pl_sh_cmd *c, size_t sub, const char *msg,
       const char *fix)
{
	uint32_t end = sub < c->argc ? c->argv[sub].end : c->argv[c->prog].end;
	struct pl_finding *f = pl_check_report(ck, c->argv[c->prog].off, end, "%s", msg);

	if (f != NULL) {
		f->fix = fix;
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);

	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		size_t sub;

		if (c->prog >= c->argc) {
			continue;
		}
		sub = first_operand(c, c->prog + 1);
		if (pl_sh_is(c, "npm")) {
			if (sub >= c->argc || !in_list(c->argv[sub].text, npm_install) ||
			    first_operand(c, sub + 1) < c->argc || has(c, "-g") ||
			    has(c, "--global") || has(c, "--package-lock-only")) {
				continue;
			}
			report(ck, c, sub, "npm install may resolve versions other than the "
			       "lockfile's and rewrite package-lock.json; `npm ci` installs "
			       "exactly what it records",
			       "Use `npm ci` (with `--omit=dev` for production images), after "
			       "copying package.json and package-lock.json.");
		} else if (pl_sh_is(c, "yarn")) {
			if ((sub < c->argc && strcmp(c->argv[sub].text, "install") != 0) ||
			    has(c, "--frozen-lockfile") || has(c, "--immutable") ||
			    has(c, "--version") || has(c, "-v") || has(c, "--help") ||
			    has(c, "-h") || frozen_by_config(m, i, c)) {
				continue;
			}
			report(ck, c, sub, "yarn install without --frozen-lockfile (Yarn 1) or "
			       "--immutable (Yarn 2+) may update yarn.lock instead of installing "
			       "what it records",
			       "Use `yarn install --frozen-lockfile` with Yarn 1, or `yarn install "
			       "--immutable` with Yarn 2 and later.");
		} else if (pl_sh_is(c, "pnpm")) {
			if (sub >= c->argc || (strcmp(c->argv[sub].text, "install") != 0 &&
					       strcmp(c->argv[sub].text, "i") != 0) ||
			    first_operand(c, sub + 1) < c->argc ||
			    (has(c, "--frozen-lockfile") && !has(c, "--frozen-lockfile=false")) ||
			    has(c, "--offline") || has(c, "--lockfile-only") ||
			    frozen_by_config(m, i, c)) {
				continue;
			}
			report(ck, c, sub, "pnpm install without --frozen-lockfile may update "
			       "pnpm-lock.yaml instead of installing what it records",
			       "Use `pnpm install --frozen-lockfile`.");
		}
	}
}

const struct pl_rule rule_df0038 = {
	.id = "DF0038",
	.name = "npm-install-without-lockfile",
	.title = "Dependencies are installed without holding to the lockfile",
	.severity = PL_SEV_MEDIUM,
	.category = "supply-chain",
	.why = "`npm install`, a plain `yarn install` and `pnpm install` treat the lockfile as a "
	       "starting point: when package.json and the lockfile disagree they resolve new "
	       "versions from the registry and rewrite the lockfile inside the image. The "
	       "image then contains dependency versions nobody reviewed, and two builds of "
	       "the same commit can differ.",
	.fix = "Install exactly what the lockfile records and fail when it is out of date: "
	       "`npm ci`, `yarn install --frozen-lockfile` (Yarn 1) or `--immutable` (Yarn 2+), "
	       "`pnpm install --frozen-lockfile`. Copy the lockfile into the image before the "
	       "install step.",
	.bad = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\n"
	       "COPY package.json package-lock.json ./\nRUN npm install\n",
	.good = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\n"
		"COPY package.json package-lock.json ./\nRUN npm ci\n",
	.refs = (const char *const[]){
		"https://docs.npmjs.com/cli/commands/npm-ci",
		"https://classic.yarnpkg.com/en/docs/cli/install#toc-yarn-install-frozen-lockfile",
		"https://pnpm.io/cli/install#--frozen-lockfile",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
