/*
 * DF0048 -- zypper keeps its package cache in the image.
 *
 * Reported: `zypper install` in a shipped stage without `zypper clean` (or removing /var/cache/zypp) in
 * the same RUN.
 * Not reported: build stages that are not shipped, cache mounts on /var/cache/zypp.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "zypper", NULL },
	.installs = (const char *const[]){ "install", "in", NULL },
	.dir = "/var/cache/zypp",
	.clean = "zypper clean",
};

static void
check(struct pl_check *ck, const struct pl_df_model *m, size_t i)
{
	pl_hyg_check_cache(ck, m, i, &pm);
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
