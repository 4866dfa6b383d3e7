/*
 * DF0052 -- the whole build tree of a stage is copied into the final image.
 *
 * Reported: in the final stage (or a stage it builds FROM), `COPY --from=STAGE SRC ...`
 * where SRC is the directory into which STAGE (or a stage it builds FROM) copied the
 * whole build context (`COPY . .` after `WORKDIR /app`: /app), and STAGE then ran a build
 * there: a `build` script of npm, yarn or pnpm, `go build`, `cargo build`, `mvn package`
 * / `install` / `verify`, `gradle build` / `assemble` / `bootJar` / `installDist`,
 * `dotnet build` / `publish`, `tsc`, or `ng` / `vite` / `next build`. Such a tree holds
 * the sources, the dev dependencies and the build caches next to the output.
 * Not reported: subdirectories and files of that tree (`/app/dist`, `/app/server`);
 * stages that copied the context but built nothing (interpreted applications whose tree
 * is what runs); `/`, which copies a whole filesystem and is how images are squashed
 * into `FROM scratch`; images (`--from=nginx:1.27`); sources whose variables are not
 * known.
 */
#include "core/str.h"
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <stdlib.h>
#include <string.h>

/* PATH without trailing "/" and "/." parts, made absolute against DIR. */
static const char *
normalize(struct pl_arena *a, const char *dir, const char *path)
{
	char *p;
	size_t n;

	if (path[0] != '/') {
		path = pl_arena_printf(a, "%s/%s", dir != NULL ? dir : "", path);
	}
	p = pl_arena_strdup(a, path);
	n = strlen(p);
	for (;;) {
		if (n > 1 && p[n - 1] == '/') {
			p[--n] = '\0';
		} else if (n >= 2 && p[n - 1] == '.' && p[n - 2] == '/') {
			p[--n] = '\0';
		} else {
			break;
		}
	}
	return n == 0 ? "/" : p;
}

static bool
one_of(const char *w, const char *const *list)
{
	for (const char *const *l = list; *l != NULL; l++) {
		if (pl_streq(w, *l)) {
			return true;
		}
	}
	return false;
}

/* Command C builds the project: its output is a file or a subdirectory of the tree. */
static bool
builds(const struct pl_sh_cmd *c)
{
	static const char *const mvn_goals[] = { "package", "install", "verify", NULL };
	static const char *const gradle_tasks[] = { "build", "assemble", "bootJar",
						    "installDist", "shadowJar", NULL };
	static const char *const dotnet_verbs[] = { "build", "publish", NULL };
	static const char *const frontends[] = { "ng", "vite", "next", NULL };
	size_t sub = pl_sh_subcommand(c, NULL), p = c->prog;
	const char *s = sub < c->argc ? c->argv[sub].text : "";

	if (pl_sh_is(c, "npx") && p + 1 < c->argc) {
		const char *tool = pl_sh_basename(&c->argv[p + 1]);

		s = p + 2 < c->argc ? c->argv[p + 2].text : "";
		return pl_streq(tool, "tsc") || (one_of(tool, frontends) &&
						     pl_streq(s, "build"));
	}
	if (pl_sh_is(c, "npm") || pl_sh_is(c, "yarn") || pl_sh_is(c, "pnpm")) {
		if (pl_streq(s, "run") || pl_streq(s, "run-script")) {
			s = sub + 1 < c->argc ? c->argv[sub + 1].text : "";
		} else if (pl_sh_is(c, "npm")) {
			return false;
		}
		return strncmp(s, "build", 5) == 0;
	}
	if (pl_sh_is(c, "go") || pl_sh_is(c, "cargo")) {
		return pl_streq(s, "build");
	}
	if (pl_sh_is(c, "mvn") || pl_sh_is(c, "mvnw") || pl_sh_is(c, "gradle") ||
	    pl_sh_is(c, "gradlew")) {
		for (size_t a = p + 1; a < c->argc; a++) {
			if (one_of(c->argv[a].text, mvn_goals) ||
			    one_of(c->argv[a].text, gradle_tasks)) {
				return true;
			}
		}
		return false;
	}
	if (pl_sh_is(c, "dotnet")) {
		return one_of(s, dotnet_verbs);
	}
	if (one_of(c->prog_name != NULL ? c->prog_name : "", frontends)) {
		return pl_streq(s, "build");
	}
	return pl_sh_is(c, "tsc");
}

/* What a stage's file system holds at its end: the directory into which the whole build
 * context was copied (by the stage or a stage it builds FROM), and whether the project
 * was built there afterwards. */
struct tree {
	const char *dir;
	bool built;
};

