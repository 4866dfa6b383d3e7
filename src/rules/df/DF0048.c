/*
 * DF0048 -- zypper keeps its package cache in the image.
 *
 * Reported: in a stage whose layers are shipped, the first `zypper install` (in, update,
 * up, dist-upgrade, dup, patch, source-install, si) of a RUN that neither runs
 * `zypper clean` (`cc`) nor removes /var/cache/zypp after its last install, once per RUN.
 * Not reported: build stages whose layers are not shipped; cache or tmpfs mounts on
 * /var/cache/zypp.
 */
#include "rules/df/hygiene_util.h"
#include "rules/df/util.h"

static const struct pl_hyg_cache pm = {
	.progs = (const char *const[]){ "zypper", NULL },
	.installs = (const char *const[]){ "install", "in", "update", "up", "dist-upgrade",
					   "dup", "patch", "source-install", "si", NULL },
	.cleans = (const char *const[]){ "clean", "cc", NULL },
	.dirs = (const char *const[]){ "/var/cache/zypp", NULL },
	.clean = "zypper clean --all",
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
	.why = "zypper stores repository metadata and solver caches under /var/cache/zypp, "
	       "tens of megabytes. Unless the same RUN cleans it, it is committed to the layer "
	       "and shipped with every pull of the image for no use at run time; a clean in a "
	       "later RUN cannot shrink the earlier layer.",
	.fix = "Install and clean in the same RUN: `zypper --non-interactive install "
	       "<packages> && zypper clean --all`, or use a BuildKit cache mount on "
	       "/var/cache/zypp.",
	.bad = "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0\n",
	.good = "FROM opensuse/leap:15.6\n"
		"RUN zypper --non-interactive install curl=8.6.0 && zypper clean --all\n",
	.refs = (const char *const[]){
		"https://en.opensuse.org/SDB:Zypper_manual",
		"https://docs.docker.com/build/building/best-practices/#run",
		NULL },
	.peers = (const char *const[]){ "hadolint:DL3036", "trivy:DS-0020",
					 "kics:Missing Zypper Clean", NULL },
	.inputs = PL_IN_DOCKERFILE,
	.on_instr = PL_ON(PL_DF_RUN),
	.check_instr = check,
};
