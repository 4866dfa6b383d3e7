/*
 * DF0048 -- zypper keeps its package cache in the image.
 *
 * Reported: `zypper install` in a shipped stage without `zypper clean` (or removing /var/cache/zypp) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/zypp.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

#include <string.h>

/* The same RUN runs `zypper clean` (zypper's own cleaning). */
static bool
cleans(const struct pl_sh_script *sc)
{
	size_t k, sub;

	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "zypper")) {
			continue;
		}
		sub = pl_sh_subcommand(c, NULL);
		if (sub < c->argc && strcmp(c->argv[sub].text, "clean") == 0) {
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
	size_t k, sub;

	if (!pl_hyg_shipped(m, i) || pl_hyg_cache_mount(m, i, "/var/cache/zypp") ||
	    pl_hyg_removes(m, i, "/var/cache/zypp") || cleans(sc)) {
		return;
	}
	for (k = 0; k < sc->ncmds; k++) {
		const struct pl_sh_cmd *c = &sc->cmds[k];

		if (!pl_sh_is(c, "zypper")) {
			continue;
		}
		sub = pl_sh_subcommand(c, (const char *const[]){ "--setopt", "-c", "--config",
								 "--installroot", NULL });
		if (sub >= c->argc || (strcmp(c->argv[sub].text, "install") != 0 && strcmp(c->argv[sub].text, "in") != 0)) {
			continue;
		}
		f = pl_check_report(ck, c->off, c->end, "zypper %s leaves its package cache in this "
				    "layer", c->argv[sub].text);
		if (f != NULL) {
			f->fix = "End the same RUN with `&& zypper clean`.";
		}
		return;
	}
}

const struct pl_rule rule_df0048 = {
	.id = "DF0048",
	.name = "zypper-cache-kept",
	.title = "zypper keeps its package cache in the image",
	.severity = PL_SEV_LOW,
	.category = "hygiene",
	.why = "zypper keeps downloaded packages and repository metadata under /var/cache/zypp. Left in "
	       "the layer, they are shipped with every pull and describe repositories as they "
	       "were on the build day, for no use at run time.",
	.fix = "Install and clean in the same RUN: `zypper install -y <packages> && zypper clean`.",
	.bad = "FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0\n",
	.good = "FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean\n",
	.refs = (const char *const[]){ "https://en.opensuse.org/SDB:Zypper_manual", NULL },
	.peers = (const char *const[]){ "hadolint:DL3036", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