/* The trees of every stage, in one pass: a stage starts from its base stage's tree. */
static struct tree *
stage_trees(const struct pl_df_model *m)
{
	struct tree *t = pl_arena_alloc(m->arena, (m->nstages + 1) * sizeof(*t));

	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_stage *s = pl_df_stage_of(m, i);
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_sh_script *sc = pl_df_script(m, i);
		struct tree *cur;

		if (s == NULL) {
			continue;
		}
		cur = &t[s->index];
		if (in->kind == PL_DF_FROM) {
			int base = s->base.stage;

			*cur = (struct tree){ NULL, false };
			if (base >= 0 && base < s->index) {
				*cur = t[base];
			}
			continue;
		}
		if (pl_hyg_copies_context(in)) {
			const char *dst = pl_df_expand(m, &m->states[i], in->args[in->nargs - 1].s);

			cur->dir = NULL;
			if (dst != NULL) {
				cur->dir = normalize(m->arena, m->states[i].workdir, dst);
			}
			cur->built = false;
			continue;
		}
		for (size_t k = 0; cur->dir != NULL && !cur->built && k < sc->ncmds; k++) {
			cur->built = builds(&sc->cmds[k]);
		}
	}
	return t;
}

/* The stage that a COPY --from value names: a stage name or a decimal index; -1 for an
 * image. */
static int
source_stage(const struct pl_df_model *m, const char *name)
{
	int idx = pl_df_stage_named(m, name);

	if (idx < 0 && name[0] != '\0' && strlen(name) < 10 &&
	    strspn(name, "0123456789") == strlen(name)) {
		idx = (int)strtol(name, NULL, 10);
	}
	return idx;
}

static void
report(struct pl_check *ck, const struct pl_df_word *w, const char *name, const char *dir)
{
	struct pl_finding *f;

	f = pl_check_report(ck, w->off, w->end, "copies the whole build tree of stage '%s' (%s: "
			    "the build context, dev dependencies and build caches) into the final "
			    "image", name, dir);
	if (f != NULL) {
		f->fix = pl_check_printf(ck, "Copy only what runs: the build output (`COPY "
					 "--from=%s %s/dist ...`), the binary, and production "
					 "dependencies installed apart.", name, dir);
	}
}

static void
check(struct pl_check *ck, const struct pl_df_model *m)
{
	struct tree *trees = NULL;

	for (size_t i = 0; i < m->file->ninstrs; i++) {
		const struct pl_df_instr *in = &m->file->instrs[i];
		const struct pl_stage *st = pl_df_stage_of(m, i);
		const char *name = pl_df_flag(in, "from", NULL), *dir;
		int idx;

		if (in->kind != PL_DF_COPY || st == NULL || name == NULL || in->nargs < 2 ||
		    !pl_df_in_final_chain(m, st->index)) {
			continue;
		}
		idx = source_stage(m, name);
		if (idx < 0 || idx >= st->index) {
			continue;
		}
		trees = trees != NULL ? trees : stage_trees(m);
		dir = trees[idx].dir;
		if (dir == NULL || !trees[idx].built || pl_streq(dir, "/")) {
			continue;
		}
		for (size_t k = 0; k + 1 < in->nargs; k++) {
			const char *src = pl_df_expand(m, &m->states[i], in->args[k].s);

			/* Sources of COPY --from are relative to the root of the source stage. */
			if (src == NULL || strcmp(normalize(m->arena, "", src), dir) != 0) {
				continue;
			}
			report(ck, &in->args[k], name, dir);
		}
	}
}

const struct pl_rule rule_df0052 = {
	.id = "DF0052",
	.name = "copy-whole-build-tree",
	.title = "The whole build tree is copied into the final image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "A multi-stage build exists to leave compilers, sources, dev dependencies and "
	       "build caches behind. Copying the directory in which a stage built the project "
	       "brings them all back: a larger image, more packages for scanners to flag and "
	       "attackers to use, and source code, tests or local configuration from the build "
	       "context shipped to production.",
	.fix = "Copy only what the application needs at run time: the output directory "
	       "(`/app/dist`, `/app/target/app.jar`), the binary, and dependencies installed "
	       "for production only (`npm ci --omit=dev` in a separate stage).",
	.bad = "FROM node:20.11.1 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
	       "FROM nginx:1.27.0\nCOPY --from=build /app /usr/share/nginx/html\n",
	.good = "FROM node:20.11.1 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
		"FROM nginx:1.27.0\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
	.refs = (const char *const[]){ "https://docs.docker.com/build/building/multi-stage/",
				       NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.check_doc = check,
};
