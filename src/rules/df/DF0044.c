/*
 * DF0044 -- apt package lists left in the image.
 *
 * Reported: a RUN of a shipped stage that runs `apt-get update` (or apt update) and does
 * not remove /var/lib/apt/lists in the same RUN.
 * Not reported: build stages whose layers are not shipped; RUNs with a cache mount on
 * /var/lib/apt; `apt-get dist-clean` in the same RUN. Removal in a later RUN does not
 * count: the lists stay in the earlier layer.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

/* `apt-get dist-clean` (apt 2.7 and later) removes the lists too. */
static bool
dist_clean(const struct pl_sh_script *sc)
{
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "apt-get") && !pl_sh_is(c, "apt")) {
			continue;
		}
		sub = pl_sh_subcommand(c, NULL);
		if (sub < c->argc && strcmp(c->argv[sub].text, "dist-clean") == 0) {
			return true;
		}
	}
	return false;
}

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	const struct pl_sh_script *sc = pl_df_script(m, i);
	struct pl_finding *f;
	size_t k;

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, "/var/lib/apt") ||
	    pl_hyg_removes(m, i, "/var/lib/apt/lists") || dist_clean(sc)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];
		size_t sub;

		if (!pl_sh_is(c, "apt-get") && !pl_sh_is(c, "apt")) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "-o", "-c", "-t", NULL });
		if (sub >= c->argc || strcmp(c->argv[sub].text, "update") != 0) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "apt-get update leaves its package lists "
				    "in this layer: remove /var/lib/apt/lists/* in the same RUN");
		if (f != NULL) {
			f->fix = "End the RUN with `&& rm -rf /var/lib/apt/lists/*`.";
		}
		return;
	}
}

const struct pl_rule rule_df0044 = {
	.id = "DF0044",
	.name = "apt-lists-kept",
	.title = "apt package lists are left in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "apt-get update downloads tens of megabytes of package lists into "
	       "/var/lib/apt/lists. Left in the layer they are shipped with every pull, "
	       "describe repositories as they were on the build day, and let anyone with a "
	       "shell install packages from stale lists.",
	.fix = "Update, install and clean in one RUN: `apt-get update && apt-get install -y "
	       "--no-install-recommends ... && rm -rf /var/lib/apt/lists/*`.",
	.bad = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n",
	.good = "FROM debian:12.6-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \\\n"
		" && rm -rf /var/lib/apt/lists/*\n",
	.refs = (const char *const[]){
		"https://docs.docker.com/build/building/best-practices/#apt-get", NULL },
	.peers = (const char *const[]){ "hadolint:DL3009", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
