/*
 * DF0051 -- the whole build context is copied before the dependencies are installed.
 *
 * Reported: `COPY . DST` (or `./`, or ADD) followed in the same stage by a RUN that
 * installs the project's dependencies from its manifest -- `npm ci`, `npm install` /
 * `pnpm install` / `yarn install` without package names, `pip install -r FILE`,
 * `poetry install`, `pipenv install`, `uv sync`, `bundle install`, `composer install`,
 * `go mod download`, `mvn dependency:go-offline` / `resolve`, `cargo fetch`,
 * `dotnet restore` -- when no dependency manifest (package.json, a lockfile,
 * requirements*.txt, pyproject.toml, Pipfile, Gemfile, go.mod, composer.json, pom.xml,
 * Cargo.toml, *.csproj...) was copied on its own earlier in the stage. At the COPY, once
 * per stage.
 * Not reported: installs of named packages or global tools (`npm install -g serve`,
 * `pip install gunicorn`), which do not read the manifest; builds (`go build`,
 * `cargo build`, `mvn package`) that need the sources anyway; stages with no install
 * after the copy.
 */
#include "core/str.h"
#include "rules/df/hygiene_util.h"
#include "rules/df/pkg_util.h"
#include "rules/df/util.h"

#include <fnmatch.h>
#include <string.h>

/* Dependency manifests and lockfiles, matched against COPY sources. */
static const char *const manifests[] = {
	"package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
	"requirements.txt", "pyproject.toml", "poetry.lock", "Pipfile", "Pipfile.lock", "uv.lock",
	"Gemfile", "Gemfile.lock", "go.mod", "go.sum", "composer.json", "composer.lock",
	"pom.xml", "Cargo.toml", "Cargo.lock", "packages.lock.json", NULL
};

/* Names that mark a manifest wherever they appear in a source path ("requirements/
 * base.txt", "requirements-dev.txt", "src/App.csproj"). */
static const char *const stems[] = { "requirements", ".csproj", ".fsproj", ".sln", NULL };

static bool
is_manifest(const char *src)
{
	const char *base = strrchr(src, '/');

	base = base != NULL && base[1] != '\0' ? base + 1 : src;
	for (const char *const *s = stems; *s != NULL; s++) {
		if (strstr(src, *s) != NULL) {
			return true;
		}
	}
	for (const char *const *mf = manifests; *mf != NULL; mf++) {
		/* A glob such as `package*.json` copies the manifests it matches. */
		if (pl_streq(base, *mf) ||
		    (strpbrk(base, "*?[") != NULL && fnmatch(base, *mf, 0) == 0)) {
			return true;
		}
	}
	return false;
}

static bool
copies_manifest(const struct pl_df_instr *in)
{
	if ((in->kind != PL_DF_COPY && in->kind != PL_DF_ADD) ||
	    pl_df_flag(in, "from", NULL) != NULL) {
		return false;
	}
	for (size_t k = 0; k + 1 < in->nargs; k++) {
		if (is_manifest(in->args[k].s)) {
			return true;
		}
	}
	return false;
}

/* No operand after SUB: the manifest's own dependencies are installed. */
static bool
no_operands(const struct pl_sh_cmd *c, size_t sub)
{
	for (size_t a = sub + 1; a < c->argc; a++) {
		if (c->argv[a].text[0] != '-') {
			return false;
		}
	}
	return true;
}

static bool
is_one_of(const char *w, const char *const *list)
{
	for (const char *const *l = list; *l != NULL; l++) {
		if (pl_streq(w, *l)) {
			return true;
		}
	}
	return false;
}

static bool
installs_deps(const struct pl_sh_cmd *c)
{
	static const char *const js_install[] = { "install", "i", NULL };
	static const char *const mvn_goals[] = { "dependency:go-offline", "dependency:resolve",
						 "dependency:resolve-plugins", NULL };
	size_t sub = pl_sh_subcommand(c, NULL);
	const char *s = sub < c->argc ? c->argv[sub].text : "";

	if (pl_pkg_pip_sub(c) < c->argc) {
		sub = pl_pkg_pip_sub(c);
		return pl_streq(c->argv[sub].text, "install") &&
		       (pl_sh_has_opt(c, "-r") || pl_sh_has_opt(c, "--requirement"));
	}
	if (pl_sh_is(c, "npm")) {
		return pl_streq(s, "ci") || (is_one_of(s, js_install) && no_operands(c, sub) &&
						!pl_sh_has_opt(c, "-g") &&
						!pl_sh_has_opt(c, "--global"));
	}
	if (pl_sh_is(c, "yarn")) {
		return sub >= c->argc || (pl_streq(s, "install") && no_operands(c, sub));
	}
	if (pl_sh_is(c, "pnpm")) {
		return is_one_of(s, js_install) && no_operands(c, sub) && !pl_sh_has_opt(c, "-g");
	}
	if (pl_sh_is(c, "poetry") || pl_sh_is(c, "bundle") || pl_sh_is(c, "composer") ||
	    pl_sh_is(c, "pipenv")) {
		return pl_streq(s, "install") && no_operands(c, sub);
	}
	if (pl_sh_is(c, "uv")) {
		return pl_streq(s, "sync");
	}
	if (pl_sh_is(c, "go")) {
		return pl_streq(s, "mod") && sub + 1 < c->argc &&
		       pl_streq(c->argv[sub + 1].text, "download");
	}
	if (pl_sh_is(c, "mvn") || pl_sh_is(c, "mvnw")) {
		for (size_t a = c->prog + 1; a < c->argc; a++) {
			if (is_one_of(c->argv[a].text, mvn_goals)) {
				return true;
			}
		}
		return false;
	}
	if (pl_sh_is(c, "cargo")) {
		return pl_streq(s, "fetch");
	}
	return pl_sh_is(c, "dotnet") && pl_streq(s, "restore");
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	long copy = -1; /* the whole-context COPY of the current stage, no manifest before it */
	bool manifest = false;
	struct pl_finding *f;

	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_sh_script *sc;

		if (in->kind == PL_DF_FROM) {
			copy = -1;
			manifest = false;
			continue;
		}
		if (pl_hyg_copies_context(in)) {
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
		for (size_t k = 0; k < sc->ncmds; k++) {
			const struct pl_df_instr *cp = &m->file->instrs[copy];

			if (!installs_deps(&sc->cmds[k])) {
				continue;
			}
			f = pl_check_report(ck, cp->off, cp->end, "the whole build context is "
					    "copied before the dependencies are installed (line "
					    "%u): any source change reinstalls all of them",
					    in->start_line);
			if (f != NULL) {
				f->fix = "Copy only the dependency manifests and lockfile first "
					 "(`COPY package.json package-lock.json ./`), install, "
					 "then copy the rest (`COPY . .`).";
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
	       "`COPY . .` before the install, an edit to any file of the build context "
	       "invalidates the dependency layer, so every build downloads and installs all "
	       "dependencies again: slow builds, load on the registries, and on each rebuild a "
	       "new chance to pick up a changed or compromised transitive dependency that a "
	       "lockfile does not pin.",
	.fix = "Copy only the manifests and lockfile, install, then copy the rest: `COPY "
	       "package.json package-lock.json ./`, `RUN npm ci`, `COPY . .`. The dependency "
	       "layer is then rebuilt only when the manifests change.",
	.bad = "FROM node:20.11.1\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
	.good = "FROM node:20.11.1\nWORKDIR /app\nCOPY package.json package-lock.json ./\n"
		"RUN npm ci\nCOPY . .\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/cache/optimize/#order-your-layers", NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
