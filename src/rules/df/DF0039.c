/*
 * DF0039 -- npm's deprecated --production / --only=production.
 *
 * Reported: `npm ci`, `npm install` and `npm prune` with `--production`,
 * `--production=true`, `--only=production`/`--only=prod` or `--only production`. An edit
 * to `--omit=dev` is offered when the base image is a `node` image of version 15 or later
 * (npm 7 or later, which has --omit) and the command is written in shell form.
 * Not reported: `--production=false`; stages built on a `node` image older than 15,
 * whose npm 6 has no --omit, so the old flag is the right one there.
 */
#include "rules/df/util.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

/* npm's major version is not known; a node image tells it. */
enum npm_age {
	NPM_UNKNOWN,
	NPM_OLD,    /* node < 15: npm 6 */
	NPM_RECENT, /* node >= 15: npm 7 or later */
};

static enum npm_age
npm_age(const struct pl_df_model *m, size_t i)
{
	const struct pl_stage *st = pl_df_stage_of(m, i);
	const char *repo, *tag;
	size_t guard = 0;

	/* Base stages are always earlier, so the walk ends within nstages steps. */
	while (st != NULL && st->base.stage >= 0 && guard++ <= m->nstages) {
		st = &m->stages[st->base.stage];
	}
	if (st == NULL || st->base.resolved == NULL || st->base.repository == NULL) {
		return NPM_UNKNOWN;
	}
	repo = strrchr(st->base.repository, '/');
	repo = repo != NULL ? repo + 1 : st->base.repository;
	tag = st->base.tag;
	if (strcmp(repo, "node") != 0) {
		return NPM_UNKNOWN;
	}
	if (tag == NULL || !(tag[0] >= '0' && tag[0] <= '9')) {
		/* latest, lts, current, alpine...: today's releases */
		return st->base.digest == NULL ? NPM_RECENT : NPM_UNKNOWN;
	}
	/* node 15.0.0 shipped npm 7.0.0, which added --omit */
	return strtol(tag, NULL, 10) >= 15 ? NPM_RECENT : NPM_OLD;
}

static bool
is_prod(const char *v)
{
	return pl_streq(v, "production") || pl_streq(v, "prod");
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	static const char *const subs[] = { "ci", "install", "i", "prune", NULL };
	const struct pl_sh_script *sc = pl_df_script(m, i);
	enum npm_age age = npm_age(m, i);

	if (age == NPM_OLD) {
		return;
	}
	for (size_t k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		size_t sub = pl_sh_subcommand(c, NULL);
		bool known = false;

		if (!pl_sh_is(c, "npm") || sub >= c->argc) {
			continue;
		}
		for (const char *const *s = subs; *s != NULL; s++) {
			known = known || pl_streq(c->argv[sub].text, *s);
		}
		for (size_t a = c->prog + 1; a < c->argc && known; a++) {
			const struct pl_sh_word *w = &c->argv[a];
			const char *t = w->text;
			uint32_t end = w->end;
			struct pl_finding *f;

			if (pl_streq(t, "--only") && a + 1 < c->argc &&
			    is_prod(c->argv[a + 1].text)) {
				end = c->argv[a + 1].end;
				t = pl_check_printf(ck, "--only %s", c->argv[a + 1].text);
			} else if (!(pl_streq(t, "--production") ||
				     pl_streq(t, "--production=true") ||
				     (pl_starts_with(t, "--only=") && is_prod(t + 7)))) {
				continue;
			}
			f = pl_check_report(ck, w->off, end, "npm %s %s is deprecated since npm 7; "
					    "use --omit=dev", c->argv[sub].text, t);
			if (f == NULL) {
				continue;
			}
			f->fix = "Replace it with `--omit=dev` (npm 7 and later).";
			if (age == NPM_RECENT && !m->file->instrs[i].json && c->depth == 0) {
				struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

				e->off = w->off;
				e->end = end;
				e->replacement = "--omit=dev";
				f->edit = e;
			}
		}
	}
}

const struct pl_rule rule_df0039 = {
	.id = "DF0039",
	.name = "npm-only-production",
	.title = "npm uses the deprecated --production or --only=production",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Since npm 7, `--production` and `--only=production` are deprecated aliases that "
	       "print a warning on every build; `--omit=dev` is the supported way to leave "
	       "development dependencies out. Deprecated options can change meaning or "
	       "disappear in a later npm, and an image that silently starts installing its "
	       "test tools again is larger and exposes more code.",
	.fix = "Use `npm ci --omit=dev` (or set `ENV NODE_ENV=production`, which makes npm omit "
	       "development dependencies by default).",
	.bad = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\nCOPY package*.json ./\n"
	       "RUN npm ci --only=production\n",
	.good = "FROM node:20.11.1-alpine3.19\nWORKDIR /app\nCOPY package*.json ./\n"
		"RUN npm ci --omit=dev\n",
	.refs = (const char *const[]){
		"https://docs.npmjs.com/cli/commands/npm-ci#omit",
		"https://docs.npmjs.com/cli/using-npm/config#production",
		NULL },
	.peers = (const char *const[]){ NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
