/*
 * DF0045 -- apk keeps its package index in the image.
 *
 * Reported: `apk add` or `apk update` in a shipped stage without --no-cache, when the
 * same RUN does not remove /var/cache/apk.
 * Not reported: build stages that are not shipped; cache mounts on /var/cache/apk;
 * `apk add --no-cache`; `apk add --no-network`, which installs from what is already there
 * and downloads no index.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k, sub;

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, "/var/cache/apk") ||
	    pl_hyg_removes(m, i, "/var/cache/apk")) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "apk")) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "-X", "--repository", "-p", "--root",
								 "--arch", NULL });
		if (sub >= c->argc || (strcmp(c->argv[sub].text, "add") != 0 &&
				       strcmp(c->argv[sub].text, "update") != 0) ||
		    pl_sh_has_opt(c, "--no-cache") || pl_sh_has_opt(c, "--no-network")) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "apk %s keeps the package index in "
				    "/var/cache/apk: use --no-cache", c->argv[sub].text);
		if (f != NULL && strcmp(c->argv[sub].text, "add") == 0) {
			struct pl_edit *e = pl_arena_alloc(&ck->r->arena, sizeof(*e));

			e->off = e->end = c->argv[sub].end;
			e->replacement = " --no-cache";
			f->edit = e;
			f->fix = "Use `apk add --no-cache ...` (and drop a separate `apk update`).";
		}
	}
}

const struct pl_rule rule_df0045 = {
	.id = "DF0045",
	.name = "apk-cache-kept",
	.title = "apk keeps its package index in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "Without --no-cache, apk stores the repository index under /var/cache/apk; in "
	       "a layer it is shipped with every pull and goes stale, for no use at run time.",
	.fix = "Use `apk add --no-cache <packages>`, which fetches the index, installs and "
	       "leaves nothing behind.",
	.bad = "FROM alpine:3.20.3\nRUN apk add curl=8.9.1-r1\n",
	.good = "FROM alpine:3.20.3\nRUN apk add --no-cache curl=8.9.1-r1\n",
	.refs = (const char *const[]){
		"https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper", NULL },
	.peers = (const char *const[]){ "hadolint:DL3019", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
