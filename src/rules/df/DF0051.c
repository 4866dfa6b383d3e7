/*
 * DF0051 -- the whole context is copied before the dependencies are installed.
 *
 * Reported: `COPY . DST` (or `./`) followed in the same stage by a dependency install
 * (npm ci/install, yarn/pnpm install, pip install -r, poetry install, bundle install,
 * go mod download, composer install), when no manifest (package.json,
 * requirements*.txt, pyproject.toml, Gemfile, go.mod, composer.json) was copied on its own
 * before it.
 * Not reported: stages without a dependency install after the copy.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <string.h>

static bool
whole_context(const struct pl_df_instr *in)
{
	if (in->kind != PL_DF_COPY || in->nargs < 2 || pl_df_flag(in, "from", NULL) != NULL) {
		return false;
	}
	for (size_t k = 0; k + 1 < in->nargs; k++) {
		if (strcmp(in->args[k].s, ".") == 0 || strcmp(in->args[k].s, "./") == 0) {
			return true;
		}
	}
	return false;
}

static bool
copies_manifest(const struct pl_df_instr *in)
{
	static const char *const manifests[] = { "package.json", "package-lock.json", "yarn.lock",
						 "pnpm-lock.yaml", "requirements", "pyproject.toml",
						 "poetry.lock", "Pipfile", "Gemfile", "go.mod",
						 "go.sum", "composer.json", "pom.xml", "Cargo.toml",
						 NULL };

	if (in->kind != PL_DF_COPY && in->kind != PL_DF_ADD) {
		return false;
	}
	for (size_t k = 0; k + 1 < in->nargs; k++) {
		for (const char *const *mf = manifests; *mf != NULL; mf++) {
			if (strstr(in->args[k].s, *mf) != NULL) {
				return true;
			}
		}
	}
	return false;
}

static bool
installs_deps(const struct pl_sh_cmd *c)
{
	size_t sub = pl_sh_subcommand(c, NULL);
	const char *s = sub < c->argc ? c->argv[sub].text : "";

	if (pl_sh_is(c, "npm")) {
		return strcmp(s, "ci") == 0 || strcmp(s, "install") == 0 || strcmp(s, "i") == 0;
	}
	if (pl_sh_is(c, "yarn") || pl_sh_is(c, "pnpm") || pl_sh_is(c, "poetry") ||
	    pl_sh_is(c, "bundle") || pl_sh_is(c, "composer")) {
		return sub >= c->argc || strcmp(s, "install") == 0;
	}
	if (pl_sh_is(c, "pip") || pl_sh_is(c, "pip3")) {
		return strcmp(s, "install") == 0 && (pl_sh_has_opt(c, "-r") ||
						     pl_sh_has_opt(c, "--requirement"));
	}
	if (pl_sh_is(c, "go")) {
		return sub + 1 < c->argc && strcmp(s, "mod") == 0 &&
		       strcmp(c->argv[sub + 1].text, "download") == 0;
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	size_t i, k;
	long copy = -1; /* the COPY . of the current stage, when no manifest came first */
	bool manifest = false;
	struct pl_finding *f;

	for (i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_sh_script *sc;

		if (in->kind == PL_DF_FROM) {
			copy = -1;
			manifest = false;
			continue;
		}
		if (whole_context(in)) {
			if (!manifest && copy < 0) {
				copy = (long)i;
			}
			continue;
		}
		if (copies_manifest(in)) {
			manifest = true;
			continue;
		}
		if (in->kind != PL_DF_RUN || copy < 0) {
			continue;
		}
		sc = pl_df_script(m, i);
		for (k = 0; k < sc->ncmds; k++) {
			if (!installs_deps(&sc->cmds[k])) {
				continue;
			}
			in = &m->file->instrs[copy];
			f = pl_check_report(ck, in->off, in->end, "the whole context is copied before "
					    "the dependencies are installed (line %u): every source "
					    "change reinstalls them", m->file->instrs[i].start_line);
			if (f != NULL) {
				f->fix = "Copy the dependency manifests first (`COPY package.json "
					 "package-lock.json ./`), install, then `COPY . .`.";
			}
			copy = -1;
			manifest = true;
			break;
		}
	}
}

const struct pl_rule rule_df0051 = {
	.id = "DF0051",
	.name = "copy-all-before-dependencies",
	.title = "The whole context is copied before dependencies are installed",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Docker reuses a cached layer only when everything before it is unchanged. With "
	       "`COPY . .` before the install, any edit to any source file invalidates the "
	       "dependency layer, so every build downloads and installs all dependencies "
	       "again: slow CI, more load on registries, and more chances to pick up a "
	       "changed transitive dependency.",
	.fix = "Copy only the manifests and lockfile, install, then copy the rest: `COPY "
	       "package.json package-lock.json ./`, `RUN npm ci`, `COPY . .`.",
	.bad = "FROM node:20.11.1\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
	.good = "FROM node:20.11.1\nWORKDIR /app\nCOPY package.json package-lock.json ./\n"
		"RUN npm ci\nCOPY . .\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/cache/optimize/#order-your-layers", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
